import type { EventId, StoredEvent } from '@tischrunde/shared'

/**
 * Where events live. The default is lowdb (one JSON file); another store (e.g. Redis, SQL) can
 * replace it by implementing this interface.
 */
export interface EventStore {
  list(): StoredEvent[]
  get(id: EventId): StoredEvent | undefined
  findByJoinCode(code: string): StoredEvent | undefined
  /** Inserts or replaces an event; resolves once it is durably stored. */
  put(record: StoredEvent): Promise<void>
  remove(id: EventId): Promise<void>
  demoSeeded(): boolean
  markDemoSeeded(): Promise<void>
}

/**
 * Where board docs live, as Yjs updates. `append` resolves once the update is durably stored (the
 * server acknowledges a card only then); `compact` folds the log into one snapshot.
 */
export interface BoardStore {
  /** Every stored update of a doc, oldest first (a snapshot counts as one). */
  load(docName: string): Promise<Uint8Array[]>
  append(docName: string, updates: Uint8Array[]): Promise<void>
  /** Replaces everything stored for the doc by `snapshot` (the doc's full state). */
  compact(docName: string, snapshot: Uint8Array): Promise<void>
  /** Size of the doc's log since the last compaction. */
  logSize(docName: string): { frames: number; bytes: number }
  remove(docName: string): Promise<void>
  /** Lets go of what is kept open for a doc (its log's file handle); the next write opens it again. */
  release(docName: string): Promise<void>
  /** Names of every stored doc. */
  list(): Promise<string[]>
  close(): Promise<void>
}

export interface Storage {
  events: EventStore
  boards: BoardStore
  close(): Promise<void>
}
