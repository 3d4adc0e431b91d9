import { z } from 'zod'
import { cardIdSchema, participantIdSchema } from '../../ids.js'

/** Most cards merged into one. */
export const MERGED_MAX = 20

/** A card merged into another (a duplicate): its text is kept in the card it went into. */
export const mergedCardSchema = z.object({ id: cardIdSchema, text: z.string().min(1).max(280), authorId: participantIdSchema }).strict()
export type MergedCard = z.infer<typeof mergedCardSchema>

/**
 * Fields of a card that only moderation sets (through the server, never a client write): pinned
 * to the top of its column, struck through, and the cards merged into it. Kept apart from the
 * card's own fields so other features add theirs without touching these.
 */
export const cardMarkFields = {
  pinned: z.literal(true).optional(),
  struck: z.literal(true).optional(),
  merged: z.array(mergedCardSchema).max(MERGED_MAX).optional(),
}

export const CARD_MARKS = ['pinned', 'struck', 'merged'] as const
