import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

/**
 * A server that stops (a restart during the day) lets a request that is still running answer and
 * then closes every connection at once. A browser's keep-alive connection that had just carried a
 * request used to stay open for its whole timeout (5 s): the stop waited for it, and the screens of
 * the restarting server did not learn meanwhile that it was going away.
 */
describe('stopping the server', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  beforeAll(async () => {
    data = await tempDataDir('stop')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('answers a request still running and closes its keep-alive connection without waiting for the timeout', async () => {
    const { port } = new URL(running.url)
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    const closedByServer = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())))
    // A request under way (its headers half sent) when the stop begins; it completes a moment later.
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    const stopped = running.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    socket.write('\r\n')
    await stopped
    const closedAt = await closedByServer

    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    // Well before the keep-alive timeout of 5 s.
    expect(closedAt - started).toBeLessThan(2500)
    expect(Date.now() - started).toBeLessThan(2500)
  })
})
