import { z } from 'zod'
import { cardIdSchema, columnIdSchema, randomIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'

/** Most dots one participant may have in one voting step. */
export const VOTE_BUDGET_MAX = 20
/** Longest question of a voting step ("Welche Maßnahmen zuerst?"), in characters. */
export const VOTE_QUESTION_MAX = 160
/**
 * Cast ids a ballot remembers (the newest), so a cast the phone sends again (its answer was lost)
 * is answered without counting twice. More than a voter taps while one answer is on its way.
 */
export const VOTE_CASTS_REMEMBERED = 2 * VOTE_BUDGET_MAX
/** Most voting steps an event keeps (open, frozen or closed). */
export const VOTE_STEPS_MAX = 50

/**
 * Which cards a step puts to the vote: all of the event (no field), one station's cards on every
 * table, one column of a station, and optionally only one table's board.
 */
export const voteScopeSchema = z
  .object({
    stationId: stationIdSchema.optional(),
    columnId: columnIdSchema.optional(),
    tableId: tableIdSchema.optional(),
  })
  .refine((s) => s.columnId === undefined || s.stationId !== undefined, { path: ['columnId'], params: { issue: 'required' } })
export type VoteScope = z.infer<typeof voteScopeSchema>

/** open: dots can be placed and taken back; frozen: the result stands, nobody votes any more. */
export const voteStatusSchema = z.enum(['open', 'frozen'])
export type VoteStatus = z.infer<typeof voteStatusSchema>

const setupFields = {
  question: z.string().trim().min(1).max(VOTE_QUESTION_MAX),
  scope: voteScopeSchema,
  /** Dots per participant (two phones of one participant share them). */
  budget: z.number().int().min(1).max(VOTE_BUDGET_MAX),
  /** Most dots one participant may put on one card (1: one dot per card). */
  perCardMax: z.number().int().min(1).max(VOTE_BUDGET_MAX),
}

/** What the facilitator sets when starting a step. */
export const voteSetupSchema = z
  .object(setupFields)
  .refine((s) => s.perCardMax <= s.budget, { path: ['perCardMax'], params: { issue: 'too_big' } })
export type VoteSetup = z.infer<typeof voteSetupSchema>

/** One voting step of an event, as stored (written by the server only). */
export const voteStepSchema = z.object({
  id: randomIdSchema,
  ...setupFields,
  status: voteStatusSchema,
  /** Whether the projectors show this step's ranking (the newest such step). */
  onProjector: z.boolean().default(false),
  openedAt: z.number().int().nonnegative(),
  frozenAt: z.number().int().nonnegative().optional(),
})
export type VoteStep = z.infer<typeof voteStepSchema>

/** A card as votes name it: the table whose board holds it, and its id there. */
export const cardRefSchema = z.object({ tableId: tableIdSchema, cardId: cardIdSchema })
export type CardRef = z.infer<typeof cardRefSchema>

/** The key of a card across boards: `<tableId>/<cardId>`. */
export const cardRefKey = (ref: CardRef): string => `${ref.tableId}/${ref.cardId}`

/** Dots on one card in a ballot. */
export const ballotDotSchema = cardRefSchema.extend({ count: z.number().int().min(1).max(VOTE_BUDGET_MAX) })
export type BallotDot = z.infer<typeof ballotDotSchema>

/**
 * One participant's dots in one step, as stored (one record per participant and step, so the
 * budget is checked and written in one compare-and-set). Names no person: the key holds the
 * participant id, the exports and screens only ever see the counts.
 */
export const ballotSchema = z.object({
  stepId: randomIdSchema,
  dots: z.array(ballotDotSchema).max(VOTE_BUDGET_MAX),
  /**
   * Dots taken off cards a moderator hid: they are back in the budget (not in `dots`, not counted),
   * and return to their card when it is restored, as far as the budget and the per-card limit
   * still allow. Absent in ballots without any.
   */
  parked: z.array(ballotDotSchema).max(VOTE_BUDGET_MAX).optional(),
  /** The ids of the newest casts that changed this ballot (server only; never sent to a screen). */
  casts: z.array(randomIdSchema).max(VOTE_CASTS_REMEMBERED).optional(),
})
export type Ballot = z.infer<typeof ballotSchema>

/** The record key of a participant's ballot in a step. */
export const ballotKey = (stepId: string, participantId: string): string => `${stepId}/${participantId}`

export const EMPTY_BALLOT = (stepId: string): Ballot => ({ stepId, dots: [] })
