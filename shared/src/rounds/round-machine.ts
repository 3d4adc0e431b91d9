import { type Result, err, ok } from '../wire/errors.js'
import type { Template } from '../template/template.schema.js'
import type { RoundSettings, RoundState } from './round.schema.js'

/** Why a round command does nothing. */
export type RoundError = 'ALREADY_CLOSED' | 'NOT_STARTED' | 'NOT_AT_STATION' | 'NO_TIMER' | 'NOT_PAUSED' | 'ALREADY_PAUSED' | 'UNKNOWN_STATION'

const MINUTE = 60_000

/** The ordered steps of a day: before start, each station, review, closed. */
function stepOf(s: RoundState, stationCount: number): number {
  if (s.phase === 'before-start') return 0
  if (s.phase === 'station') return 1 + s.stationIndex
  if (s.phase === 'review') return 1 + stationCount
  return 2 + stationCount
}

function atStep(s: RoundState, step: number, stationCount: number, now: number): RoundState {
  const base = { ...s, version: s.version + 1, paused: false }
  if (step <= 0) return { ...base, phase: 'before-start', stationIndex: 0, timer: null }
  if (step <= stationCount) {
    const durationMs = s.settings.stationMinutes * MINUTE
    return { ...base, phase: 'station', stationIndex: step - 1, timer: { endsAt: now + durationMs, remainingMs: null, durationMs } }
  }
  if (step === stationCount + 1) return { ...base, phase: 'review', timer: null }
  return { ...base, phase: 'closed', timer: null }
}

/** Next step: start → Station 1 → … → review → closed. A station opens with a fresh timer. */
export function advance(s: RoundState, template: Template, now: number): Result<RoundState, RoundError> {
  const n = template.stations.length
  const step = stepOf(s, n)
  if (step >= n + 2) return err('ALREADY_CLOSED')
  const next = atStep(s, step + 1, n, now)
  // A station that opens again (after going back) is writable again.
  const opened = next.phase === 'station' ? template.stations[next.stationIndex]?.id : undefined
  return ok(opened ? { ...next, lockedStations: next.lockedStations.filter((id) => id !== opened) } : next)
}

/** One step back (e.g. advanced by mistake). Going back to a station restarts its timer. */
export function back(s: RoundState, template: Template, now: number): Result<RoundState, RoundError> {
  const n = template.stations.length
  const step = stepOf(s, n)
  if (step === 0) return err('NOT_STARTED')
  const prev = atStep(s, step - 1, n, now)
  const opened = prev.phase === 'station' ? template.stations[prev.stationIndex]?.id : undefined
  return ok(opened ? { ...prev, lockedStations: prev.lockedStations.filter((id) => id !== opened) } : prev)
}

/** Pauses the round: the timer stops where it is. */
export function pause(s: RoundState, now: number): Result<RoundState, RoundError> {
  if (s.phase !== 'station') return err('NOT_AT_STATION')
  if (s.paused) return err('ALREADY_PAUSED')
  const timer = s.timer && s.timer.endsAt !== null ? { ...s.timer, endsAt: null, remainingMs: Math.max(0, s.timer.endsAt - now) } : s.timer
  return ok({ ...s, version: s.version + 1, paused: true, timer })
}

/** Resumes a paused round; the timer goes on from where it stopped. */
export function resume(s: RoundState, now: number): Result<RoundState, RoundError> {
  if (!s.paused) return err('NOT_PAUSED')
  const timer = s.timer && s.timer.remainingMs !== null ? { ...s.timer, endsAt: now + s.timer.remainingMs, remainingMs: null } : s.timer
  return ok({ ...s, version: s.version + 1, paused: false, timer })
}

/**
 * Adds time (e.g. +5 minutes). A timer that already ran out starts again from now, and the current
 * station unlocks if the timer had locked it.
 */
export function extend(s: RoundState, template: Template, ms: number, now: number): Result<RoundState, RoundError> {
  if (s.phase !== 'station' || !s.timer) return err('NO_TIMER')
  const t = s.timer
  const timer =
    t.endsAt !== null
      ? { ...t, endsAt: Math.max(t.endsAt, now) + ms, durationMs: t.durationMs + ms }
      : { ...t, remainingMs: (t.remainingMs ?? 0) + ms, durationMs: t.durationMs + ms }
  const current = template.stations[s.stationIndex]?.id
  return ok({ ...s, version: s.version + 1, timer, lockedStations: s.lockedStations.filter((id) => id !== current) })
}

/** Locks or unlocks one station's boards for participants. */
export function setStationLock(s: RoundState, template: Template, stationId: string, locked: boolean): Result<RoundState, RoundError> {
  if (!template.stations.some((st) => st.id === stationId)) return err('UNKNOWN_STATION')
  const without = s.lockedStations.filter((id) => id !== stationId)
  return ok({ ...s, version: s.version + 1, lockedStations: locked ? [...without, stationId] : without })
}

/** Changes minutes per station and the grace period; a running timer keeps its end. */
export function configure(s: RoundState, settings: RoundSettings): RoundState {
  return { ...s, version: s.version + 1, settings }
}

/** Milliseconds left on the timer at server time `serverNow`; null without a timer. */
export function remainingMs(s: RoundState, serverNow: number): number | null {
  if (!s.timer) return null
  if (s.timer.endsAt === null) return s.timer.remainingMs
  return Math.max(0, s.timer.endsAt - serverNow)
}

/** When the current station's boards lock by themselves (server time), or null. */
export function autoLockAt(s: RoundState): number | null {
  if (s.phase !== 'station' || s.paused || !s.timer || s.timer.endsAt === null || s.settings.graceSeconds === null) return null
  return s.timer.endsAt + s.settings.graceSeconds * 1000
}

/** Locks the current station if its timer and grace period are over; otherwise returns `s` unchanged. */
export function lockIfExpired(s: RoundState, template: Template, now: number): RoundState {
  const at = autoLockAt(s)
  const current = template.stations[s.stationIndex]?.id
  if (at === null || now < at || !current || s.lockedStations.includes(current)) return s
  return { ...s, version: s.version + 1, lockedStations: [...s.lockedStations, current] }
}

/** The station participants write to now, or null before the start and after the stations. */
export function currentStationId(s: RoundState, template: Template): string | null {
  return s.phase === 'station' ? (template.stations[s.stationIndex]?.id ?? null) : null
}

/**
 * Whether participants may write cards of a station: it has been reached (so cards typed offline
 * in an earlier station still arrive) and is not locked, and the day is not closed.
 */
export function stationWritable(s: RoundState, template: Template, stationId: string): boolean {
  const index = template.stations.findIndex((st) => st.id === stationId)
  if (index === -1 || s.lockedStations.includes(stationId)) return false
  if (s.phase === 'station') return index <= s.stationIndex
  if (s.phase === 'review') return false
  return false
}
