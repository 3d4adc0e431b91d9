import { io, type Socket } from 'socket.io-client'
import { type Ack, ErrorCode, WIRE_VERSION, controlAckSchema, fail } from '@tischrunde/shared'
import type { ControlTransport, TransportSink } from './control-transport.js'
import { eventOfToken } from './credentials.js'

/** How long a screen refused for now (server full, a backoff) waits before it tries again, at least, in ms. */
const BUSY_RETRY_MS = 10_000

/**
 * The control plane over Socket.IO: facilitator screens, and phones that sit at no table (the
 * table choice, a programme-only day, a tree day). Loaded on demand: a seated phone never needs it.
 */
export function openSocketTransport(token: string, eventId: string | undefined, sink: TransportSink): ControlTransport {
  // The event in the address: with several server nodes the connection is routed to the event's node.
  // The credential too, as a board socket's: the server lets a staff link in before a flood of bare
  // handshakes (it checks it again in the Socket.IO handshake, from `auth`).
  // WebSocket only: the boards need WebSockets anyway, and long-polling first would add a handshake
  // and an upgrade to every connect (the browser build leaves the polling transport out).
  const routed = eventId ?? eventOfToken(token)
  const socket: Socket = io({ auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnectionDelayMax: 5000, query: { token, ...(routed ? { event: routed } : {}) } })
  socket.on('connect', () => sink.online())
  socket.on('disconnect', (reason: string) => {
    sink.status('offline')
    // The server dropped this screen (its link was revoked): one new handshake tells whether the key
    // still opens the event, so the screen says so instead of "offline" for ever.
    if (reason === 'io server disconnect') socket.connect()
  })
  let retry: ReturnType<typeof setTimeout> | undefined
  socket.on('connect_error', (error: Error) => {
    // The event was deleted while this screen was away: it says "gelöscht", as if it had been open.
    if (error.message === ErrorCode.NOT_FOUND && (error as Error & { data?: { deleted?: unknown } }).data?.deleted === true) {
      socket.disconnect()
      return sink.push('event:deleted', null)
    }
    // A key that is malformed, wrong or revoked: no retry will help, say so.
    if (error.message === ErrorCode.UNAUTHORIZED || error.message === ErrorCode.INVALID_MESSAGE) {
      sink.status('denied')
      socket.disconnect()
    } else {
      sink.status('offline')
      // Refused for now (the server full, a backoff after a flood): Socket.IO does not try again by
      // itself after a refused handshake, so this screen does, a little later.
      if (!socket.active) retry = setTimeout(() => socket.connect(), BUSY_RETRY_MS + Math.random() * BUSY_RETRY_MS)
    }
  })
  socket.onAny((name: string, payload: unknown) => sink.push(name, payload))
  return {
    // Socket.IO keeps a command sent while disconnected and sends it on reconnect.
    ready: () => true,
    send: (name, payload, timeoutMs) =>
      socket
        .timeout(timeoutMs)
        .emitWithAck(name, payload)
        .then(
          // Read through the shared schema, as the answers carried on the board socket are.
          (ack: unknown): Ack => {
            const read = controlAckSchema.safeParse(ack)
            return read.success ? read.data : fail(ErrorCode.NETWORK, {}, 'unreadable answer')
          },
          (): Ack => fail(ErrorCode.NETWORK, {}, 'no answer in time'),
        ),
    close() {
      clearTimeout(retry)
      socket.disconnect()
    },
  }
}
