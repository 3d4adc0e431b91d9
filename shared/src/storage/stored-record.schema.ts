import { z } from 'zod'

/**
 * Version of one stored record. Every write names the version it read (compare-and-set), so two
 * writers of the same record never silently overwrite each other; writes to different records of
 * one event never touch each other at all.
 */
export const recordVersionSchema = z.number().int().nonnegative()

/** A stored record: its value and its own version (1 for a new record, bumped by every write). */
export interface Versioned<T> {
  version: number
  value: T
}

/** The zod schema of a `Versioned<T>` record around `value`. */
export const versionedSchema = <T extends z.ZodType>(value: T) => z.object({ version: recordVersionSchema, value })

/**
 * Why a compare-and-set write was refused: `STALE` — the record's version is not the one the writer
 * read (or it already exists, for a create); `NOT_FOUND` — the event (or the record to update) is gone.
 */
export const StoreWriteError = { STALE: 'STALE', NOT_FOUND: 'NOT_FOUND' } as const
/** See {@link StoreWriteError}. */
export type StoreWriteError = (typeof StoreWriteError)[keyof typeof StoreWriteError]

/** Name of a record collection of an event (`votes`, `bookings`, …): lower case, digits, dashes. */
export const collectionNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)
/**
 * Key of a record inside a collection (a participant id, a card id, …). Never `__proto__`: a
 * validated read of a stored record map drops that key, so a record under it would be acknowledged
 * and then lost at the next start.
 */
export const recordKeySchema = z
  .string()
  .min(1)
  .max(200)
  .refine((key) => key !== '__proto__', { message: 'this key cannot be stored' })

/**
 * A kind of keyed record an event holds beside its setup and round state (votes, bookings,
 * moderation decisions). Stores validate every value with `schema` on write and on read.
 *
 * @example
 * const votes = recordCollection('votes', z.object({ cardIds: z.array(z.string()).max(5) }))
 * await store.putRecord(eventId, votes, participantId, { cardIds: [] }, null)
 */
export interface RecordCollection<T> {
  readonly name: string
  readonly schema: z.ZodType<T>
}

/** Declares a record collection; throws for a name stores could not use (a bug, not input). */
export function recordCollection<T>(name: string, schema: z.ZodType<T>): RecordCollection<T> {
  collectionNameSchema.parse(name)
  return { name, schema }
}
