import { copyFile, readFile, rename, stat } from 'node:fs/promises'
import { Low } from 'lowdb'
import {
  EMPTY_EVENT_STORE,
  type EventId,
  type EventStoreFile,
  eventStoreFileSchema,
  describeFirstIssue,
  type StoredEvent,
  normalizeJoinCode,
} from '@tischrunde/shared'
import { writeFileDurably } from './durable-file.js'
import { DataFileError } from './storage-error.js'
import type { EventStore } from './storage.js'

/**
 * lowdb adapter that validates on read and writes durably (temp file, fsync, rename).
 * lowdb's own JSONFile renames atomically but never fsyncs.
 */
class ValidatedJsonFile {
  constructor(private readonly file: string) {}

  async read(): Promise<EventStoreFile | null> {
    let raw: string
    try {
      raw = await readFile(this.file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    const problem = diagnose(raw)
    if (problem.ok) return problem.value
    const backup = `${this.file}.backup-${Date.now()}`
    await copyFile(this.file, backup)
    throw new DataFileError(this.file, problem.reason, backup)
  }

  async write(data: EventStoreFile): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data, null, 1))
  }
}

function diagnose(raw: string): { ok: true; value: EventStoreFile } | { ok: false; reason: string } {
  if (raw.trim() === '') return { ok: false, reason: 'die Datei ist leer' }
  if (raw.includes('\u0000')) return { ok: false, reason: 'die Datei enthält Nullbytes' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'kein gültiges JSON (abgeschnitten?)' }
  }
  const parsed = eventStoreFileSchema.safeParse(json)
  if (!parsed.success) return { ok: false, reason: `Inhalt passt nicht zum Schema: ${describeFirstIssue(parsed.error).message}` }
  return { ok: true, value: parsed.data }
}

/** Opens (or creates) the event store file. Throws DataFileError for a file it must not overwrite. */
export async function openLowdbEventStore(file: string): Promise<EventStore> {
  const db: Low<EventStoreFile> = new Low<EventStoreFile>(new ValidatedJsonFile(file), structuredClone(EMPTY_EVENT_STORE))
  await db.read()
  let writing: Promise<void> = Promise.resolve()
  // Writes are serialised: each one stores the whole (small) event list durably.
  const save = () => (writing = writing.then(() => db.write()))

  return {
    list: () => db.data.events,
    get: (id: EventId) => db.data.events.find((e) => e.event.id === id),
    findByJoinCode: (code: string) => {
      const wanted = normalizeJoinCode(code)
      return db.data.events.find((e) => e.joinCode === wanted)
    },
    async put(record: StoredEvent) {
      const i = db.data.events.findIndex((e) => e.event.id === record.event.id)
      if (i === -1) db.data.events.push(record)
      else db.data.events[i] = record
      await save()
    },
    async remove(id: EventId) {
      db.data.events = db.data.events.filter((e) => e.event.id !== id)
      await save()
    },
    demoSeeded: () => db.data.demoSeeded,
    async markDemoSeeded() {
      db.data.demoSeeded = true
      await save()
    },
  }
}

/** Moves an unreadable store file aside (for `--start-fresh`). Returns where it went, or null if there was none. */
export async function setAsideDataFile(file: string): Promise<string | null> {
  try {
    await stat(file)
  } catch {
    return null
  }
  const aside = `${file}.set-aside-${Date.now()}`
  await rename(file, aside)
  return aside
}
