import { z } from 'zod'
import { eventSchema } from '../event/event.schema.js'
import { INITIAL_ROUND_STATE, roundStateSchema } from '../rounds/round.schema.js'
import { type EventStoreFile, eventStoreFileSchema } from './stored-data.schema.js'
import { INITIAL_GENERATIONS } from '../access/credential.schema.js'

/** An event in store format 1: one record holding setup, access and round state, written whole. */
const storedEventV1Schema = z.object({
  event: eventSchema,
  joinCode: z.string(),
  createdAt: z.number().int(),
  accessEpoch: z.number().int().nonnegative().default(0),
  round: roundStateSchema.default(INITIAL_ROUND_STATE),
})

/** The store file as versions before separate records wrote it (format 1). Read only, never written. */
export const eventStoreFileV1Schema = z.object({
  format: z.literal('tischrunde.store'),
  version: z.literal(1),
  demoSeeded: z.boolean().default(false),
  events: z.array(storedEventV1Schema),
})
export type EventStoreFileV1 = z.infer<typeof eventStoreFileV1Schema>

/** Format 1 → 2: every event's one record becomes its setup, access and round records (version 1 each; round keeps its own). */
export function migrateEventStoreV1(file: EventStoreFileV1): EventStoreFile {
  return {
    format: 'tischrunde.store',
    version: 2,
    demoSeeded: file.demoSeeded,
    events: file.events.map((e) => ({
      event: e.event,
      setupVersion: 1,
      access: { joinCode: e.joinCode, createdAt: e.createdAt, accessEpoch: e.accessEpoch, generations: INITIAL_GENERATIONS(), version: 1 },
      round: e.round,
      records: {},
    })),
  }
}

const headerSchema = z.object({ format: z.literal('tischrunde.store'), version: z.number() })

/**
 * Reads a store file of any known format and returns it in the current one. A format-1 file is
 * migrated in memory only; it is written as format 2 by the next change.
 */
export function parseEventStoreFile(json: unknown): { success: true; data: EventStoreFile } | { success: false; error: z.ZodError } {
  const header = headerSchema.safeParse(json)
  if (header.success && header.data.version === 1) {
    const v1 = eventStoreFileV1Schema.safeParse(json)
    return v1.success ? { success: true, data: migrateEventStoreV1(v1.data) } : { success: false, error: v1.error }
  }
  const parsed = eventStoreFileSchema.safeParse(json)
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error }
}
