import { describe, expect, it } from 'vitest'
import { WINNENDEN_TEMPLATE as T } from '../template/winnenden-template.js'
import { INITIAL_ROUND_STATE, type RoundState } from './round.schema.js'
import {
  advance,
  autoLockAt,
  back,
  currentStationId,
  extend,
  lockIfExpired,
  pause,
  remainingMs,
  resume,
  setStationLock,
  stationWritable,
} from './round-machine.js'

const MIN = 60_000
const must = (r: { ok: true; value: RoundState } | { ok: false; error: string }): RoundState => {
  if (!r.ok) throw new Error(r.error)
  return r.value
}
/** Advances `times` steps from the start at t=0. */
const stepped = (times: number, now = 0): RoundState => {
  let s = INITIAL_ROUND_STATE
  for (let i = 0; i < times; i++) s = must(advance(s, T, now))
  return s
}

describe('the day as steps', () => {
  it.each([
    [0, 'before-start', null],
    [1, 'station', 'station-1'],
    [2, 'station', 'station-2'],
    [3, 'station', 'station-3'],
    [4, 'review', null],
    [5, 'closed', null],
  ])('after %i advances the phase is %s at %s', (times, phase, station) => {
    const s = stepped(times)
    expect(s.phase).toBe(phase)
    expect(currentStationId(s, T)).toBe(station)
    expect(s.version).toBe(times)
  })

  it('refuses to advance past closed', () => {
    expect(advance(stepped(5), T, 0)).toEqual({ ok: false, error: 'ALREADY_CLOSED' })
  })

  it('goes back one step and refuses to go back before the start', () => {
    expect(must(back(stepped(2), T, 0)).stationIndex).toBe(0)
    expect(back(INITIAL_ROUND_STATE, T, 0)).toEqual({ ok: false, error: 'NOT_STARTED' })
  })

  it('starts each station with a fresh timer of the configured minutes, after the changeover', () => {
    const s = must(advance(stepped(1, 0), T, 5 * MIN))
    expect(s.timer).toEqual({ endsAt: 7 * MIN + 20 * MIN, remainingMs: null, durationMs: 20 * MIN, startsAt: 7 * MIN })
  })
})

describe('the timer', () => {
  it('stops on pause and goes on from there on resume', () => {
    const paused = must(pause(stepped(1, 0), 5 * MIN))
    expect(remainingMs(paused, 99 * MIN)).toBe(15 * MIN)
    const resumed = must(resume(paused, 30 * MIN))
    expect(remainingMs(resumed, 31 * MIN)).toBe(14 * MIN)
  })

  it('shows the same remaining time for the same server time, whatever the screen', () => {
    const s = stepped(1, 1_000_000)
    expect(remainingMs(s, 1_000_000 + 61_000)).toBe(20 * MIN - 61_000)
  })

  it('adds five minutes, also after it ran out, and unlocks the station it had locked', () => {
    const expired = lockIfExpired(stepped(1, 0), T, 21 * MIN + 1)
    expect(expired.lockedStations).toEqual(['station-1'])
    const extended = must(extend(expired, T, 5 * MIN, 22 * MIN))
    expect(remainingMs(extended, 22 * MIN)).toBe(5 * MIN)
    expect(extended.lockedStations).toEqual([])
  })

  it('locks the station only after the grace period, and not while paused', () => {
    const s = stepped(1, 0)
    expect(autoLockAt(s)).toBe(20 * MIN + 60_000)
    expect(lockIfExpired(s, T, 20 * MIN + 59_000)).toBe(s)
    expect(lockIfExpired(must(pause(s, MIN)), T, 99 * MIN).lockedStations).toEqual([])
  })

  it('keeps a station open that the facilitator unlocked after its time ran out, until its timer changes', () => {
    // Time and grace over: the station locked by itself; a table asks for two more minutes.
    const expired = lockIfExpired(stepped(1, 0), T, 21 * MIN + 1)
    const reopened = must(setStationLock(expired, T, 'station-1', false, 22 * MIN))
    // It locked again at once by itself (the lock's moment had passed): now it stays open.
    expect(autoLockAt(reopened)).toBeNull()
    expect(lockIfExpired(reopened, T, 30 * MIN).lockedStations).toEqual([])
    // Locked by hand and reopened before its time: it locks by itself as before.
    const early = must(setStationLock(must(setStationLock(stepped(1, 0), T, 'station-1', true, MIN)), T, 'station-1', false, 2 * MIN))
    expect(autoLockAt(early)).toBe(20 * MIN + 60_000)
    // Five more minutes: a new end, locking by itself after it again.
    const extended = must(extend(reopened, T, 5 * MIN, 31 * MIN))
    expect(autoLockAt(extended)).toBe(36 * MIN + 60_000)
    expect(lockIfExpired(extended, T, 37 * MIN + 1).lockedStations).toEqual(['station-1'])
  })

  it('never locks by itself without a grace period', () => {
    const s = { ...stepped(1, 0), settings: { stationMinutes: 20, graceSeconds: null } }
    expect(lockIfExpired(s, T, 999 * MIN).lockedStations).toEqual([])
  })
})

describe('which stations participants may write to', () => {
  it('allows the current and earlier stations, not later ones, and nothing before the start', () => {
    const s = stepped(2)
    expect(['station-1', 'station-2', 'station-3'].map((id) => stationWritable(s, T, id))).toEqual([true, true, false])
    expect(stationWritable(INITIAL_ROUND_STATE, T, 'station-1')).toBe(false)
  })
  it('allows nothing once a station is locked or the review has begun', () => {
    expect(stationWritable(must(setStationLock(stepped(1), T, 'station-1', true)), T, 'station-1')).toBe(false)
    expect(stationWritable(stepped(4), T, 'station-1')).toBe(false)
  })
  it('reopens a station when the facilitator goes back to it', () => {
    const locked = must(setStationLock(stepped(2), T, 'station-1', true))
    expect(must(back(locked, T, 0)).lockedStations).toEqual([])
  })
})
