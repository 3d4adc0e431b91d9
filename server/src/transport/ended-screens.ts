import type { Server } from 'socket.io'
import type { EventActor, TischEvent } from '@tischrunde/shared'
import type { ControlSession } from '../handlers/handler.js'
import type { ScreenRooms } from './screens.js'

/**
 * Whether a screen's holder lost its place with the setup: a table host whose table was taken out
 * (the link was retired with it; its next command is refused, but the pushes, the join code among
 * them, went on reaching it).
 */
export const hostWithoutTable = (actor: EventActor, event: TischEvent): boolean =>
  actor.role === 'host' && actor.tableId !== null && !event.tables.some((t) => t.id === actor.tableId)

/**
 * Closes this process's screens in `rooms`, Socket.IO and carried on doc sockets, whose holder
 * `ended` says lost access — at once, before anything more is sent to the rooms. Every process
 * does so on the same hub message, so the local screens are all there is to close here.
 */
export function closeScreensWhere(io: Server, screens: ScreenRooms, rooms: readonly string[], ended: (actor: EventActor) => boolean, why: 'revoked' = 'revoked'): void {
  for (const s of screens.carriedIn(rooms)) if (ended(s.session.actor)) s.disconnect(why)
  const ids = new Set(rooms.flatMap((room) => [...(io.sockets.adapter.rooms.get(room) ?? [])]))
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id)
    const session = socket?.data.session as ControlSession | undefined
    if (socket && session && ended(session.actor)) socket.disconnect(true)
  }
}
