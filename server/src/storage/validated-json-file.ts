import { copyFile, readFile, rename, stat } from 'node:fs/promises'
import { type EventStoreFile, describeFirstIssue, parseEventStoreFile } from '@tischrunde/shared'
import { writeFileDurably } from './durable-file.js'
import { DataFileError } from './storage-error.js'

/**
 * lowdb adapter for the event store file: validates (and migrates older formats) on read, writes
 * durably (temp file, fsync, rename). lowdb's own JSONFile renames atomically but never fsyncs.
 * A file it cannot read is copied to a backup and reported, never overwritten.
 */
export class ValidatedJsonFile {
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
  const parsed = parseEventStoreFile(json)
  if (!parsed.success) return { ok: false, reason: `Inhalt passt nicht zum Schema: ${describeFirstIssue(parsed.error).message}` }
  return { ok: true, value: parsed.data }
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
