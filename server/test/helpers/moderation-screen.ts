import { type Socket, io } from 'socket.io-client'
import { type Ack, type ModerationModesPush, type ModerationOwnPush, WIRE_VERSION, moderationModesPushSchema, moderationOwnPushSchema } from '@tischrunde/shared'
import { within } from './wait.js'

/** A Socket.IO screen that records the moderation pushes it gets (modes, own held count). */
export async function moderationScreen(url: string, token: string) {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  const modes: ModerationModesPush[] = []
  const own: ModerationOwnPush[] = []
  socket.on('moderation:modes', (p: unknown) => modes.push(moderationModesPushSchema.parse(p)))
  socket.on('moderation:own', (p: unknown) => own.push(moderationOwnPushSchema.parse(p)))
  await within(new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))), 'control socket')
  return { socket, modes, own, send: (name: string, payload: unknown) => within(socket.emitWithAck(name, payload) as Promise<Ack>, `ack of ${name}`) }
}
