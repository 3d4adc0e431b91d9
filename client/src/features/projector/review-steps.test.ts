import { describe, expect, it } from 'vitest'
import { type ReviewMove, reviewPositionFrom, stepReview } from './review-steps.js'

const SIZE = { tables: 11, stations: 3 }

describe('stepping through the review', () => {
  it.each<[number, number, ReviewMove, number, number]>([
    // from table, station, move → table, station (0-based; 11 tables × 3 stations)
    [0, 0, 'next-station', 0, 1],
    [0, 2, 'next-station', 1, 0],
    [10, 2, 'next-station', 10, 2],
    [1, 1, 'prev-station', 1, 0],
    [1, 0, 'prev-station', 0, 2],
    [0, 0, 'prev-station', 0, 0],
    [2, 1, 'next-table', 3, 0],
    [10, 1, 'next-table', 10, 1],
    [2, 2, 'prev-table', 1, 0],
    [0, 1, 'prev-table', 0, 1],
  ])('from Tisch %i, Station %i, %s goes to Tisch %i, Station %i', (table, station, move, toTable, toStation) => {
    expect(stepReview({ table, station }, move, SIZE)).toEqual({ table: toTable, station: toStation })
  })

  it('visits every station of every table once when walking forward with →', () => {
    let pos = { table: 0, station: 0 }
    const seen = [`${pos.table}.${pos.station}`]
    for (let i = 0; i < 40; i++) {
      pos = stepReview(pos, 'next-station', SIZE)
      seen.push(`${pos.table}.${pos.station}`)
    }
    expect(new Set(seen).size).toBe(33)
  })
})

describe('the review position in the address', () => {
  const ids = ['a', 'b', 'c']
  it('reads the table id and the 1-based station', () => {
    expect(reviewPositionFrom({ table: 'c', station: '2' }, ids, 3)).toEqual({ table: 2, station: 1 })
  })
  it('starts at the first table and station when the values are missing or unknown', () => {
    expect(reviewPositionFrom({ table: null, station: null }, ids, 3)).toEqual({ table: 0, station: 0 })
    expect(reviewPositionFrom({ table: 'x', station: 'neun' }, ids, 3)).toEqual({ table: 0, station: 0 })
    expect(reviewPositionFrom({ table: 'b', station: '9' }, ids, 3)).toEqual({ table: 1, station: 2 })
  })
})
