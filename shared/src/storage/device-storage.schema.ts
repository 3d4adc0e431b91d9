import { z } from 'zod'
import { CARD_TEXT_MAX } from '../cards/card.schema.js'
import { displayNameSchema } from '../cards/display-name.js'
import { eventIdSchema, participantIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'
import { roundStateSchema } from '../rounds/round.schema.js'
import { publicEventViewSchema } from '../wire/api.schema.js'

/**
 * What a device keeps in its browser storage, read back through these schemas like any other
 * input: a damaged or foreign value is ignored, never trusted. JSON values are read with
 * `parseStored`, plain strings (kept as they are, for devices that stored them before) with
 * `parseStoredText`.
 */

/** The identity a phone got by joining (or from a table host's link). JSON. */
export const deviceIdentitySchema = z.object({
  eventId: eventIdSchema,
  participantId: participantIdSchema,
  token: z.string().min(10).max(2000),
  /** Set for a table host's link: this device writes for that table and stays there. */
  hostTable: tableIdSchema.optional(),
})
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>

/**
 * Boards this phone left with own cards not yet sent (it changed tables offline), per event: opened
 * again after a reload to send them, with the identity that wrote them. JSON.
 */
export const leftBoardSchema = z.object({
  docName: z.string().max(300).regex(/^[a-z]+\.[A-Za-z0-9_.-]+$/),
  tableId: tableIdSchema,
  token: z.string().min(10).max(2000),
  authorId: participantIdSchema,
})
export type LeftBoard = z.infer<typeof leftBoardSchema>
/** The list as kept: read entry by entry (`leftBoardSchema`), so one damaged entry costs only itself. */
export const LEFT_BOARDS_MAX = 50
export const leftBoardsSchema = z.array(z.unknown()).max(LEFT_BOARDS_MAX)

/** Card texts the server did not take (or a replaced device copy held), shown to copy. JSON. */
export const keptTextsSchema = z.array(z.string().max(CARD_TEXT_MAX * 2)).max(200)

/**
 * The last refusal of a board's cards on this device, with the texts to copy (a refusal of the
 * server's, or a replaced device copy's "STALE_COPY"): kept until the person hides it, across
 * reloads and further cards. JSON.
 */
// The reason as a code's shape, not the list of refusals (which this module cannot import without a
// cycle): a code this version does not know is worded generally, never shown.
export const keptRefusalSchema = z.object({ reason: z.string().regex(/^[A-Z][A-Z_]{1,39}$/), texts: keptTextsSchema })

/** What a form on this device held, typed and not yet sent (kept for the tab's life, across a reload). Text. */
export const draftTextSchema = z.string().min(1).max(CARD_TEXT_MAX * 4)

/** Which table this phone sat at in which station. JSON. */
export const deviceVisitsSchema = z.record(stationIdSchema, tableIdSchema)

/** A credential kept from a link's `#k=…` (facilitator, projector, admin); the server checks it on use. Text. */
export const deviceTokenSchema = z
  .string()
  .max(4000)
  .regex(/^[A-Za-z0-9_.~+/=-]+$/)

/** The display name this device gave at an event (none is kept for anonymous). Text. */
export const deviceNameSchema = displayNameSchema

/** The table this phone last chose at an event. Text. */
export const deviceTableSchema = tableIdSchema

/** The chosen language of the screens. Text. */
export const deviceLanguageSchema = z.enum(['de', 'en'])

/** Whether the projector's gong is muted: '1' or '0'. Text. */
export const deviceMutedSchema = z.enum(['0', '1']).transform((v) => v === '1')

/** Tablecloths this phone has read, as `station/table` keys joined with '|'. Text. */
export const tableclothsSeenSchema = z
  .string()
  .max(20_000)
  .transform((s) => s.split('|').filter((key) => /^[^/]+\/[^/]+$/.test(key)))

/** The board's state vector the server last confirmed as saved, base64. Text. */
export const savedVectorSchema = z
  .string()
  .max(200_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)

/** The last event view a screen saw, for an offline start. JSON. */
export const cachedEventViewSchema = publicEventViewSchema

/** The last round state a screen saw, with how far the device's clock was off. JSON. */
export const cachedRoundSchema = z.object({
  round: roundStateSchema,
  clockOffsetMs: z.number().catch(0),
})
export type CachedRound = z.infer<typeof cachedRoundSchema>

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

/** Parses a stored plain string with a schema; the fallback for anything missing or foreign. */
export function parseStoredText<T>(schema: z.ZodType<T>, raw: string | null, fallback: T): T {
  if (raw === null) return fallback
  const parsed = schema.safeParse(raw)
  return parsed.success ? parsed.data : fallback
}
