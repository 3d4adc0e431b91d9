import { describe, expect, it } from 'vitest'
import { suggestNextTable, visitedTables } from './visits.js'

const tables = ['t1', 't2', 't3', 't4']

describe('the next table to suggest', () => {
  it.each([
    ['t1', [], 't2'],
    ['t4', [], 't1'],
    ['t1', ['t2'], 't3'],
    ['t2', ['t3', 't4', 't1'], 't2'],
    [null, [], 't1'],
  ] as const)('from %s having visited %j it suggests %s', (current, visited, expected) => {
    expect(suggestNextTable(tables, current, new Set(visited))).toBe(expected)
  })
})

describe('visited tables', () => {
  it('counts the tables of other stations, not of the current one', () => {
    expect([...visitedTables({ 'station-1': 't1', 'station-2': 't3' }, 'station-2')]).toEqual(['t1'])
  })
})
