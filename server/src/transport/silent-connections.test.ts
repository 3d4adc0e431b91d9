import { createServer } from 'node:http'
import { type AddressInfo, type Socket, connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { closeSilentConnections } from './silent-connections.js'

const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0)) close()
})

/** An HTTP server on 127.0.0.1 that closes silent connections after `silentMs`. */
async function server(silentMs: number) {
  const http = createServer((_req, res) => res.end('ok'))
  const stop = closeSilentConnections(http, false, silentMs)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  closers.push(() => (stop(), http.closeAllConnections(), http.close()))
  return (http.address() as AddressInfo).port
}

/** A TCP connection and when (ms after its connect) the server closed it. */
function open(port: number) {
  const socket: Socket = connect(port, '127.0.0.1')
  closers.push(() => socket.destroy())
  let connectedAt = 0
  socket.on('connect', () => (connectedAt = performance.now()))
  socket.on('error', () => {})
  socket.resume()
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now() - connectedAt)))
  return { socket, closed }
}

describe('connections that never send a request', () => {
  it('are closed after the silence, at most one sweep later', async () => {
    const port = await server(300)
    const silent = [open(port), open(port), open(port)]
    for (const after of await Promise.all(silent.map((c) => c.closed))) {
      expect(after).toBeGreaterThanOrEqual(250)
      expect(after).toBeLessThan(1_500)
    }
  })

  it('stay open once they sent a request (keep-alive), and so do the later ones', async () => {
    const port = await server(300)
    const talking = open(port)
    await new Promise((resolve) => talking.socket.once('connect', resolve))
    talking.socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n')
    const closedEarly = await Promise.race([talking.closed.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 1_200))])
    expect(closedEarly).toBe(false)
    const later = open(port)
    expect(await later.closed).toBeLessThan(1_500)
  })
})
