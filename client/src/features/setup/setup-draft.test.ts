import { describe, expect, it } from 'vitest'
import { WINNENDEN_TEMPLATE } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { moved, newColumn, newStation, newTable, sameSetup, setupOf, sortAgenda } from './setup-draft.js'

describe('setup draft helpers', () => {
  it('sorts the Tagesprogramm by time and keeps rows with the same time in order', () => {
    const rows = [
      { time: '13:30', title: 'C', detail: '' },
      { time: '09:00', title: 'A', detail: '' },
      { time: '13:30', title: 'D', detail: '' },
      { time: '10:45', title: 'B', detail: '' },
    ]
    expect(sortAgenda(rows).map((r) => r.title)).toEqual(['A', 'B', 'C', 'D'])
  })

  it.each([
    // name, taken ids, expected id
    ['Arbeitsmarktintegration', [], 'arbeitsmarktintegration'],
    ['Schule & Übergänge', [], 'schule-uebergaenge'],
    ['Tisch 1', ['tisch-1'], 'tisch-1-2'],
    ['Tisch 1', ['tisch-1', 'tisch-1-2'], 'tisch-1-3'],
  ])('makes the id of a new table „%s“ (taken %j) %s', (name, taken, id) => {
    expect(newTable(`  ${name} `, taken)).toEqual({ id, name, host: '' })
  })

  it('gives new stations and columns ids not used yet', () => {
    const station = newStation(WINNENDEN_TEMPLATE.stations, 'Station 4')
    expect(station).toEqual({ id: 'station-4', title: 'Station 4', prompt: '', columns: [{ id: 'spalte-1', title: '' }] })
    expect(newColumn({ ...station, columns: [{ id: 'spalte-2', title: 'x' }] }).id).toBe('spalte-2-2')
  })

  it('moves an item and clamps at the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moved(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a'])
  })

  it('compares setups by value, whatever the key order', () => {
    const a = setupOf(anEvent())
    const b = { template: a.template, tables: a.tables.map((x) => ({ host: x.host, name: x.name, id: x.id })), agenda: [], place: a.place, date: a.date, title: a.title, maxPerTable: null, address: 'du' as const }
    expect(sameSetup(a, b)).toBe(true)
    expect(sameSetup(a, { ...b, place: 'Stadthalle' })).toBe(false)
  })
})
