import type { Logger } from 'pino'
import type { BoardStore } from '../storage/storage.js'
import { BoardRoom } from './board-room.js'

/** The board docs in memory, loaded once per name even when many sockets ask at the same time. */
export class BoardRooms {
  private readonly rooms = new Map<string, Promise<BoardRoom>>()

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
  ) {}

  open(name: string): Promise<BoardRoom> {
    let room = this.rooms.get(name)
    if (!room) {
      const created = new BoardRoom(name, this.store, this.log)
      room = created.load().then(() => created)
      room.catch(() => this.rooms.delete(name))
      this.rooms.set(name, room)
    }
    return room
  }

  /** Rooms currently in memory. */
  async loaded(): Promise<BoardRoom[]> {
    return Promise.all(this.rooms.values())
  }

  /** Waits until every room has stored everything it applied. */
  async settle(): Promise<void> {
    for (const room of await this.loaded()) await room.settle()
  }

  /** Asks the peers of every loaded board of an event to send what the server lacks. */
  async resyncEvent(eventId: string): Promise<void> {
    for (const room of await this.loaded()) if (room.name.startsWith(`board.${eventId}.`)) room.resync()
  }

  /** Drops every board of a deleted event, loaded or only on disk. */
  async removeEvent(eventId: string, tableIds: readonly string[]): Promise<void> {
    const names = new Set(tableIds.map((t) => `board.${eventId}.${t}`))
    for (const name of this.rooms.keys()) if (name.startsWith(`board.${eventId}.`)) names.add(name)
    for (const name of names) await this.remove(name)
  }

  /** Drops a room from memory and storage (event deleted). */
  async remove(name: string): Promise<void> {
    const room = this.rooms.get(name)
    this.rooms.delete(name)
    if (room) {
      const loaded = await room.catch(() => null)
      // Let a write in flight finish first, so it cannot recreate the file afterwards.
      await loaded?.settle()
      loaded?.doc.destroy()
    }
    await this.store.remove(name)
  }
}
