import path from 'node:path'
import { Low } from 'lowdb'
import {
  EMPTY_EVENT_STORE,
  type EventId,
  type RecordCollection,
  type EventStoreFile,
  type StoredEvent,
  type StoredEventEntry,
  StoreWriteError,
  composeStoredEvent,
  eventAccessSchema,
  eventSchema,
  normalizeJoinCode,
  own,
  ok,
  recordKeySchema,
  roundStateSchema,
} from '@tischrunde/shared'
import { removeStaleTempFiles } from './durable-file.js'
import { StorageFailure } from './storage-error.js'
import type { EventStore, WriteResult } from './storage.js'
import { ValidatedJsonFile } from './validated-json-file.js'

export { setAsideDataFile } from './validated-json-file.js'

/** Freezes an object and everything it holds (plain data: objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

const refused = (error: StoreWriteError) => ({ ok: false, error }) as const

/** Puts back what a change replaced in memory. */
type Undo = () => void
/** A change made in memory, waiting for the write that stores it. */
interface Uncommitted {
  undo: Undo
  settle: (failure?: StorageFailure) => void
}

/**
 * Opens (or creates) the event store file. Throws DataFileError for a file it must not overwrite.
 * Temp files a crash left next to it (`events.json.<pid>.tmp`) are removed first; call this only
 * while holding the data folder's lock.
 *
 * Every write checks the record's version and changes it in memory in the same tick (so two
 * writers in this process are ordered), then waits until the whole file is durably on disk. Writes
 * that arrive while one is being stored are stored together by the next one (group commit), so a
 * burst of changes costs two file writes, not one per change.
 *
 * A write that cannot be stored (a full disk) leaves nothing behind: its change, and every change
 * made after it (they rest on it and were not stored either), are undone in memory, newest first,
 * and their writers get a StorageFailure. The next write tries the disk again, so the store works
 * on as soon as space returns.
 */
export async function openLowdbEventStore(file: string): Promise<EventStore> {
  await removeStaleTempFiles(path.dirname(file), (name) => name === path.basename(file))
  const db: Low<EventStoreFile> = new Low<EventStoreFile>(new ValidatedJsonFile(file), structuredClone(EMPTY_EVENT_STORE))
  await db.read()

  /** Changes in memory that no running write carries yet. */
  let waiting: Uncommitted[] = []
  let writing: Promise<void> | null = null

  const writeAll = async (): Promise<void> => {
    try {
      while (waiting.length) {
        const batch = waiting
        waiting = []
        try {
          // Serialises the data in this tick: exactly the changes of `batch`.
          await db.write()
        } catch (error) {
          const failed = [...batch, ...waiting]
          waiting = []
          for (const change of [...failed].reverse()) change.undo()
          const failure = new StorageFailure('the event data', { cause: error })
          for (const change of failed) change.settle(failure)
          continue
        }
        for (const change of batch) change.settle()
      }
    } finally {
      writing = null
    }
  }
  /** Makes a change in memory now; resolves once it is durably stored, rejects (undone) if it cannot be. */
  const commit = (apply: () => Undo): Promise<void> => {
    const undo = apply()
    return new Promise<void>((resolve, reject) => {
      waiting.push({ undo, settle: (failure) => (failure ? reject(failure) : resolve()) })
      writing ??= writeAll()
    })
  }

  const entry = (id: EventId) => db.data.events.find((e) => e.event.id === id)
  /**
   * What a read returns: a frozen copy, made once per change of the entry and shared by every read
   * until the next change (every credential check reads its event: a deep copy per read cost more
   * than the rest of the check). A write replaces the entry's setup, access or round object and
   * never changes one in place, so the objects the copy was made from tell whether it is current.
   */
  const views = new WeakMap<StoredEventEntry, { from: readonly unknown[]; view: StoredEvent }>()
  /**
   * What a record read returns: a frozen copy, checked by its collection's schema once per write of
   * the record and shared by every read until the next (every phone that opens reads the event's
   * voting steps, groups and its ballots; every tally reads all ballots of a step). A write replaces
   * the stored record object, never changes it in place.
   */
  const recordViews = new WeakMap<object, unknown>()
  const recordView = <T>(collection: RecordCollection<T>, stored: { value: unknown }): T => {
    if (recordViews.has(stored)) return recordViews.get(stored) as T
    const fresh = deepFreeze(collection.schema.parse(structuredClone(stored.value)))
    recordViews.set(stored, fresh)
    return fresh
  }
  const view = (e: StoredEventEntry): StoredEvent => {
    const from = [e.event, e.setupVersion, e.access, e.round]
    const kept = views.get(e)
    if (kept && kept.from.every((x, i) => x === from[i])) return kept.view
    const fresh = deepFreeze(structuredClone(composeStoredEvent(e)))
    views.set(e, { from, view: fresh })
    return fresh
  }
  /** Compare-and-set on one record of an event: `apply` runs only if `current` is `expected`. */
  const cas = async (
    id: EventId,
    expected: number | null,
    current: (e: StoredEventEntry) => number | null,
    apply: (e: StoredEventEntry) => { version: number; undo: Undo },
  ): Promise<WriteResult> => {
    const e = entry(id)
    if (!e) return refused(StoreWriteError.NOT_FOUND)
    const found = current(e)
    if (found !== expected) return refused(found === null ? StoreWriteError.NOT_FOUND : StoreWriteError.STALE)
    let version = 0
    await commit(() => {
      const applied = apply(e)
      version = applied.version
      return applied.undo
    })
    return ok(version)
  }

  return {
    list: async () => db.data.events.map(view),
    get: async (id) => {
      const e = entry(id)
      return e && view(e)
    },
    findByJoinCode: async (code) => {
      const wanted = normalizeJoinCode(code)
      const e = db.data.events.find((x) => x.access.joinCode === wanted)
      return e && view(e)
    },
    async create(event, access, round) {
      const setup = eventSchema.parse(event)
      if (entry(setup.id)) return refused(StoreWriteError.STALE)
      const created: StoredEventEntry = {
        event: setup,
        setupVersion: 1,
        access: { ...eventAccessSchema.parse(access), version: 1 },
        round: roundStateSchema.parse(round),
        records: {},
      }
      await commit(() => {
        db.data.events.push(created)
        return () => (db.data.events = db.data.events.filter((e) => e !== created))
      })
      return ok(view(created))
    },
    putSetup: async (id, expected, event) => {
      const next = eventSchema.parse(event)
      return cas(id, expected, (e) => e.setupVersion, (e) => {
        const before = { event: e.event, setupVersion: e.setupVersion }
        e.event = next
        e.setupVersion++
        return { version: e.setupVersion, undo: () => Object.assign(e, before) }
      })
    },
    putAccess: async (id, expected, access) => {
      const next = eventAccessSchema.parse(access)
      return cas(id, expected, (e) => e.access.version, (e) => {
        const before = e.access
        e.access = { ...next, version: before.version + 1 }
        return { version: e.access.version, undo: () => (e.access = before) }
      })
    },
    putRound: async (id, expected, round) => {
      const next = roundStateSchema.parse(round)
      // The round rules bump the version; a state that does not is a bug in the caller.
      if (next.version <= expected) throw new Error(`round version ${next.version} does not follow ${expected}`)
      return cas(id, expected, (e) => e.round.version, (e) => {
        const before = e.round
        e.round = next
        return { version: next.version, undo: () => (e.round = before) }
      })
    },
    async getRecord(id, collection, key) {
      // Keys may come from people (a participant, a workshop): only a record's own keys count.
      const records = entry(id)?.records
      const stored = records && own(records, collection.name) ? own(own(records, collection.name)!, key) : undefined
      return stored && { version: stored.version, value: recordView(collection, stored) }
    },
    async listRecords(id, collection) {
      const all = entry(id)?.records[collection.name] ?? {}
      return Object.entries(all).map(([key, r]) => ({ key, version: r.version, value: recordView(collection, r) }))
    },
    async putRecord(id, collection, key, value, expected) {
      recordKeySchema.parse(key)
      const checked = structuredClone(collection.schema.parse(value))
      const versionOf = (e: { records: Record<string, Record<string, { version: number }>> }) => {
        const collected = own(e.records, collection.name)
        return (collected && own(collected, key)?.version) ?? null
      }
      return cas(id, expected, versionOf, (e) => {
        const hadCollection = Object.hasOwn(e.records, collection.name)
        const records = hadCollection ? e.records[collection.name]! : (e.records[collection.name] = Object.create(null) as typeof e.records[string])
        const before = Object.hasOwn(records, key) ? records[key] : undefined
        const version = (before?.version ?? 0) + 1
        // defineProperty: a key such as "__proto__" is stored as data, never as the object's prototype.
        Object.defineProperty(records, key, { value: { version, value: checked }, enumerable: true, configurable: true, writable: true })
        const undo = () => {
          if (before) Object.defineProperty(records, key, { value: before, enumerable: true, configurable: true, writable: true })
          else delete records[key]
          if (!hadCollection) delete e.records[collection.name]
        }
        return { version, undo }
      })
    },
    async remove(id) {
      await commit(() => {
        const before = db.data.events
        db.data.events = before.filter((e) => e.event.id !== id)
        return () => (db.data.events = before)
      })
    },
    demoSeeded: async () => db.data.demoSeeded,
    async markDemoSeeded() {
      await commit(() => {
        const before = db.data.demoSeeded
        db.data.demoSeeded = true
        return () => (db.data.demoSeeded = before)
      })
    },
  }
}
