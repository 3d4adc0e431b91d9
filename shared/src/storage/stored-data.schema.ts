import { z } from 'zod'
import { eventSchema } from '../event/event.schema.js'
import { roundStateSchema } from '../rounds/round.schema.js'
import { INITIAL_GENERATIONS, credentialGenerationsSchema } from '../access/credential.schema.js'
import { collectionNameSchema, recordKeySchema, recordVersionSchema, versionedSchema } from './stored-record.schema.js'

/**
 * Who gets in: the join code, when the event was created, the epoch whose bump revokes every link,
 * and the generations of the links that are renewed one by one.
 */
export const eventAccessSchema = z.object({
  joinCode: z.string(),
  createdAt: z.number().int(),
  /** Bumped to revoke every link and token of the event at once. */
  accessEpoch: z.number().int().nonnegative().default(0),
  /** Bumped per link (projector, one table host) to revoke only that link; absent in older files: all 0. */
  generations: credentialGenerationsSchema.default(INITIAL_GENERATIONS),
})
/** An access record as written (fields with defaults may be left out). */
export type EventAccess = z.input<typeof eventAccessSchema>

/**
 * One event as the store file holds it (format 2): separate records, each with its own version,
 * written apart — a round change never rewrites the setup and the other way round.
 * - `event` + `setupVersion`: the setup (the name `event` is kept from format 1);
 * - `access`: join code, creation time, access epoch, with its version;
 * - `round`: the round state; its version is `round.version`;
 * - `records`: keyed records by collection (votes, bookings, …), each `{ version, value }`.
 */
export const storedEventEntrySchema = z.object({
  event: eventSchema,
  setupVersion: recordVersionSchema,
  access: eventAccessSchema.extend({ version: recordVersionSchema }),
  round: roundStateSchema,
  records: z.record(collectionNameSchema, z.record(recordKeySchema, versionedSchema(z.unknown()))).default({}),
})
export type StoredEventEntry = z.infer<typeof storedEventEntrySchema>

/**
 * An event as server code reads it: setup, access and round state composed from their records,
 * with the versions a compare-and-set write names.
 */
export const storedEventSchema = z.object({
  event: eventSchema,
  setupVersion: recordVersionSchema,
  joinCode: z.string(),
  createdAt: z.number().int(),
  accessEpoch: z.number().int().nonnegative(),
  /** See eventAccessSchema. */
  generations: credentialGenerationsSchema,
  accessVersion: recordVersionSchema,
  /** Where the day stands (rounds, timer, locks); survives restarts. */
  round: roundStateSchema,
})
export type StoredEvent = z.infer<typeof storedEventSchema>

/** The composed view of an entry (records other than setup, access and round are read apart). */
export function composeStoredEvent(entry: StoredEventEntry): StoredEvent {
  const { version: accessVersion, ...access } = entry.access
  return { event: entry.event, setupVersion: entry.setupVersion, ...access, accessVersion, round: entry.round }
}

/** The store file (lowdb), format 2. Validated on every load; an invalid file is never overwritten. */
export const eventStoreFileSchema = z
  .object({
    format: z.literal('tischrunde.store'),
    version: z.literal(2),
    /** Whether the Winnenden demo was loaded on the first start (so a deleted demo stays deleted). */
    demoSeeded: z.boolean().default(false),
    events: z.array(storedEventEntrySchema),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    for (const [i, e] of file.events.entries()) {
      if (ids.has(e.event.id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'event', 'id'], message: `Veranstaltung „${e.event.id}“ kommt doppelt vor.` })
      ids.add(e.event.id)
    }
  })
export type EventStoreFile = z.infer<typeof eventStoreFileSchema>

/** The store file of a fresh data folder. */
export const EMPTY_EVENT_STORE: EventStoreFile = { format: 'tischrunde.store', version: 2, demoSeeded: false, events: [] }
