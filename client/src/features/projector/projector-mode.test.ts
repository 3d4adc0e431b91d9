import { INITIAL_ROUND_STATE, type Phase } from '@tischrunde/shared'
import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { pickTable, resolveMode, shownStationIndex } from './projector-mode.js'

describe('which view the projector shows', () => {
  it.each<[string | null, string | null, Phase, string]>([
    // mode, table, phase, expected
    [null, null, 'before-start', 'join'],
    [null, 'tisch-2', 'before-start', 'table'],
    [null, null, 'station', 'wall'],
    [null, 'tisch-2', 'station', 'table'],
    [null, null, 'review', 'review'],
    [null, 'tisch-2', 'review', 'review'],
    [null, null, 'closed', 'review'],
    ['wall', null, 'before-start', 'wall'],
    ['join', 'tisch-2', 'station', 'join'],
    ['table', 'tisch-2', 'review', 'table'],
    ['review', null, 'station', 'review'],
    ['beamer', null, 'station', 'wall'],
  ])('?mode=%s&table=%s in phase %s shows %s', (mode, table, phase, expected) => {
    expect(resolveMode({ mode, table }, phase)).toBe(expected)
  })
})

describe('the table of the table view', () => {
  const event = anEvent({ tableCount: 3 })
  it('is the table asked for, else the first table', () => {
    expect(pickTable(event.tables, 'tisch-3')?.name).toBe('Tisch 3')
    expect(pickTable(event.tables, null)?.name).toBe('Tisch 1')
    expect(pickTable(event.tables, 'gibt-es-nicht')?.name).toBe('Tisch 1')
    expect(pickTable([], null)).toBeUndefined()
  })
})

describe('the station a board shows', () => {
  it('is Station 1 before the start, the current one while running, the last reached one in review', () => {
    expect(shownStationIndex(INITIAL_ROUND_STATE)).toBe(0)
    expect(shownStationIndex({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 })).toBe(1)
    expect(shownStationIndex({ ...INITIAL_ROUND_STATE, phase: 'review', stationIndex: 2 })).toBe(2)
  })
})
