import type { Server, Socket } from 'socket.io'
import { encodeControlPush } from '@tischrunde/shared'
import type { ControlSession } from '../handlers/handler.js'

/**
 * One open screen of the control plane: a Socket.IO connection, or a doc socket that carries the
 * control plane (a seated phone). Both get the same messages and send the same commands.
 */
export interface Screen {
  /** Unique among the screens of all nodes (presence and rotation suggestions are keyed by it). */
  id: string
  session: ControlSession
  /** Sends one message to this screen. */
  emit(name: string, payload: unknown): void
  /** Ends the connection; a deleted event's screens say so by `deleted`. */
  disconnect(why?: 'deleted' | 'revoked'): void
  /** Joins a room: what goes to the room reaches this screen. */
  join(room: string): void
  /** A carried screen: the board doc whose socket carries it. */
  docName?: string
  /** A carried screen: sends an already encoded push frame (one encoding for every screen of a room). */
  frame?(bytes: Uint8Array): void
}

/** The room of every screen of one participant (their phone, their second device): what is theirs alone goes there. */
export const participantRoom = (eventId: string, participantId: string): string => `event:${eventId}:author:${participantId}`

/** A Socket.IO connection as a screen. */
export function socketScreen(socket: Socket, session: ControlSession): Screen {
  return {
    id: socket.id,
    session,
    emit: (name, payload) => void socket.emit(name, payload),
    disconnect: () => void socket.disconnect(true),
    join: (room) => void socket.join(room),
  }
}

/**
 * Rooms of the control plane over both kinds of screen: a message to rooms goes to their Socket.IO
 * sockets (on every node, through the adapter) and to the carried screens of this node in them.
 * Every screen joins a room named by its id, so one screen is reached the same way.
 */
export class ScreenRooms {
  /** Carried screens per room (Socket.IO keeps its own). */
  private readonly members = new Map<string, Set<Screen>>()
  private readonly roomsOf = new Map<Screen, Set<string>>()
  /** Carried screens by id: a message to one of them needs no Socket.IO broadcast (with Redis, no publish). */
  private readonly byId = new Map<string, Screen>()

  constructor(private readonly io: Server) {}

  /** A carried screen opened: it is in the room of its id. */
  add(screen: Screen): void {
    this.roomsOf.set(screen, new Set())
    this.byId.set(screen.id, screen)
    this.join(screen, screen.id)
  }

  /** Joins a room (a Socket.IO screen joins Socket.IO's). */
  join(screen: Screen, room: string): void {
    const rooms = this.roomsOf.get(screen)
    if (!rooms) return screen.join(room)
    rooms.add(room)
    let set = this.members.get(room)
    if (!set) this.members.set(room, (set = new Set()))
    set.add(screen)
  }

  /** A carried screen closed. */
  remove(screen: Screen): void {
    for (const room of this.roomsOf.get(screen) ?? []) {
      const set = this.members.get(room)
      set?.delete(screen)
      if (set?.size === 0) this.members.delete(room)
    }
    this.roomsOf.delete(screen)
    this.byId.delete(screen.id)
  }

  /** The carried screens of this node in any of the rooms, each once. */
  carriedIn(rooms: string | readonly string[]): Screen[] {
    const list = typeof rooms === 'string' ? [rooms] : rooms
    if (list.length === 1) return [...(this.members.get(list[0]!) ?? [])]
    const found = new Set<Screen>()
    for (const room of list) for (const s of this.members.get(room) ?? []) found.add(s)
    return [...found]
  }

  /** Like Socket.IO's `io.to(rooms)`: `emit` reaches every screen in them. */
  to(rooms: string | readonly string[]) {
    return {
      emit: (name: string, payload: unknown): void => {
        const one = typeof rooms === 'string' ? this.byId.get(rooms) : undefined
        if (one) return one.emit(name, payload)
        this.io.to(rooms as string | string[]).emit(name, payload)
        const carried = this.carriedIn(rooms)
        if (!carried.length) return
        const bytes = encodeControlPush(name, payload)
        for (const screen of carried) {
          if (screen.frame) screen.frame(bytes)
          else screen.emit(name, payload)
        }
      },
    }
  }

  /** Ends every screen in the rooms (Socket.IO ones on every node). */
  disconnect(rooms: readonly string[], why?: 'deleted' | 'revoked'): void {
    this.io.in(rooms as string[]).disconnectSockets(true)
    for (const screen of this.carriedIn(rooms)) screen.disconnect(why)
  }
}
