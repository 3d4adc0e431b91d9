import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { normalizeJoinCode } from '@tischrunde/shared'
import { writeFileDurably } from '../storage/durable-file.js'

/** How long a deleted event's links keep answering "gelöscht", in ms. @default 365 days */
export const DELETED_NOTICE_MS = 365 * 86_400_000
/** Most deleted events remembered (the oldest go first). @default 10000 */
const MAX_REMEMBERED = 10_000

/** Why an event was deleted: its retention ended, or a facilitator or the admin deleted it. */
export type DeletionReason = 'retention' | 'deleted'

const fileSchema = z.object({
  salt: z.string().min(16).max(200),
  deleted: z
    .array(z.object({ hash: z.string().max(100), at: z.number().int(), reason: z.enum(['retention', 'deleted']) }))
    .max(MAX_REMEMBERED * 2),
})
type DeletedFile = z.infer<typeof fileSchema>

/**
 * Deleted events, so their links answer "gelöscht" instead of a bare "not found". Only salted hashes
 * of the event's id and join code are kept (never a title, a name or a card), with the time and the
 * reason; after DELETED_NOTICE_MS they are forgotten too.
 */
export interface DeletedEvents {
  /** Remembers an event as deleted. */
  add(ids: { eventId: string; joinCode: string }, reason: DeletionReason, now: number): Promise<void>
  /** The deletion of the event with this id, if it was deleted. */
  byEventId(eventId: string): Promise<Deletion | undefined>
  /** The deletion of the event with this join code, if it was deleted. */
  byJoinCode(code: string): Promise<Deletion | undefined>
}

/** When and why an event was deleted. */
export interface Deletion {
  at: number
  reason: DeletionReason
}

/** The salted hash an event's id (`event`) or join code (`code`) is remembered under. */
export const deletedHash = (salt: string, kind: 'event' | 'code', value: string) =>
  createHash('sha256').update(`${salt}\u0000${kind}\u0000${kind === 'code' ? normalizeJoinCode(value) : value}`).digest('base64url')

/** Deleted events kept in `deleted-events.json` of the data folder (written durably). */
export async function openDeletedEvents(dataDir: string): Promise<DeletedEvents> {
  const file = path.join(dataDir, 'deleted-events.json')
  let data: DeletedFile
  try {
    data = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch {
    // Absent or unreadable: a new list (it only words the links of deleted events; no data is lost).
    data = { salt: randomBytes(24).toString('base64url'), deleted: [] }
  }
  return deletedEventsIn(data, (next) => writeFileDurably(file, JSON.stringify(next)))
}

/** Deleted events in memory only (a server without a data folder of its own). */
export function memoryDeletedEvents(): DeletedEvents {
  return deletedEventsIn({ salt: randomBytes(24).toString('base64url'), deleted: [] }, async () => {})
}

function deletedEventsIn(data: DeletedFile, save: (data: DeletedFile) => Promise<void>): DeletedEvents {
  const hash = (kind: 'event' | 'code', value: string) => deletedHash(data.salt, kind, value)
  const byHash = new Map(data.deleted.map((d) => [d.hash, d]))
  const find = (h: string) => {
    const found = byHash.get(h)
    return found && { at: found.at, reason: found.reason }
  }
  let saving: Promise<void> = Promise.resolve()
  return {
    async add({ eventId, joinCode }, reason, now) {
      const kept = data.deleted.filter((d) => now - d.at < DELETED_NOTICE_MS)
      const added = [hash('event', eventId), hash('code', joinCode)].map((h) => ({ hash: h, at: now, reason }))
      data = { salt: data.salt, deleted: [...kept, ...added].slice(-MAX_REMEMBERED * 2) }
      byHash.clear()
      for (const d of data.deleted) byHash.set(d.hash, d)
      const snapshot = data
      saving = saving.catch(() => {}).then(() => save(snapshot))
      await saving
    },
    byEventId: async (eventId) => find(hash('event', eventId)),
    byJoinCode: async (code) => find(hash('code', code)),
  }
}

/**
 * Whether a credential is validly signed but its event is deleted (and its id not in use again):
 * such a screen is told "gelöscht", not "wrong key".
 */
export function deletedLink(deps: { verify: (token: string) => { event: string } | null; deleted: DeletedEvents; exists: (eventId: string) => Promise<boolean> }) {
  return async (token: string | null | undefined): Promise<boolean> => {
    const claims = token ? deps.verify(token) : null
    return claims !== null && (await deps.deleted.byEventId(claims.event)) !== undefined && !(await deps.exists(claims.event))
  }
}
