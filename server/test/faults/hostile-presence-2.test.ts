import { describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE, type StoredEvent } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import type { PresenceEntry } from '../../src/presence/presence.js'
import { RotationPlans } from '../../src/presence/rotation-plans.js'
import { report } from './fault-kit.js'

/**
 * Station ids are chosen by people (a station called "Constructor" is the id `constructor`): the
 * rotation suggestions read each phone's reported visits by station id, and a station that meets
 * Object.prototype must read as "not reported", never as a table.
 */
describe('fault suite: hostile station ids in the rotation suggestions', () => {
  const base = anEvent({ tableCount: 4 })
  // Station 2 is called "Constructor" and is running.
  const event = { ...base, template: { ...base.template, stations: base.template.stations.map((s, i) => (i === 1 ? { ...s, id: 'constructor', title: 'Constructor' } : s)) } }
  const stored = { event, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 }, joinCode: 'ABCDEF' } as unknown as StoredEvent

  it('counts newcomers where they sit when the running station is called "constructor"', () => {
    // Twelve phones that sat at Station 1, three per table; three newcomers already sit at tisch-1.
    const movers: PresenceEntry[] = Array.from({ length: 12 }, (_, i) => {
      const table = `tisch-${(i % 4) + 1}`
      return { socketId: `s${i}`, group: 'seated', person: `p${i}`, host: false, tableId: table, visits: { 'station-1': table } }
    })
    const newcomers: PresenceEntry[] = Array.from({ length: 3 }, (_, i) => ({ socketId: `n${i}`, group: 'seated', person: `n${i}`, host: false, tableId: 'tisch-1', visits: {} }))
    const out = new RotationPlans().suggest(stored, [...movers, ...newcomers])
    const toFirst = [...out.values()].filter((s) => s.tableId === 'tisch-1').length
    report('rotation with a station called constructor', `${out.size} suggestions, ${toFirst} to the table the newcomers sit at`)
    expect(out.size).toBe(12)
    // Fifteen people at four tables: tisch-1 already holds three, so it takes one more at most.
    expect(toFirst).toBeLessThanOrEqual(1)
  })
})
