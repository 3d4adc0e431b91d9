import { describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE, type StoredEvent } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import type { PresenceEntry } from './presence.js'
import { RotationPlans } from './rotation-plans.js'

// Four tables (tisch-1..4), the Winnenden stations; Station 2 running.
const event = anEvent({ tableCount: 4 })
const atStation = (stationIndex: number, maxPerTable: number | null = null): StoredEvent =>
  ({ event: { ...event, maxPerTable }, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex }, joinCode: 'ABCDEF' }) as unknown as StoredEvent

/** Twelve phones, three per table at Station 1. */
const phones = (): PresenceEntry[] =>
  Array.from({ length: 12 }, (_, i) => {
    const table = `tisch-${(i % 4) + 1}`
    return { socketId: `s${i}`, group: 'seated', person: `p${i}`, host: false, tableId: table, visits: { 'station-1': table } }
  })

describe('rotation plans on the server', () => {
  it('suggests every phone that has to move a table other than its own, three per table', () => {
    const out = new RotationPlans().suggest(atStation(1), phones())
    expect(out.size).toBe(12)
    for (const p of phones()) expect(out.get(p.socketId)?.tableId).not.toBe(p.tableId)
    const sizes = [1, 2, 3, 4].map((n) => [...out.values()].filter((s) => s.tableId === `tisch-${n}`).length)
    expect(sizes).toEqual([3, 3, 3, 3])
  })

  it('keeps a suggestion across a reconnect (a new socket of the same person)', () => {
    const plans = new RotationPlans()
    const first = plans.suggest(atStation(1), phones()).get('s0')
    const again = phones().map((p) => (p.person === 'p0' ? { ...p, socketId: 'reconnected' } : p))
    expect(plans.suggest(atStation(1), again).get('reconnected')).toEqual(first)
  })

  it('stops suggesting to a phone once it chose, and places latecomers around the others', () => {
    const plans = new RotationPlans()
    const before = plans.suggest(atStation(1), phones())
    const chosen = phones().map((p) => (p.person === 'p0' ? { ...p, tableId: 'tisch-2', visits: { ...p.visits, 'station-2': 'tisch-2' } } : p))
    const late: PresenceEntry = { socketId: 'late', group: 'seated', person: 'late', host: false, tableId: 'tisch-1', visits: { 'station-1': 'tisch-1' } }
    const after = plans.suggest(atStation(1), [...chosen, late])
    expect(after.has('s0')).toBe(false)
    for (const p of phones().slice(1)) expect(after.get(p.socketId)).toEqual(before.get(p.socketId))
    expect(after.get('late')?.tableId).not.toBe('tisch-1')
  })

  it('leaves hosts and phones without earlier visits alone, and says nothing at Station 1 or in the review', () => {
    const host: PresenceEntry = { socketId: 'h', group: 'seated', person: 'h', host: true, tableId: 'tisch-1', visits: { 'station-1': 'tisch-1' } }
    const newcomer: PresenceEntry = { socketId: 'n', group: 'seated', person: 'n', host: false, tableId: 'tisch-3', visits: {} }
    const out = new RotationPlans().suggest(atStation(1), [...phones(), host, newcomer])
    expect(out.has('h')).toBe(false)
    expect(out.has('n')).toBe(false)
    expect(new RotationPlans().suggest(atStation(0), phones()).size).toBe(0)
  })

  it('respects the per-table maximum while there is room', () => {
    const out = new RotationPlans().suggest(atStation(1, 3), phones())
    for (let n = 1; n <= 4; n++) expect([...out.values()].filter((s) => s.tableId === `tisch-${n}`).length).toBeLessThanOrEqual(3)
  })
})
