import { type Socket, io } from 'socket.io-client'
import { type Ack, WIRE_VERSION } from '@tischrunde/shared'
import { within } from './wait.js'

/** Sends one command on a fresh control-plane socket and returns its ack. */
export async function command(url: string, token: string, name: string, payload: unknown): Promise<Ack<unknown>> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  try {
    await within(new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject))), 'the socket to connect')
    return (await within(socket.emitWithAck(name, payload), `the ack of ${name}`)) as Ack
  } finally {
    socket.disconnect()
  }
}
