import { describe, expect, it } from 'vitest'
import { type TimerSample, reachedEnd } from './end-signal.js'

const at = (station: number | null, left: number | null, paused = false): TimerSample => ({ station, left, paused })

describe('when the end signal fires', () => {
  it('fires when the timer goes from above zero to zero at the same station', () => {
    expect(reachedEnd(at(1, 1), at(1, 0))).toBe(true)
  })
  it.each([
    ['a screen opened after the end', null, at(1, 0)],
    ['the tick after it already fired', at(1, 0), at(1, 0)],
    ['a paused timer', at(1, 1), at(1, 0, true)],
    ['a station change', at(0, 5), at(1, 0)],
    ['the review', at(2, 3), at(null, null)],
  ])('stays silent for %s', (_name, prev, next) => {
    expect(reachedEnd(prev, next)).toBe(false)
  })
})
