import { DOC_KINDS, type DocKind, type RecordChange, resolveDocName } from '@tischrunde/shared'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { BoardStore } from '../storage/storage.js'
import type { WriteContext } from './write-gate.js'
import { DocRoom, type Diversion } from './doc-room.js'

/**
 * What a feature adds to the rooms without naming itself in them: docs loaded and held together
 * with a doc, a step once they are loaded, and which records of an update are kept off a doc.
 */
export interface RoomExtension {
  companions(name: string): readonly string[]
  loaded?(room: DocRoom): void
  divert?(room: DocRoom, changes: readonly RecordChange[], ctx: WriteContext): Diversion | null
}

/**
 * How long a doc stays in memory after its last socket left, in ms. A phone that reloads comes
 * back within this and finds the doc warm; an idle board releases its memory and file handle.
 * @default 30000
 */
export const ROOM_IDLE_MS = 30_000

/**
 * The docs in memory, of every registered kind: loaded once per name even when many sockets ask
 * at the same time, and unloaded when nobody holds them and nothing waits for the disk.
 */
export class DocRooms {
  private readonly rooms = new Map<string, Promise<DocRoom>>()
  private readonly idle = new Map<string, NodeJS.Timeout>()
  /** Rooms given up (`dropEvent`): their late releases must not unload a newer room of the same name. */
  private readonly abandoned = new WeakSet<DocRoom>()
  /** Set once at start (moderation): companions and diversions of docs. */
  extension: RoomExtension | null = null
  /**
   * Steps run on every doc once it is loaded and extended (votes follow the cards deleted from a
   * board). A step that returns a promise holds the room back until it settles: nobody gets the
   * doc before (the shown actor map catches up with the actor map first).
   */
  readonly onLoaded: ((room: DocRoom) => void | Promise<void>)[] = []

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    readonly kinds: readonly DocKind[] = DOC_KINDS,
    private readonly idleMs = ROOM_IDLE_MS,
  ) {}

  /** Opens a doc and holds it until `release`. Throws for a name no kind claims. */
  async acquire(name: string): Promise<DocRoom> {
    clearTimeout(this.idle.get(name))
    this.idle.delete(name)
    let pending = this.rooms.get(name)
    if (!pending) {
      const resolved = resolveDocName(name, this.kinds)
      if (!resolved) throw new Error(`no doc kind for ${name}`)
      const created = new DocRoom(name, resolved.kind, this.store, this.log)
      pending = created
        .load()
        .then(() => this.extend(created))
        .then(async (room) => {
          try {
            for (const step of this.onLoaded) await step(room)
          } catch (error) {
            for (const companion of room.companions) this.release(companion)
            room.destroy()
            throw error
          }
          return room
        })
      pending.catch(() => this.rooms.delete(name))
      this.rooms.set(name, pending)
    }
    const room = await pending
    room.holds++
    return room
  }

  /** Loads and holds a new room's companions, then lets the extension prepare and judge it. */
  private async extend(room: DocRoom): Promise<DocRoom> {
    const extension = this.extension
    if (!extension) return room
    const held: DocRoom[] = []
    try {
      for (const name of extension.companions(room.name)) held.push(await this.acquire(name))
    } catch (error) {
      for (const companion of held) this.release(companion)
      room.destroy()
      throw error
    }
    room.companions = held
    if (extension.divert) room.divert = (changes, ctx) => extension.divert!(room, changes, ctx)
    extension.loaded?.(room)
    return room
  }

  /** Lets go of a doc; once nobody holds it, it unloads after `idleMs` (at once with `now`). */
  release(room: DocRoom, now = false): void {
    room.holds = Math.max(0, room.holds - 1)
    if (room.holds > 0) return
    if (now) return void this.unload(room)
    clearTimeout(this.idle.get(room.name))
    this.idle.set(
      room.name,
      setTimeout(() => void this.unload(room), this.idleMs).unref(),
    )
  }

  /**
   * Reads a doc without keeping it: a doc in memory is read as it is; one that is not is loaded,
   * read and unloaded again, so an export of many tables holds one at a time.
   */
  async read<T>(name: string, fn: (room: DocRoom) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(name)
    try {
      return await fn(room)
    } finally {
      this.release(room, true)
    }
  }

  /**
   * Reads a doc and writes nothing, for exports: a doc in memory or on disk is read as `read` does;
   * one never stored is read as an empty doc of its kind, in memory only, so reading it leaves no
   * file behind (every workshop, group and table of a day nobody wrote to).
   */
  async peek<T>(name: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    if (await this.exists(name)) return this.read(name, (room) => fn(room.doc))
    const resolved = resolveDocName(name, this.kinds)
    if (!resolved) throw new Error(`no doc kind for ${name}`)
    const doc = new Y.Doc()
    try {
      resolved.kind.init?.(doc, { source: 'server', by: 'load' })
      return await fn(doc)
    } finally {
      doc.destroy()
    }
  }

  /** Whether a doc is in memory or stored (opening one that is neither would give it a file). */
  async exists(name: string): Promise<boolean> {
    return this.rooms.has(name) || (await this.store.has(name))
  }

  private async unload(room: DocRoom): Promise<void> {
    this.idle.delete(room.name)
    if (room.holds > 0 || this.rooms.get(room.name) === undefined || this.abandoned.has(room)) return
    try {
      await room.settle()
    } catch (error) {
      this.log.error({ err: error, doc: room.name }, 'could not store a doc before unloading it')
      return
    }
    // Someone opened it again while its last writes went to disk: it stays.
    if (room.holds > 0 || room.pending) return
    this.rooms.delete(room.name)
    room.destroy()
    await this.store.release(room.name)
    // Companions go with their doc (one nobody else holds is not kept idle on its own).
    for (const companion of room.companions) this.release(companion, true)
  }

  /** The names of every doc in memory or stored. */
  async names(): Promise<string[]> {
    return [...new Set([...(await this.loaded()).map((room) => room.name), ...(await this.store.list())])]
  }

  /** Rooms currently in memory. */
  async loaded(): Promise<DocRoom[]> {
    return Promise.all(this.rooms.values())
  }

  /** Waits until every room has stored everything it applied. */
  async settle(): Promise<void> {
    for (const room of await this.loaded()) await room.settle()
  }

  /** Asks the peers of every loaded doc of an event to send what the server lacks. */
  async resyncEvent(eventId: string): Promise<void> {
    for (const room of await this.loaded()) if (this.eventOf(room.name) === eventId) room.resync()
  }

  /** Drops every doc of a deleted event, of every kind, loaded or only on disk. */
  async removeEvent(eventId: string): Promise<void> {
    const names = new Set([...this.rooms.keys(), ...(await this.store.list())])
    for (const name of names) if (this.eventOf(name) === eventId) await this.remove(name)
  }

  /** The event a doc belongs to, also for a doc of a kind this server no longer has. */
  private eventOf(name: string): string | undefined {
    return resolveDocName(name, this.kinds)?.scope.eventId ?? name.split('.')[1]
  }

  /** Whether any doc of the event is in memory. */
  hasEvent(eventId: string): boolean {
    for (const name of this.rooms.keys()) if (this.eventOf(name) === eventId) return true
    return false
  }

  /**
   * Forgets every loaded doc of an event without storing it: another node owns the event now
   * (several nodes on Redis), or this node just took it over and its copies may be stale.
   */
  dropEvent(eventId: string): void {
    for (const [name, pending] of [...this.rooms]) {
      if (this.eventOf(name) !== eventId) continue
      this.rooms.delete(name)
      clearTimeout(this.idle.get(name))
      this.idle.delete(name)
      void pending.then(
        (room) => {
          this.abandoned.add(room)
          room.abandon()
          for (const companion of room.companions) this.release(companion, true)
        },
        () => {},
      )
    }
  }

  /** Drops a room from memory and storage (event deleted). */
  async remove(name: string): Promise<void> {
    const room = this.rooms.get(name)
    this.rooms.delete(name)
    clearTimeout(this.idle.get(name))
    this.idle.delete(name)
    if (room) {
      const loaded = await room.catch(() => null)
      // Let a write in flight finish first, so it cannot recreate the file afterwards.
      await loaded?.settle()
      loaded?.destroy()
      for (const companion of loaded?.companions ?? []) this.release(companion)
    }
    await this.store.remove(name)
  }

  close(): void {
    for (const t of this.idle.values()) clearTimeout(t)
    this.idle.clear()
  }
}
