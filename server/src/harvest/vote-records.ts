/** The records of dot voting in the event store: steps, imported results, ballots and their index by card. */
import { ballotSchema, importedVoteResultSchema, recordCollection, voteStepSchema } from '@tischrunde/shared'
import { z } from 'zod'

/** Voting steps of an event, by step id (written by the server on the facilitator's command). */
export const voteSteps = recordCollection('vote-steps', voteStepSchema)
/** Results of steps that came with an event file, by step id. */
export const importedVoteResults = recordCollection('imported-vote-results', importedVoteResultSchema)
/** Ballots: one record per participant and step (`<stepId>/<participantId>`), so one compare-and-set checks the budget. */
export const ballots = recordCollection('ballots', ballotSchema)

/** Ballot keys one card's index entry lists before it gives up and says "look at every ballot". */
export const CARD_BALLOTS_MAX = 2000
/**
 * Which ballots ever held a dot on a card (record key: the card's `<tableId>/<cardId>`), so a card's
 * delete, hide, restore or merge rewrites those ballots, not every ballot of the event. Written
 * before the ballot it names and never shrunk (a listed ballot without the card is left as it is);
 * past CARD_BALLOTS_MAX, `overflow` sends the lookup to every ballot.
 */
export const ballotsByCard = recordCollection('ballots-by-card', z.object({ ballots: z.array(z.string().max(200)).max(CARD_BALLOTS_MAX), overflow: z.boolean() }))
/** Set once every ballot of the event stands in ballotsByCard (ballots cast before the index was kept are added on first use). */
export const ballotIndexReady = recordCollection('ballot-index', z.object({ at: z.number().int() }))
export const INDEX_KEY = 'ballots-by-card'
