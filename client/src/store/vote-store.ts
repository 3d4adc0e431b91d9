import { type Ballot, type ColumnGroups, type VoteStep, type VoteTallyMessage, groupColumnKey } from '@tischrunde/shared'
import { create } from 'zustand'

/** Dot voting as this screen knows it: every step, the tallies it may see (staff), its own ballots. */
export interface VoteState {
  steps: VoteStep[]
  /** Tallies by step id (console and projector only; phones never get them). */
  tallies: ReadonlyMap<string, VoteTallyMessage>
  /** This participant's ballots (shared by all their phones). */
  ballots: Ballot[]
  /** Groups of cards by column (`<tableId>/<stationId>/<columnId>`). */
  groups: ReadonlyMap<string, ColumnGroups>
}

/** A store of its own, so screens without voting never hold its state. */
export const useVoteStore = create<VoteState>(() => ({ steps: [], tallies: new Map(), ballots: [], groups: new Map() }))

/** The newest step that is open, or undefined. */
export const selectOpenStep = (s: VoteState): VoteStep | undefined => [...s.steps].reverse().find((step) => step.status === 'open')
/** The step the projectors show (the newest one marked for them). */
export const selectShownStep = (s: VoteState): VoteStep | undefined => [...s.steps].reverse().find((step) => step.onProjector)

/** Stores the groups of the columns a message names (each column's groups come whole). */
export function receiveGroups(columns: readonly ColumnGroups[]): void {
  useVoteStore.setState((s) => {
    const next = new Map(s.groups)
    for (const c of columns) next.set(groupColumnKey(c), c)
    return { groups: next }
  })
}
