import { describe, expect, it } from 'vitest'
import { programmeSchema } from '@tischrunde/shared'
import { countsRows } from './programme-handout.js'

const workshop = (n: number, capacity: number | null, closed = false) => ({ id: `ws-${n}`, number: n, title: `Workshop ${n}`, room: String(n), capacity, ...(closed ? { closed } : {}) })
const programme = programmeSchema.parse({
  date: '2018-06-19',
  items: [{ id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [workshop(1, 10), workshop(2, 3), workshop(3, 3), workshop(4, 10, true), workshop(5, null)] }],
})

describe('the sign-up state (Anmeldestand, CSV)', () => {
  it('marks full, overbooked and closed workshops as the console does, not "offen"', () => {
    const rows = countsRows(programme, { 'ws-1': 4, 'ws-2': 3, 'ws-3': 5, 'ws-4': 2, 'ws-5': 40 })
    expect(rows.slice(1).map((r) => [r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['Workshop 1', '1', '10', '4', 'offen'],
      ['Workshop 2', '2', '3', '3', 'ausgebucht'],
      ['Workshop 3', '3', '3', '5', 'überbucht (2 zu viel)'],
      ['Workshop 4', '4', '10', '2', 'geschlossen'],
      ['Workshop 5', '5', 'unbegrenzt', '40', 'offen'],
    ])
  })
})
