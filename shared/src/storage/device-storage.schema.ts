import { z } from 'zod'
import { CARD_TEXT_MAX } from '../cards/card.schema.js'
import { eventIdSchema, participantIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'

/**
 * What a phone keeps in its browser storage, read back through these schemas like any other
 * input: a damaged or foreign value is ignored, never trusted.
 */

/** The identity a phone got by joining (or from a table host's link). */
export const deviceIdentitySchema = z.object({
  eventId: eventIdSchema,
  participantId: participantIdSchema,
  token: z.string().min(10).max(2000),
  /** Set for a table host's link: this device writes for that table and stays there. */
  hostTable: tableIdSchema.optional(),
})
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>

/** Card texts the server did not take (or a replaced device copy held), shown to copy. */
export const keptTextsSchema = z.array(z.string().max(CARD_TEXT_MAX * 2)).max(200)

/** Which table this phone sat at in which station. */
export const deviceVisitsSchema = z.record(stationIdSchema, tableIdSchema)

/** Parses stored JSON with a schema; the fallback for anything missing, damaged or foreign. */
export function parseStored<T>(schema: z.ZodType<T>, raw: string | null, fallback: T): T {
  if (raw === null) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}
