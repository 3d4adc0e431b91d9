import { z } from 'zod'
import { eventSchema } from '../event/event.schema.js'
import { INITIAL_ROUND_STATE, roundStateSchema } from '../rounds/round.schema.js'

/** An event as the server stores it: the event plus what only the server knows. */
export const storedEventSchema = z.object({
  event: eventSchema,
  joinCode: z.string(),
  createdAt: z.number().int(),
  /** Bumped to revoke every link and token of the event at once. */
  accessEpoch: z.number().int().nonnegative().default(0),
  /** Where the day stands (rounds, timer, locks); survives restarts. */
  round: roundStateSchema.default(INITIAL_ROUND_STATE),
})
export type StoredEvent = z.infer<typeof storedEventSchema>

/** The event store file (lowdb). Validated on every load; an invalid file is never overwritten. */
export const eventStoreFileSchema = z.object({
  format: z.literal('tischrunde.store'),
  version: z.literal(1),
  /** Whether the Winnenden demo was loaded on the first start (so a deleted demo stays deleted). */
  demoSeeded: z.boolean().default(false),
  events: z.array(storedEventSchema),
})
export type EventStoreFile = z.infer<typeof eventStoreFileSchema>

export const EMPTY_EVENT_STORE: EventStoreFile = { format: 'tischrunde.store', version: 1, demoSeeded: false, events: [] }
