import type { Ballot, VoteStep, VoteTallyMessage } from '@tischrunde/shared'
import { create } from 'zustand'

/** Dot voting as this screen knows it: every step, the tallies it may see (staff), its own ballots. */
export interface VoteState {
  steps: VoteStep[]
  /** Tallies by step id (console and projector only; phones never get them). */
  tallies: ReadonlyMap<string, VoteTallyMessage>
  /** This participant's ballots (shared by all their phones). */
  ballots: Ballot[]
}

/** A store of its own, so screens without voting never hold its state. */
export const useVoteStore = create<VoteState>(() => ({ steps: [], tallies: new Map(), ballots: [] }))

/** The newest step that is open, or undefined. */
export const selectOpenStep = (s: VoteState): VoteStep | undefined => [...s.steps].reverse().find((step) => step.status === 'open')
/** The step the projectors show (the newest one marked for them). */
export const selectShownStep = (s: VoteState): VoteStep | undefined => [...s.steps].reverse().find((step) => step.onProjector)
