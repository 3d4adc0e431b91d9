import { describe, expect, it } from 'vitest'
import { WINNENDEN_TEMPLATE } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { mergeSetup, moved, newColumn, newStation, newTable, sameSetup, setupOf, sortAgenda } from './setup-draft.js'

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

  describe('a draft meeting a setup saved elsewhere', () => {
    const base = setupOf(anEvent({ tables: [{ id: 'sprache', name: 'Sprache', host: '' }, { id: 'arbeit', name: 'Arbeit', host: '' }] }))
    const withHost = (host: string, at = 0) => ({ ...base, tables: base.tables.map((t, i) => (i === at ? { ...t, host } : t)) })
    const reworded = (prompt: string) => ({ ...base, template: { ...base.template, stations: base.template.stations.map((s, i) => (i === 1 ? { ...s, prompt } : s)) } })

    it('keeps its own host name and takes the question a colleague reworded (no conflict)', () => {
      const { merged, conflict } = mergeSetup(base, withHost('Frau Weber'), reworded('Was wollen wir erreichen?'))
      expect(conflict).toBe(false)
      expect(merged.tables[0]!.host).toBe('Frau Weber')
      expect(merged.template.stations[1]!.prompt).toBe('Was wollen wir erreichen?')
    })

    it('merges two tables changed on each side, and says so when both changed the same one', () => {
      const theirs = withHost('Herr Kaya', 1)
      expect(mergeSetup(base, withHost('Frau Weber'), theirs)).toMatchObject({ conflict: false, merged: { tables: [{ host: 'Frau Weber' }, { host: 'Herr Kaya' }] } })
      const both = mergeSetup(base, withHost('Frau Weber'), withHost('Herr Kaya'))
      expect(both.conflict).toBe(true)
      expect(both.merged.tables[0]!.host).toBe('Frau Weber')
    })

    it('says so when both changed one part, keeping its own version', () => {
      const mine = { ...reworded('Meine Frage'), title: 'Neuer Titel' }
      const { merged, conflict } = mergeSetup(base, mine, { ...reworded('Ihre Frage'), place: 'Rathaus' })
      expect(conflict).toBe(true)
      expect(merged).toMatchObject({ title: 'Neuer Titel', place: 'Rathaus' })
      expect(merged.template.stations[1]!.prompt).toBe('Meine Frage')
    })
  })
})
