import { z } from 'zod'
import { cardMarkFields } from '../kinds/moderation/card-marks.schema.js'
import { displayNameSchema } from './display-name.js'
import { cardIdSchema, columnIdSchema, participantIdSchema, randomIdSchema, stationIdSchema } from '../ids.js'

/** Longest card or sub-point text, in characters. Keeps cards readable on the projector. */
export const CARD_TEXT_MAX = 280
/** Most sub-points under one card. */
export const SUB_POINTS_MAX = 20

export const cardTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(CARD_TEXT_MAX)

/** A point nested under a card, as in the seed's indented lists. */
export const subPointSchema = z.object({ id: randomIdSchema, text: cardTextSchema })
export type SubPoint = z.infer<typeof subPointSchema>

/** Most versions of one card kept side by side after concurrent edits. */
export const ALTERNATIVES_MAX = 5

/**
 * A version of a card that lost against a concurrent edit (a host correcting it while its author
 * edited it offline): kept beside the card, never dropped silently, until someone resolves it.
 */
export const cardAlternativeSchema = z.object({ text: cardTextSchema, subPoints: z.array(subPointSchema).max(SUB_POINTS_MAX) })
export type CardAlternative = z.infer<typeof cardAlternativeSchema>

/**
 * One card on a table's board. `position` orders cards within a column (ascending; ties by
 * createdAt, then id), so two phones adding at once never collide.
 */
export const cardSchema = z.object({
  id: cardIdSchema,
  stationId: stationIdSchema,
  columnId: columnIdSchema,
  text: cardTextSchema,
  subPoints: z.array(subPointSchema).max(SUB_POINTS_MAX).default([]),
  authorId: participantIdSchema,
  /** The author's display name, if they gave one; shown only when the facilitator allows names. */
  authorName: displayNameSchema.optional(),
  createdAt: z.number().int().nonnegative(),
  position: z.number().finite(),
  /** Versions that lost against a concurrent edit; only the server adds them (see the write rules). */
  alternatives: z.array(cardAlternativeSchema).max(ALTERNATIVES_MAX).optional(),
  /** Set by moderation only (pinned, struck through, merged duplicates); see kinds/moderation. */
  ...cardMarkFields,
})
export type Card = z.infer<typeof cardSchema>

/** Orders cards as a board shows them: by position, then creation time, then id. */
export function compareCards(a: Card, b: Card): number {
  // Pinned cards first (moderation), then by place.
  return Number(b.pinned === true) - Number(a.pinned === true) || a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
