import { describe, expect, it } from 'vitest'
import { newCardsOfOthers, stationBegan, stationNaming, timerMarkCrossed } from './announce.js'

describe('screen-reader announcements', () => {
  it.each([
    // seconds left before, after, mark announced
    [301, 300, 300],
    [121, 119, 120],
    [61, 60, 60],
    [1, 0, 0],
    [200, 130, null],
    [59, 30, null],
    // several marks at once (the page was asleep): only the last one
    [400, 50, 60],
    // time added (+5 min) or unknown: nothing
    [100, 400, null],
    [null, 100, null],
  ])('from %s to %s seconds left announces %s', (before, after, mark) => {
    expect(timerMarkCrossed(before, after)).toBe(mark)
  })

  it('announces a station when it begins, not while it runs', () => {
    expect(stationBegan({ phase: 'before-start', stationIndex: 0 }, { phase: 'station', stationIndex: 0 })).toBe(0)
    expect(stationBegan({ phase: 'station', stationIndex: 0 }, { phase: 'station', stationIndex: 1 })).toBe(1)
    expect(stationBegan({ phase: 'station', stationIndex: 1 }, { phase: 'station', stationIndex: 1 })).toBeNull()
    expect(stationBegan({ phase: 'station', stationIndex: 2 }, { phase: 'review', stationIndex: 2 })).toBeNull()
  })

  it('announces the cards of others that are new, never one’s own', () => {
    const cards = [
      { id: 'a', authorId: 'anna' },
      { id: 'b', authorId: 'bernd' },
      { id: 'c', authorId: 'cem' },
    ]
    expect(newCardsOfOthers(new Set(['a']), cards, 'bernd').map((c) => c.id)).toEqual(['c'])
  })

  it('names a station once: never "Station 1 beginnt: Station 1"', () => {
    expect(stationNaming(1, { title: 'Station 1', prompt: '' })).toBeNull()
    expect(stationNaming(2, { title: ' station 2 ', prompt: 'Station 2' })).toBeNull()
    expect(stationNaming(1, { title: 'Station 1', prompt: 'Was braucht Ihr Quartier?' })).toBe('Was braucht Ihr Quartier?')
    expect(stationNaming(1, { title: 'Bestandsaufnahme', prompt: 'Was läuft gut?' })).toBe('Bestandsaufnahme')
    // a title that merely contains the number is a name of its own
    expect(stationNaming(1, { title: 'Station 1: Wohnen', prompt: '' })).toBe('Station 1: Wohnen')
  })
})
