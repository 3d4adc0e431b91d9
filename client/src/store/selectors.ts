import { type RoundState, type Station, type TischEvent, layoutBoard, remainingMs, stationWritable } from '@tischrunde/shared'
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

/** The station the room is at (null before the start and after the stations). */
export function currentStation(event: TischEvent, round: RoundState | null): Station | null {
  if (!round || round.phase !== 'station') return null
  return event.template.stations[round.stationIndex] ?? null
}

/** Whether participants may write to a station now (the server decides the same way). */
export function canWrite(event: TischEvent, round: RoundState | null, stationId: string): boolean {
  return round !== null && stationWritable(round, event.template, stationId)
}

/** Whole seconds left on the round timer at server time `serverNow`; null without a timer. */
export function secondsLeft(round: RoundState | null, serverNow: number): number | null {
  if (!round) return null
  const ms = remainingMs(round, serverNow)
  return ms === null ? null : Math.ceil(ms / 1000)
}

/** "12:05" for 725 seconds. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
