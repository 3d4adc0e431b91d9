import { type Socket, connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/** TCP connections that never send a request hold a slot each: they are closed within seconds. */
describe('fault suite: idle connections', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer

  beforeAll(async () => {
    data = await tempDataDir('faults-idle')
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_MAX_CONNECTIONS: '50' } })
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  it('closes 300 connections that never send a request within seconds, and keeps answering others', async () => {
    const { hostname, port } = new URL(child.url)
    // Measured from each socket's own connect: a busy machine's accept queue may take some later.
    const closedAfter: number[] = []
    const sockets: Socket[] = []
    for (let batch = 0; batch < 6; batch++) {
      for (let i = 0; i < 50; i++) {
        const s = connect(Number(port), hostname)
        let connectedAt = 0
        s.on('connect', () => (connectedAt = performance.now()))
        s.on('error', () => {})
        // Read (and drop) what arrives: a socket nobody reads may never report the server's FIN, and
        // stays half-closed on this side without a 'close' while the server has long let it go.
        s.resume()
        s.on('close', () => closedAfter.push(performance.now() - (connectedAt || performance.now())))
        sockets.push(s)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const during = await fetch(`${child.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0)
    const deadline = Date.now() + 30_000
    while (closedAfter.length < sockets.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
    for (const s of sockets) s.destroy()
    const last = Math.max(...closedAfter)
    report('idle TCP connections', `300 opened, ${closedAfter.length} closed by the server, the last after ${(last / 1000).toFixed(1)} s; /healthz during the flood → ${during}`)
    expect(closedAfter.length).toBe(300)
    expect(last).toBeLessThan(10_000)
  })
})
