import { randomBytes } from 'node:crypto'
import { access, readFile, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { type EventId, type LogoType, eventIdSchema, logoIdSchema } from '@tischrunde/shared'
import { writeFileDurably } from '../storage/durable-file.js'

/** A stored logo: its (sanitized) bytes and type. */
export interface StoredLogo {
  type: LogoType
  bytes: Uint8Array
}

/** Where organisers' logos live: one file each, per event; removed with the event. */
export interface LogoStore {
  /** Stores a checked logo under a new id and answers the id. */
  put(eventId: EventId, logo: StoredLogo): Promise<string>
  get(eventId: EventId, logoId: string): Promise<StoredLogo | undefined>
  /**
   * Removes every logo of the event except those in `keep` (logos no organiser names any more);
   * with `uploadedBefore` (ms since the epoch), only those stored before that moment.
   */
  prune(eventId: EventId, keep: ReadonlySet<string>, options?: { uploadedBefore?: number }): Promise<void>
  /** Removes these logos of the event (ids it does not have are skipped). */
  remove(eventId: EventId, logoIds: ReadonlySet<string>): Promise<void>
  removeEvent(eventId: EventId): Promise<void>
  /** How many logos the event has stored. */
  count(eventId: EventId): Promise<number>
}

const EXTENSION: Record<LogoType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' }
const TYPE_OF = new Map<string, LogoType>([
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
])
const newLogoId = () => randomBytes(10).toString('hex').slice(0, 16)

/**
 * Logos in the data folder: `logos/<event id>/<logo id>.png|jpg`. Ids are checked before they touch
 * a path (an event id is a slug or random id, a logo id 16 hex characters), so no request names a
 * file outside that folder.
 */
export function fileLogoStore(dir: string): LogoStore {
  const folder = (eventId: EventId) => path.join(dir, eventIdSchema.parse(eventId))
  const find = async (eventId: EventId, logoId: string): Promise<{ file: string; type: LogoType } | undefined> => {
    if (!logoIdSchema.safeParse(logoId).success) return undefined
    for (const [ext, type] of TYPE_OF) {
      const file = path.join(folder(eventId), `${logoId}.${ext}`)
      try {
        await access(file)
        return { file, type }
      } catch {
        // not this extension
      }
    }
    return undefined
  }
  return {
    async put(eventId, logo) {
      const id = newLogoId()
      await writeFileDurably(path.join(folder(eventId), `${id}.${EXTENSION[logo.type]}`), logo.bytes)
      return id
    },
    async get(eventId, logoId) {
      const found = await find(eventId, logoId)
      return found ? { type: found.type, bytes: new Uint8Array(await readFile(found.file)) } : undefined
    },
    async prune(eventId, keep, options = {}) {
      const names = await readdir(folder(eventId)).catch(() => [] as string[])
      for (const name of names) {
        const id = name.replace(/\.(png|jpg)$/, '')
        if (id === name || keep.has(id)) continue
        const file = path.join(folder(eventId), name)
        if (options.uploadedBefore !== undefined) {
          const stored = await stat(file).catch(() => undefined)
          if (!stored || stored.mtimeMs >= options.uploadedBefore) continue
        }
        await rm(file, { force: true })
      }
    },
    async remove(eventId, logoIds) {
      for (const id of logoIds) {
        const found = await find(eventId, id)
        if (found) await rm(found.file, { force: true })
      }
    },
    async removeEvent(eventId) {
      await rm(folder(eventId), { recursive: true, force: true })
    },
    async count(eventId) {
      return (await readdir(folder(eventId)).catch(() => [] as string[])).filter((n) => /\.(png|jpg)$/.test(n)).length
    },
  }
}

/** Logos in memory (for a server without a data folder, and tests). */
export function memoryLogoStore(): LogoStore {
  const byEvent = new Map<string, Map<string, StoredLogo>>()
  return {
    async put(eventId, logo) {
      const id = newLogoId()
      const logos = byEvent.get(eventId) ?? new Map<string, StoredLogo>()
      logos.set(id, logo)
      byEvent.set(eventId, logos)
      return id
    },
    async get(eventId, logoId) {
      return byEvent.get(eventId)?.get(logoId)
    },
    async prune(eventId, keep) {
      const logos = byEvent.get(eventId)
      for (const id of [...(logos?.keys() ?? [])]) if (!keep.has(id)) logos!.delete(id)
    },
    async remove(eventId, logoIds) {
      for (const id of logoIds) byEvent.get(eventId)?.delete(id)
    },
    async removeEvent(eventId) {
      byEvent.delete(eventId)
    },
    async count(eventId) {
      return byEvent.get(eventId)?.size ?? 0
    },
  }
}
