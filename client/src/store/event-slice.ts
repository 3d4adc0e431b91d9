import type { EventLinks, JoinGuessing, PresenceCounts, ProjectorDisplayMessage, Role, RotationSuggestion, RoundState, TischEvent } from '@tischrunde/shared'
import type { StateCreator } from 'zustand'
import type { TischStore } from './index.js'

/** `deleted`: the event was deleted while this screen was open. */
/** `outdated`: the control plane's code no longer loads from the server (it was updated meanwhile); only a reload mends it. */
export type ControlStatus = 'connecting' | 'online' | 'offline' | 'denied' | 'deleted' | 'outdated'

/** The event this screen shows, as the server last sent it, and the control connection. */
export interface EventSlice {
  event: TischEvent | null
  role: Role | null
  joinCode: string | null
  /** Facilitators only. */
  links: EventLinks | null
  presence: PresenceCounts | null
  controlStatus: ControlStatus
  /** The round state as the server last sent it. */
  round: RoundState | null
  /** Server clock minus this device's clock, in ms, measured when the round state arrived. */
  clockOffsetMs: number
  /** Facilitators: the last notice that someone is trying join codes (null: none, or dismissed). */
  joinGuessing: JoinGuessing | null
  /** Phones: the table the server suggests for the station that starts. */
  suggestion: RotationSuggestion | null
  /** Staff only: what the console last asked the projectors to show. */
  projectorDisplay: ProjectorDisplayMessage | null
  /** Console: the event has a stored programme (its agenda is then the programme's view, edited there). */
  programmeStored: boolean
}

export const initialEventState: EventSlice = {
  event: null,
  role: null,
  joinCode: null,
  links: null,
  presence: null,
  controlStatus: 'connecting',
  round: null,
  clockOffsetMs: 0,
  joinGuessing: null,
  suggestion: null,
  projectorDisplay: null,
  programmeStored: false,
}

export const createEventSlice: StateCreator<TischStore, [], [], EventSlice> = () => ({ ...initialEventState })
