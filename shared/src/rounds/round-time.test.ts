import { describe, expect, it } from 'vitest'
import { WINNENDEN_TEMPLATE as T } from '../template/winnenden-template.js'
import { INITIAL_ROUND_STATE, type RoundState } from './round.schema.js'
import { advance, back, changeoverLeftMs, extend, inChangeover, pause, remainingMs, resume, setRemaining, startStationNow } from './round-machine.js'

const MIN = 60_000
const must = (r: { ok: true; value: RoundState } | { ok: false; error: string }): RoundState => {
  if (!r.ok) throw new Error(r.error)
  return r.value
}
/** Station 1 opened at t=0 (20 minutes, 2 minutes changeover). */
const station1 = must(advance(INITIAL_ROUND_STATE, T, 0))

describe('going back one step', () => {
  it.each([
    // minutes spent at station 2 before "next" by mistake, minutes at station 3 before "back", minutes left at station 2 after back
    [5, 1, 15],
    [12, 0.5, 8],
    [19, 3, 1],
    [25, 2, 0],
  ])('after %d minutes at Station 2 and %d at Station 3, back restores Station 2 with %d minutes left', (atTwo, atThree, left) => {
    const two = must(advance(station1, T, 10 * MIN)) // changeover 10–12, station 2 runs 12–32
    const leftAt = 12 * MIN + atTwo * MIN
    const three = must(advance(two, T, leftAt))
    const backAt = leftAt + atThree * MIN
    const restored = must(back(three, T, backAt))
    expect(restored.phase).toBe('station')
    expect(restored.stationIndex).toBe(1)
    expect(remainingMs(restored, backAt)).toBe(left * MIN)
    expect(inChangeover(restored, backAt)).toBe(false)
    // …and the restored time runs down from there.
    expect(remainingMs(restored, backAt + MIN)).toBe(Math.max(0, left - 1) * MIN)
  })

  it('keeps the time of a station that was paused when the day moved on', () => {
    const paused = must(pause(station1, 7 * MIN))
    const two = must(advance(paused, T, 30 * MIN))
    const restored = must(back(two, T, 31 * MIN))
    expect(remainingMs(restored, 31 * MIN)).toBe(13 * MIN)
  })

  it('gives a full timer to a station that never had one (back from the review goes to the last station with its time)', () => {
    let s = station1
    s = must(advance(s, T, 0))
    s = must(advance(s, T, 0))
    const review = must(advance(s, T, 5 * MIN)) // station 3 had 20 + 2 changeover, left at 5 → 17 min left
    const restored = must(back(review, T, 6 * MIN))
    expect(restored.stationIndex).toBe(2)
    expect(remainingMs(restored, 6 * MIN)).toBe(17 * MIN)
  })
})

describe('the changeover between stations', () => {
  it('opens Station 1 at once, without a changeover', () => {
    expect(inChangeover(station1, 0)).toBe(false)
    expect(remainingMs(station1, MIN)).toBe(19 * MIN)
  })

  it.each([
    // minutes after "next", changeover left (min), station time left (min)
    [0, 2, 20],
    [1, 1, 20],
    [2, 0, 20],
    [3, 0, 19],
  ])('%d minutes after "next" the changeover has %d minutes and the station %d minutes left', (after, changeover, station) => {
    const two = must(advance(station1, T, 10 * MIN))
    const now = 10 * MIN + after * MIN
    expect(changeoverLeftMs(two, now)).toBe(changeover * MIN)
    expect(remainingMs(two, now)).toBe(station * MIN)
  })

  it('starts the station early when the facilitator says so, with its full time', () => {
    const two = must(advance(station1, T, 10 * MIN))
    const started = must(startStationNow(two, 10.5 * MIN))
    expect(inChangeover(started, 10.5 * MIN)).toBe(false)
    expect(remainingMs(started, 11.5 * MIN)).toBe(19 * MIN)
    expect(startStationNow(started, 11 * MIN)).toEqual({ ok: false, error: 'NOT_IN_CHANGEOVER' })
  })

  it('has no changeover when it is set to 0 seconds', () => {
    const s = { ...station1, settings: { ...station1.settings, changeoverSeconds: 0 } }
    const two = must(advance(s, T, 10 * MIN))
    expect(inChangeover(two, 10 * MIN)).toBe(false)
    expect(remainingMs(two, 11 * MIN)).toBe(19 * MIN)
  })

  it('keeps the station whole when paused during the changeover, and resumes without one', () => {
    const two = must(advance(station1, T, 10 * MIN))
    const resumed = must(resume(must(pause(two, 11 * MIN)), 15 * MIN))
    expect(inChangeover(resumed, 15 * MIN)).toBe(false)
    expect(remainingMs(resumed, 16 * MIN)).toBe(19 * MIN)
  })
})

describe('setting the time', () => {
  it.each([
    // change (min), minutes left before, minutes left after
    [5, 15, 20],
    [-5, 15, 10],
    [-5, 3, 0],
  ])('%d minutes with %d left leaves %d', (change, before, after) => {
    const now = (20 - before) * MIN
    expect(remainingMs(must(extend(station1, T, change * MIN, now)), now)).toBe(after * MIN)
  })

  it.each([
    [15, 7],
    [3, 30],
    [19, 0],
  ])('at minute %d, "auf %d Minuten setzen" leaves exactly that', (at, minutes) => {
    const s = must(setRemaining(station1, T, minutes * MIN, at * MIN))
    expect(remainingMs(s, at * MIN)).toBe(minutes * MIN)
  })

  it('sets a paused timer without starting it', () => {
    const s = must(setRemaining(must(pause(station1, 5 * MIN)), T, 8 * MIN, 6 * MIN))
    expect(s.paused).toBe(true)
    expect(remainingMs(s, 60 * MIN)).toBe(8 * MIN)
  })

  it('refuses to set the time when no station runs', () => {
    expect(setRemaining(INITIAL_ROUND_STATE, T, MIN, 0)).toEqual({ ok: false, error: 'NO_TIMER' })
  })
})
