import { Low } from 'lowdb'
import {
  EMPTY_EVENT_STORE,
  type EventId,
  type EventStoreFile,
  type StoredEventEntry,
  StoreWriteError,
  composeStoredEvent,
  eventAccessSchema,
  eventSchema,
  normalizeJoinCode,
  ok,
  roundStateSchema,
} from '@tischrunde/shared'
import type { EventStore, WriteResult } from './storage.js'
import { ValidatedJsonFile } from './validated-json-file.js'

export { setAsideDataFile } from './validated-json-file.js'

const refused = (error: StoreWriteError) => ({ ok: false, error }) as const

/**
 * Opens (or creates) the event store file. Throws DataFileError for a file it must not overwrite.
 *
 * Every write checks the record's version and changes it in memory in the same tick (so two
 * writers in this process are ordered), then waits until the whole file is durably on disk. Writes
 * that arrive while one is being stored are stored together by the next one (group commit), so a
 * burst of changes costs two file writes, not one per change.
 */
export async function openLowdbEventStore(file: string): Promise<EventStore> {
  const db: Low<EventStoreFile> = new Low<EventStoreFile>(new ValidatedJsonFile(file), structuredClone(EMPTY_EVENT_STORE))
  await db.read()

  let queued: Promise<void> | null = null
  let last: Promise<void> = Promise.resolve()
  /** Resolves once every change made so far is durably stored. */
  const save = (): Promise<void> => {
    queued ??= last
      .catch(() => {})
      .then(() => {
        // From here on, new changes wait for the next write; this one serialises the data now.
        queued = null
        return db.write()
      })
    last = queued
    return queued
  }
  const entry = (id: EventId) => db.data.events.find((e) => e.event.id === id)
  const view = (e: StoredEventEntry) => structuredClone(composeStoredEvent(e))
  /** Compare-and-set on one record of an event: `apply` runs only if `current` is `expected`. */
  const cas = async (id: EventId, expected: number | null, current: (e: StoredEventEntry) => number | null, apply: (e: StoredEventEntry) => number): Promise<WriteResult> => {
    const e = entry(id)
    if (!e) return refused(StoreWriteError.NOT_FOUND)
    const found = current(e)
    if (found !== expected) return refused(found === null ? StoreWriteError.NOT_FOUND : StoreWriteError.STALE)
    const version = apply(e)
    await save()
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
      db.data.events.push(created)
      await save()
      return ok(view(created))
    },
    putSetup: async (id, expected, event) =>
      cas(id, expected, (e) => e.setupVersion, (e) => {
        e.event = eventSchema.parse(event)
        return ++e.setupVersion
      }),
    putAccess: async (id, expected, access) =>
      cas(id, expected, (e) => e.access.version, (e) => {
        e.access = { ...eventAccessSchema.parse(access), version: e.access.version + 1 }
        return e.access.version
      }),
    putRound: async (id, expected, round) => {
      const next = roundStateSchema.parse(round)
      // The round rules bump the version; a state that does not is a bug in the caller.
      if (next.version <= expected) throw new Error(`round version ${next.version} does not follow ${expected}`)
      return cas(id, expected, (e) => e.round.version, (e) => {
        e.round = next
        return next.version
      })
    },
    async getRecord(id, collection, key) {
      const stored = entry(id)?.records[collection.name]?.[key]
      return stored && { version: stored.version, value: collection.schema.parse(structuredClone(stored.value)) }
    },
    async listRecords(id, collection) {
      const all = entry(id)?.records[collection.name] ?? {}
      return Object.entries(all).map(([key, r]) => ({ key, version: r.version, value: collection.schema.parse(structuredClone(r.value)) }))
    },
    async putRecord(id, collection, key, value, expected) {
      const checked = collection.schema.parse(value)
      return cas(id, expected, (e) => e.records[collection.name]?.[key]?.version ?? null, (e) => {
        const records = (e.records[collection.name] ??= {})
        const version = (records[key]?.version ?? 0) + 1
        records[key] = { version, value: structuredClone(checked) }
        return version
      })
    },
    async remove(id) {
      db.data.events = db.data.events.filter((e) => e.event.id !== id)
      await save()
    },
    demoSeeded: async () => db.data.demoSeeded,
    async markDemoSeeded() {
      db.data.demoSeeded = true
      await save()
    },
  }
}
