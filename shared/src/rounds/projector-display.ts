import { z } from 'zod'
import { stationIdSchema, tableIdSchema } from '../ids.js'
import { type TreePhase, treePhaseSchema } from '../kinds/tree/tree-phase.js'
import { deviceLanguageSchema } from '../storage/device-storage.schema.js'

/** What a projector shows: one table's board, all tables, the review walk-through, how to join, or the actor map ("Wer kann helfen?"). */
export const projectorViewSchema = z.enum(['table', 'wall', 'review', 'join', 'actors'])
export type ProjectorView = z.infer<typeof projectorViewSchema>

/** One card, or one column of one table's station, shown huge on the projector. */
export const spotlightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), tableId: tableIdSchema, cardId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('column'), tableId: tableIdSchema, stationId: stationIdSchema, columnId: z.string().min(1).max(100) }),
])
export type Spotlight = z.infer<typeof spotlightSchema>

/** On a tree day: the group whose tree the projectors show, and which of its trees. */
export const shownTreeSchema = z.object({ groupId: z.string().min(1).max(60), phase: treePhaseSchema })
export type ShownTree = z.infer<typeof shownTreeSchema>

/**
 * What the facilitator's console asks the projectors to show. The projectors' own keys still work;
 * the next command from the console wins again.
 */
export const projectorDisplaySchema = z.object({
  view: projectorViewSchema,
  /** The table for the table view, or where the review stands. */
  tableId: tableIdSchema.nullable(),
  /** The station (0-based) the review stands at. */
  station: z.number().int().min(0).max(20).nullable(),
  spotlight: spotlightSchema.nullable(),
  /** On a tree day, the tree shown (view "table"); absent: each projector keeps the group it shows. */
  tree: shownTreeSchema.optional(),
  /** The language the projectors speak (their wording, not the cards); absent: each keeps its own. */
  language: deviceLanguageSchema.optional(),
})
export type ProjectorDisplay = z.infer<typeof projectorDisplaySchema>

/**
 * A display command as the projectors receive it; `seq` grows with every command, so a repeat shows
 * again. `initial`: the last command, replayed to a screen that just connected (a projector opened
 * with an explicit view in its address keeps that view). `languageOnly`: the command changed only the
 * language ("Sprache auf dem Beamer"); the projectors keep what they show.
 */
export const projectorDisplayMessageSchema = z.object({
  display: projectorDisplaySchema,
  seq: z.number().int().nonnegative(),
  initial: z.boolean().optional(),
  languageOnly: z.boolean().optional(),
  /** The day moved on to another station: the spotlight ends, the projectors keep what they show. */
  spotlightEnded: z.boolean().optional(),
  /** The day moved on to another tree phase: the shown tree follows it (the afternoon's solution tree), the projectors keep their view. */
  treeFollowed: z.boolean().optional(),
})
export type ProjectorDisplayMessage = z.infer<typeof projectorDisplayMessageSchema>

/**
 * What the projectors are told when the day moves on (a station's change): a spotlight ends, and a
 * tree the console chose follows the day's tree phase (a group's problem tree chosen in the morning:
 * the afternoon shows its solution tree, and back). Null when neither changes anything. `seq`: a
 * number above every command's before (one skipped when nothing is sent is no harm: it only grows).
 */
export function displayAfterMove(last: ProjectorDisplayMessage | undefined, treePhase: TreePhase | null, seq: number): ProjectorDisplayMessage | null {
  const spotlightEnded = Boolean(last?.display.spotlight)
  const tree = last?.display.tree
  const treeFollowed = Boolean(tree && treePhase && tree.phase !== treePhase)
  if (!last || (!spotlightEnded && !treeFollowed)) return null
  const display = { ...last.display, spotlight: null, ...(tree && treePhase ? { tree: { ...tree, phase: treePhase } } : {}) }
  return { display, seq, ...(spotlightEnded ? { spotlightEnded } : {}), ...(treeFollowed ? { treeFollowed } : {}) }
}
