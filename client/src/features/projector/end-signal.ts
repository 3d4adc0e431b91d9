import type { RoundState } from '@tischrunde/shared'

/** What the end signal looks at on each tick: which station's timer, and how much is left. */
export interface TimerSample {
  /** Station index while a station runs, else null. */
  station: number | null
  left: number | null
  paused: boolean
}

export function sampleTimer(round: RoundState | null, left: number | null): TimerSample {
  const atStation = round?.phase === 'station'
  return { station: atStation ? round.stationIndex : null, left: atStation ? left : null, paused: round?.paused ?? false }
}

/**
 * Whether the timer just ran out: it was above zero on the previous tick of the same station and is
 * zero now, not paused. So a screen opened after the end stays silent, and a station rings once per
 * end (again only if time was added and ran out again).
 */
export function reachedEnd(prev: TimerSample | null, next: TimerSample): boolean {
  if (!prev || next.station === null || prev.station !== next.station) return false
  return next.left === 0 && !next.paused && prev.left !== null && prev.left > 0
}
