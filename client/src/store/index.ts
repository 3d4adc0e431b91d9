import { create } from 'zustand'
import { type BoardSlice, createBoardSlice } from './board-slice.js'
import { type EventSlice, createEventSlice, initialEventState } from './event-slice.js'

export type TischStore = EventSlice & BoardSlice

/** The one client store. Components read it through selectors; only sync/ writes board state. */
export const useTischStore = create<TischStore>()((...a) => ({
  ...createEventSlice(...a),
  ...createBoardSlice(...a),
}))

/** Back to the empty state (tests, leaving an event). */
export function resetStore(): void {
  useTischStore.setState({ ...initialEventState, boards: {} })
}
