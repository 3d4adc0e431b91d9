import { describe, expect, it } from 'vitest'
import { aCard } from '../../../../fixtures/src/builders.js'
import { wallLayout, wallSummary } from './wall-cards.js'

describe('a wall tile', () => {
  it('counts the cards of the station and lists its newest first', () => {
    const cards = [
      aCard({ id: 'card-0001', text: 'alt', createdAt: 1 }),
      aCard({ id: 'card-0002', text: 'neuer', createdAt: 3 }),
      aCard({ id: 'card-0003', text: 'andere Station', stationId: 'station-2', createdAt: 9 }),
      aCard({ id: 'card-0004', text: 'mittel', createdAt: 2 }),
      aCard({ id: 'card-0005', text: 'am neuesten', createdAt: 4 }),
    ]
    const summary = wallSummary(cards, 'station-1', 3)
    expect(summary.count).toBe(4)
    expect(summary.newest.map((c) => c.text)).toEqual(['am neuesten', 'neuer', 'mittel'])
  })

  it('shows more newest cards where the tiles have room: six for one or two tables, three in two rows, two beyond', () => {
    expect(wallLayout(2)).toEqual({ columns: 2, newest: 6 })
    expect(wallLayout(4)).toEqual({ columns: 2, newest: 3 })
    expect(wallLayout(6)).toEqual({ columns: 3, newest: 3 })
    expect(wallLayout(11)).toEqual({ columns: 4, newest: 2 })
  })
})
