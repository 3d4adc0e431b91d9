import type {
  EventAccess,
  EventId,
  RecordCollection,
  Result,
  RoundState,
  StoreWriteError,
  StoredEvent,
  TischEvent,
  Versioned,
} from '@tischrunde/shared'

/** What a compare-and-set write answers: the record's new version, or why it was refused. */
export type WriteResult = Result<number, StoreWriteError>

/**
 * Where events live, as separate records per event: the setup, the access data, the round state
 * and keyed records by collection (votes, bookings, moderation decisions…). Each record has its own
 * version; every write is a compare-and-set on that version and touches no other record, so two
 * writers of different records never lose each other's change.
 *
 * Every read is asynchronous so a networked store (Redis, SQL) can implement this; the default is
 * lowdb (one JSON file). A write resolves once it is durably stored.
 */
export interface EventStore {
  /** Every event, composed from its setup, access and round records. */
  list(): Promise<StoredEvent[]>
  get(id: EventId): Promise<StoredEvent | undefined>
  findByJoinCode(code: string): Promise<StoredEvent | undefined>
  /** Creates an event with its first setup, access and round records; STALE if the id is taken. */
  create(event: TischEvent, access: EventAccess, round: RoundState): Promise<Result<StoredEvent, StoreWriteError>>
  /** Replaces the setup if its version is `expectedVersion`. */
  putSetup(id: EventId, expectedVersion: number, event: TischEvent): Promise<WriteResult>
  /** Replaces the access record if its version is `expectedVersion`. */
  putAccess(id: EventId, expectedVersion: number, access: EventAccess): Promise<WriteResult>
  /**
   * Replaces the round state if the stored `round.version` is `expectedVersion`. The new state
   * carries its own, higher version (the round rules bump it); that is the record's new version.
   */
  putRound(id: EventId, expectedVersion: number, round: RoundState): Promise<WriteResult>
  getRecord<T>(id: EventId, collection: RecordCollection<T>, key: string): Promise<Versioned<T> | undefined>
  listRecords<T>(id: EventId, collection: RecordCollection<T>): Promise<(Versioned<T> & { key: string })[]>
  /**
   * Writes one keyed record: with `expectedVersion` null it must not exist yet (a create), else its
   * version must be `expectedVersion`. NOT_FOUND when the event is gone or the record to update is.
   */
  putRecord<T>(id: EventId, collection: RecordCollection<T>, key: string, value: T, expectedVersion: number | null): Promise<WriteResult>
  /** Removes an event with all its records. */
  remove(id: EventId): Promise<void>
  demoSeeded(): Promise<boolean>
  markDemoSeeded(): Promise<void>
}

/**
 * Where board docs live, as Yjs updates. `append` resolves once the update is durably stored (the
 * server acknowledges a card only then); `compact` folds the log into one snapshot.
 */
export interface BoardStore {
  /** Every stored update of a doc, oldest first (a snapshot counts as one). */
  load(docName: string): Promise<Uint8Array[]>
  /**
   * `written` is called once the updates are in the file (the operating system's cache: they survive
   * a crash of this process, not yet a power cut), before the sync to the disk.
   */
  append(docName: string, updates: Uint8Array[], written?: () => void): Promise<void>
  /**
   * Writes the updates into the file at once, where the store can (the doc's log is open): they
   * then survive a crash of this process, as at `written`. Returns the sync to the disk (settles as
   * `append` does), or null when nothing was written (take `append`). Nothing else is appended to
   * the doc until the sync settles.
   */
  appendNow?(docName: string, updates: Uint8Array[]): (() => Promise<void>) | null
  /** Replaces everything stored for the doc by `snapshot` (the doc's full state). */
  compact(docName: string, snapshot: Uint8Array): Promise<void>
  /** Size of the doc's log since the last compaction. */
  logSize(docName: string): { frames: number; bytes: number }
  remove(docName: string): Promise<void>
  /** Lets go of what is kept open for a doc (its log's file handle); the next write opens it again. */
  release(docName: string): Promise<void>
  /** Names of every stored doc. */
  list(): Promise<string[]>
  /** Whether a doc is stored (cheaper than `list` on every store). */
  has(docName: string): Promise<boolean>
  close(): Promise<void>
}

export interface Storage {
  events: EventStore
  boards: BoardStore
  close(): Promise<void>
}
