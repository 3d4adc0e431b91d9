import { io, type Socket } from 'socket.io-client'
import { type Ack, type RoundMessage, WIRE_VERSION } from '@tischrunde/shared'

/** A facilitator's control connection from a test: sends round commands with the current version. */
export async function facilitatorSocket(url: string, token: string): Promise<{ socket: Socket; round: () => RoundMessage['round']; advance: () => Promise<Ack>; close: () => void }> {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'] })
  let latest: RoundMessage | null = null
  socket.on('round:state', (m: RoundMessage) => (latest = m))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no round state from the server')), 5000)
    socket.once('round:state', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return {
    socket,
    round: () => latest!.round,
    advance: () => socket.emitWithAck('round:advance', { expectedVersion: latest!.round.version }) as Promise<Ack>,
    close: () => socket.disconnect(),
  }
}
