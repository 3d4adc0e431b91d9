import { z } from 'zod'
import { cardIdSchema, randomIdSchema, tableIdSchema } from '../ids.js'
import { columnGroupsSchema, groupChangeSchema, groupColumnSchema } from './group.schema.js'
import { VOTE_STEPS_MAX, ballotDotSchema, ballotSchema, voteSetupSchema, voteStepSchema } from './vote.schema.js'

/** Commands of the voting step, over Socket.IO (merged into `clientEvents`). */
export const harvestClientEvents = {
  /**
   * Facilitator: starts a voting step ("Welche Maßnahmen zuerst?", 3 dots each). Answers `{ stepId }`.
   * `stepId`: the new step's id, chosen by the console and the same when it sends the command again
   * (its answer was lost): a step that stands already with that id and setup is answered, not opened twice.
   */
  'vote:open': z.object({ setup: voteSetupSchema, stepId: randomIdSchema.optional() }),
  /** Facilitator: freezes a step's result (or opens it again). */
  'vote:freeze': z.object({ stepId: randomIdSchema, frozen: z.boolean() }),
  /** Facilitator: shows a step's live ranking on the projectors, or takes it off. */
  'vote:show': z.object({ stepId: randomIdSchema, shown: z.boolean() }),
  /**
   * Facilitator: orders the cards of the step's columns on every board in its scope by their dots
   * ("nach Stimmen ordnen"), most first; their numbers follow the new order.
   */
  'vote:order': z.object({ stepId: randomIdSchema }),
  /**
   * Participant or host: places (1) or takes back (-1) one dot. Answers the voter's ballot.
   * `castId`, new for each tap and the same when the phone sends that tap again (its answer was
   * lost): a cast the ballot already holds is answered with the ballot as it is, not counted again.
   */
  'vote:cast': z.object({ stepId: randomIdSchema, tableId: tableIdSchema, cardId: cardIdSchema, delta: z.union([z.literal(1), z.literal(-1)]), castId: randomIdSchema.optional() }),
} as const

/** Every step of the event, to every screen of it (what is open, the question, the budget). */
export const voteStepsMessageSchema = z.object({ steps: z.array(voteStepSchema).max(VOTE_STEPS_MAX) })
export type VoteStepsMessage = z.infer<typeof voteStepsMessageSchema>

/** Dots per card of one step and how many people voted, to the staff (console, projector). Anonymous. */
export const voteTallyMessageSchema = z.object({
  stepId: randomIdSchema,
  counts: z.array(ballotDotSchema.extend({ count: z.number().int().nonnegative() })).max(200_000),
  voters: z.number().int().nonnegative(),
})
export type VoteTallyMessage = z.infer<typeof voteTallyMessageSchema>

/** A participant's own ballots, to each of their screens (two phones of one person share them). */
export const voteBallotsMessageSchema = z.object({ ballots: z.array(ballotSchema).max(VOTE_STEPS_MAX) })
export type VoteBallotsMessage = z.infer<typeof voteBallotsMessageSchema>

/** Grouping commands (merged into `clientEvents` with the voting ones). */
export const groupClientEvents = {
  /** Facilitator, or the table's host for their table: one change to a column's groups. */
  'groups:edit': z.object({ column: groupColumnSchema, change: groupChangeSchema }),
  /**
   * Facilitator, or the table's host: moves a card within its column to just before another card
   * (`beforeCardId`), or to the end (null) — the order that numbers goals and measures 1., 2., …
   */
  'cards:move': z.object({ column: groupColumnSchema, cardId: cardIdSchema, beforeCardId: cardIdSchema.nullable() }),
} as const

/** Groups of columns, to every screen of the event (sent whole per column after each change). */
export const groupsMessageSchema = z.object({ columns: z.array(columnGroupsSchema).max(5000) })
export type GroupsMessage = z.infer<typeof groupsMessageSchema>

/** Messages of the voting step the server sends (merged into `serverEvents`). */
export const harvestServerEvents = {
  'vote:steps': voteStepsMessageSchema,
  'vote:tally': voteTallyMessageSchema,
  'vote:ballots': voteBallotsMessageSchema,
  'groups:state': groupsMessageSchema,
} as const

/** The answer to `vote:cast`: the voter's ballot after the change and the dots left. */
export const voteCastAnswerSchema = z.object({ ballot: ballotSchema, left: z.number().int().nonnegative() })
export type VoteCastAnswer = z.infer<typeof voteCastAnswerSchema>

