import { type Result, err, ok } from '../wire/errors.js'
import type { Template } from '../template/template.schema.js'
import type { RoundSettings, RoundState, Timer } from './round.schema.js'

/** Why a round command does nothing. */
export type RoundError = 'ALREADY_CLOSED' | 'NOT_STARTED' | 'NOT_AT_STATION' | 'NO_TIMER' | 'NOT_PAUSED' | 'ALREADY_PAUSED' | 'UNKNOWN_STATION' | 'NOT_IN_CHANGEOVER'

const MINUTE = 60_000

/** The ordered steps of a day: before start, each station, review, closed. */
function stepOf(s: RoundState, stationCount: number): number {
  if (s.phase === 'before-start') return 0
  if (s.phase === 'station') return 1 + s.stationIndex
  if (s.phase === 'review') return 1 + stationCount
  return 2 + stationCount
}

/** The current station's time left, remembered when the day moves on from it. */
function rememberLeft(s: RoundState, now: number): RoundState['leftMs'] {
  if (s.phase !== 'station') return s.leftMs
  return { ...s.leftMs, [String(s.stationIndex)]: remainingMs(s, now) ?? 0 }
}

/** A running station timer of `durationMs`, starting after `changeoverMs` of moving tables. */
function stationTimer(durationMs: number, now: number, changeoverMs: number): Timer {
  const startsAt = changeoverMs > 0 ? now + changeoverMs : null
  return { endsAt: now + changeoverMs + durationMs, remainingMs: null, durationMs: Math.max(1, durationMs), startsAt }
}

function atStep(s: RoundState, step: number, stationCount: number, timer: Timer | null): RoundState {
  const base = { ...s, version: s.version + 1, paused: false }
  if (step <= 0) return { ...base, phase: 'before-start', stationIndex: 0, timer: null }
  if (step <= stationCount) return { ...base, phase: 'station', stationIndex: step - 1, timer }
  if (step === stationCount + 1) return { ...base, phase: 'review', timer: null }
  return { ...base, phase: 'closed', timer: null }
}

/** A station that opens again (after going back) is writable again. */
function unlockOpened(s: RoundState, template: Template): RoundState {
  const opened = s.phase === 'station' ? template.stations[s.stationIndex]?.id : undefined
  return opened ? { ...s, lockedStations: s.lockedStations.filter((id) => id !== opened) } : s
}

/**
 * Next step: start → Station 1 → … → review → closed. A station opens with a fresh timer; moving on
 * from one station to the next first gives people the changeover time ("Wechselzeit") to change tables.
 */
export function advance(s: RoundState, template: Template, now: number): Result<RoundState, RoundError> {
  const n = template.stations.length
  const step = stepOf(s, n)
  if (step >= n + 2) return err('ALREADY_CLOSED')
  const changeoverMs = s.phase === 'station' ? s.settings.changeoverSeconds * 1000 : 0
  const timer = stationTimer(s.settings.stationMinutes * MINUTE, now, changeoverMs)
  return ok(unlockOpened({ ...atStep(s, step + 1, n, timer), leftMs: rememberLeft(s, now) }, template))
}

/**
 * The day ends at once, from any step: a day of workshops alone has no stations to step through
 * ("Veranstaltung beenden" on its console). "Einen Schritt zurück" opens it again.
 */
export function endDay(s: RoundState, template: Template, now: number): Result<RoundState, RoundError> {
  const n = template.stations.length
  if (stepOf(s, n) >= n + 2) return err('ALREADY_CLOSED')
  return ok({ ...atStep(s, n + 2, n, null), leftMs: rememberLeft(s, now) })
}

/**
 * One step back (e.g. advanced by mistake). The station gone back to runs on with the time it had
 * left when the day moved on from it (a full timer only if it never had one).
 */
export function back(s: RoundState, template: Template, now: number): Result<RoundState, RoundError> {
  const n = template.stations.length
  const step = stepOf(s, n)
  if (step === 0) return err('NOT_STARTED')
  const prevIndex = step - 2
  const left = s.leftMs?.[String(prevIndex)]
  const full = s.settings.stationMinutes * MINUTE
  const timer: Timer = left === undefined ? stationTimer(full, now, 0) : { endsAt: now + left, remainingMs: null, durationMs: Math.max(1, full, left), startsAt: null }
  return ok(unlockOpened({ ...atStep(s, step - 1, n, timer), leftMs: rememberLeft(s, now) }, template))
}

/** Pauses the round: the timer stops where it is. */
export function pause(s: RoundState, now: number): Result<RoundState, RoundError> {
  if (s.phase !== 'station') return err('NOT_AT_STATION')
  if (s.paused) return err('ALREADY_PAUSED')
  // Pausing ends a changeover: the station's time is kept whole.
  const timer = s.timer && s.timer.endsAt !== null ? { ...s.timer, endsAt: null, remainingMs: remainingMs(s, now), startsAt: null } : s.timer
  return ok({ ...s, version: s.version + 1, paused: true, timer })
}

/** Resumes a paused round; the timer goes on from where it stopped. */
export function resume(s: RoundState, now: number): Result<RoundState, RoundError> {
  if (!s.paused) return err('NOT_PAUSED')
  const timer = s.timer && s.timer.remainingMs !== null ? { ...s.timer, endsAt: now + s.timer.remainingMs, remainingMs: null } : s.timer
  return ok({ ...s, version: s.version + 1, paused: false, timer })
}

/**
 * Adds or takes time (+5 / −5 minutes). Time never goes below zero; a timer that already ran out and
 * gets more starts again from now, and the current station unlocks if the timer had locked it.
 */
export function extend(s: RoundState, template: Template, ms: number, now: number): Result<RoundState, RoundError> {
  if (s.phase !== 'station' || !s.timer) return err('NO_TIMER')
  const t = s.timer
  const floor = t.startsAt && t.startsAt > now ? t.startsAt : now
  const timer =
    t.endsAt !== null
      ? { ...t, endsAt: Math.max(floor, Math.max(t.endsAt, now) + ms), durationMs: Math.max(1, t.durationMs + ms) }
      : { ...t, remainingMs: Math.max(0, (t.remainingMs ?? 0) + ms), durationMs: Math.max(1, t.durationMs + ms) }
  const current = template.stations[s.stationIndex]?.id
  const lockedStations = ms > 0 ? s.lockedStations.filter((id) => id !== current) : s.lockedStations
  return ok({ ...s, version: s.version + 1, timer, lockedStations })
}

/**
 * Sets the running station's time to exactly `ms` ("auf … Minuten setzen"), from now; ends a
 * changeover. A paused timer stays paused with that time.
 */
export function setRemaining(s: RoundState, template: Template, ms: number, now: number): Result<RoundState, RoundError> {
  if (s.phase !== 'station' || !s.timer) return err('NO_TIMER')
  const timer: Timer = s.paused
    ? { ...s.timer, remainingMs: ms, durationMs: Math.max(1, ms), startsAt: null }
    : { endsAt: now + ms, remainingMs: null, durationMs: Math.max(1, ms), startsAt: null }
  const current = template.stations[s.stationIndex]?.id
  const lockedStations = ms > 0 ? s.lockedStations.filter((id) => id !== current) : s.lockedStations
  return ok({ ...s, version: s.version + 1, timer, lockedStations })
}

/** Ends the changeover early: the station's timer starts now with its full time. */
export function startStationNow(s: RoundState, now: number): Result<RoundState, RoundError> {
  if (!inChangeover(s, now) || !s.timer) return err('NOT_IN_CHANGEOVER')
  const timer: Timer = { ...s.timer, endsAt: now + s.timer.durationMs, startsAt: null }
  return ok({ ...s, version: s.version + 1, timer })
}

/** Whether people are changing tables: a station has opened and its timer has not started yet. */
export function inChangeover(s: RoundState, serverNow: number): boolean {
  return s.phase === 'station' && !s.paused && !!s.timer?.startsAt && serverNow < s.timer.startsAt
}

/** Milliseconds of changeover left at `serverNow`, or 0. */
export function changeoverLeftMs(s: RoundState, serverNow: number): number {
  return inChangeover(s, serverNow) ? s.timer!.startsAt! - serverNow : 0
}

/**
 * Locks or unlocks one station's boards for participants. The current station unlocked after its
 * time and grace ran out stays open (it locked again at once by itself) until its timer changes.
 */
export function setStationLock(s: RoundState, template: Template, stationId: string, locked: boolean, now?: number): Result<RoundState, RoundError> {
  if (!template.stations.some((st) => st.id === stationId)) return err('UNKNOWN_STATION')
  const without = s.lockedStations.filter((id) => id !== stationId)
  const at = autoLockAt(s)
  const keptOpen = !locked && now !== undefined && at !== null && now >= at && currentStationId(s, template) === stationId
  return ok({ ...s, version: s.version + 1, lockedStations: locked ? [...without, stationId] : without, ...(keptOpen ? { keptOpenAt: s.timer!.endsAt } : {}) })
}

/** Changes minutes per station and the grace period; a running timer keeps its end. */
export function configure(s: RoundState, settings: RoundSettings): RoundState {
  return { ...s, version: s.version + 1, settings }
}

/** Milliseconds left on the station's timer at server time `serverNow`; null without a timer. */
export function remainingMs(s: RoundState, serverNow: number): number | null {
  if (!s.timer) return null
  if (s.timer.endsAt === null) return s.timer.remainingMs
  // During a changeover the station's time stands at its full length.
  return Math.min(s.timer.durationMs, Math.max(0, s.timer.endsAt - serverNow))
}

/** When the current station's boards lock by themselves (server time), or null. */
export function autoLockAt(s: RoundState): number | null {
  if (s.phase !== 'station' || s.paused || !s.timer || s.timer.endsAt === null || s.settings.graceSeconds === null) return null
  // Reopened by hand after this timer ran out: open until the timer changes (+5, a new station).
  if (s.keptOpenAt === s.timer.endsAt) return null
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
