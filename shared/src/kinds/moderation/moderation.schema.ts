import { z } from 'zod'
import { storedCardSchema } from '../../doc/board-write-rules.js'
import { cardIdSchema, stationIdSchema, tableIdSchema } from '../../ids.js'

/**
 * Why a card is not on the board: hidden by a moderator, waiting for approval, collected before
 * the reveal, refused, or merged into another card (whose `merged` keeps its text).
 */
export const heldStatusSchema = z.enum(['hidden', 'pending', 'collected', 'refused', 'merged'])
export type HeldStatus = z.infer<typeof heldStatusSchema>

/** Most earlier texts kept in a card's moderation history (edits, merges). */
export const HELD_HISTORY_MAX = 20

/** A card held off the board: the card as it was, why, and since when. Written by the server only. */
export const heldCardSchema = z
  .object({
    id: cardIdSchema,
    card: storedCardSchema,
    status: heldStatusSchema,
    /** Server time the card was held, in ms. */
    at: z.number().int().nonnegative(),
    /**
     * Who wrote a collected card: a participant's waits for approval at the reveal when the station
     * (or the event) asks for it, a table host's goes to the board. Absent on other statuses (and on
     * cards collected before it was kept: they count as a participant's).
     */
    writer: z.enum(['participant', 'host']).optional(),
  })
  .strict()
export type HeldCard = z.infer<typeof heldCardSchema>

/** How a station treats new participant cards. */
export const stationModeSchema = z
  .object({
    stationId: stationIdSchema,
    /** New participant cards wait for a facilitator's or host's approval. */
    approval: z.boolean(),
    /** Participants see only their own cards until the facilitator reveals the station. */
    collect: z.boolean(),
    /** When the station was revealed (ms); null: not yet (collect mode hides the others' cards). */
    revealedAt: z.number().int().nonnegative().nullable(),
    /** When collecting last began (ms): a card hidden before was seen by everyone (absent: stored before it was kept). */
    collectingSince: z.number().int().nonnegative().optional(),
  })
  .strict()
export type StationMode = z.infer<typeof stationModeSchema>

/** Approval mode for the whole event (every station). */
export const eventModerationSchema = z.object({ approval: z.boolean() }).strict()
export type EventModeration = z.infer<typeof eventModerationSchema>

/** Roots of the event's public moderation state (`modstate.<event>`). */
export const MODSTATE_STATIONS = 'stations'
export const MODSTATE_EVENT = 'event'
/** Collected cards per table and station (`<table>/<station>` → count), so phones can say how many others wrote. */
export const MODSTATE_COUNTS = 'counts'
/** Root of held cards in the moderation, collect and own docs. */
export const HELD_ROOT = 'held'

export const countKey = (tableId: string, stationId: string) => `${tableId}/${stationId}`

/** What a moderator does to one card. */
export const moderationActionSchema = z.enum(['hide', 'restore', 'approve', 'refuse', 'pin', 'unpin', 'strike', 'unstrike', 'merge'])
export type ModerationAction = z.infer<typeof moderationActionSchema>

/** Socket.IO payloads of the moderation commands. */
export const cardModerateSchema = z.object({
  tableId: tableIdSchema,
  cardId: cardIdSchema,
  action: moderationActionSchema,
  /** For `merge`: the card the duplicate goes into (same station). */
  intoCardId: cardIdSchema.optional(),
})
/** A station's modes; `stationId` null sets approval for the whole event. */
export const stationModerationSchema = z.object({
  stationId: stationIdSchema.nullable(),
  approval: z.boolean().optional(),
  collect: z.boolean().optional(),
})
export const stationRevealSchema = z.object({ stationId: stationIdSchema })
