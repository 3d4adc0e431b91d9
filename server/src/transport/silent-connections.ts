import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { Socket } from 'node:net'

/** A TCP connection that sends no request at all is closed after this long, in ms. @default 5000 */
export const SILENT_CONNECTION_MS = 5_000
/** How often the connections not yet heard are looked at, in ms. @default 1000 */
const SWEEP_MS = 1_000

/**
 * Closes connections that never send a request (Node's header timeout starts only with the first
 * byte). One sweep a second over the connections not yet heard, rather than a timer and a close
 * listener per connection: a hall of phones connecting costs a map entry each. Returns the stop.
 */
export function closeSilentConnections(server: HttpServer | HttpsServer, tls: boolean, silentMs = SILENT_CONNECTION_MS): () => void {
  const unheard = new Map<Socket, number>()
  let sweep: NodeJS.Timeout | undefined
  const look = () => {
    const now = performance.now()
    for (const [socket, deadline] of unheard) {
      if (socket.destroyed) unheard.delete(socket)
      else if (deadline <= now) {
        unheard.delete(socket)
        socket.destroy()
      }
    }
    if (unheard.size === 0) sweep = void clearInterval(sweep)
  }
  const watch = (socket: Socket) => {
    unheard.set(socket, performance.now() + silentMs)
    sweep ??= setInterval(look, Math.min(SWEEP_MS, silentMs)).unref()
  }
  const heard = (req: IncomingMessage) => void unheard.delete(req.socket)
  // Over TLS the requests come on the TLS socket; a silent TCP connection ends at the TLS handshake timeout.
  server.on(tls ? 'secureConnection' : 'connection', watch)
  server.on('request', heard)
  server.on('upgrade', heard)
  return () => {
    sweep = void clearInterval(sweep)
    unheard.clear()
    server.off(tls ? 'secureConnection' : 'connection', watch)
    server.off('request', heard)
    server.off('upgrade', heard)
  }
}
