import { type Station, type TischEvent, layoutBoard } from '@tischrunde/shared'
import { type BoardState, EMPTY_BOARD } from './board-slice.js'
import type { TischStore } from './index.js'

export const selectEvent = (s: TischStore): TischEvent | null => s.event
export const selectBoard =
  (docName: string) =>
  (s: TischStore): BoardState =>
    s.boards[docName] ?? EMPTY_BOARD

/** A station of the current event by index (clamped). */
export function stationAt(event: TischEvent, index: number): Station {
  const stations = event.template.stations
  return stations[Math.max(0, Math.min(index, stations.length - 1))]!
}

/** The columns of one station with their cards, in board order. */
export function stationColumns(board: BoardState, event: TischEvent, stationId: string) {
  const { stations } = layoutBoard(board.cards, event.template)
  return stations.find((s) => s.id === stationId)?.columns ?? []
}
