import { groupsMessageSchema, voteBallotsMessageSchema, voteStepsMessageSchema, voteTallyMessageSchema } from '@tischrunde/shared'
import { receiveGroups, useVoteStore } from '../store/vote-store.js'

/** Registers a listener for a server message of the control plane, whichever transport carries it. */
export type ControlOn = (name: string, listener: (payload: unknown) => void) => unknown

/** Mirrors the voting messages of the control plane into the vote store, each checked by its schema. */
export function bindVoteMessages(on: ControlOn): void {
  on('vote:steps', (payload: unknown) => {
    const parsed = voteStepsMessageSchema.safeParse(payload)
    if (parsed.success) useVoteStore.setState({ steps: parsed.data.steps })
  })
  on('vote:tally', (payload: unknown) => {
    const parsed = voteTallyMessageSchema.safeParse(payload)
    if (parsed.success) useVoteStore.setState((s) => ({ tallies: new Map(s.tallies).set(parsed.data.stepId, parsed.data) }))
  })
  on('groups:state', (payload: unknown) => {
    const parsed = groupsMessageSchema.safeParse(payload)
    if (parsed.success) receiveGroups(parsed.data.columns)
  })
  on('vote:ballots', (payload: unknown) => {
    const parsed = voteBallotsMessageSchema.safeParse(payload)
    if (parsed.success) useVoteStore.setState({ ballots: parsed.data.ballots })
  })
}
