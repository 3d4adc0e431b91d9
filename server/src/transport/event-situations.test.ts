import { describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE, type StoredEvent, type WorkshopSituation } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { eventSituations } from './event-situations.js'

const storedOf = (round = INITIAL_ROUND_STATE): StoredEvent =>
  ({ event: anEvent(), setupVersion: 1, joinCode: 'ABCDEF', createdAt: 0, accessEpoch: 0, generations: { projector: 0, hosts: {} }, accessVersion: 1, round }) as StoredEvent

function world() {
  const state = { stored: storedOf() as StoredEvent | undefined, groups: (_p: string) => null as string | null, workshops: undefined as WorkshopSituation | undefined }
  const situations = eventSituations({
    events: { current: () => state.stored },
    treeMembers: { situationOf: () => state.groups },
    programme: { situationOf: () => state.workshops },
  })
  return { state, situations }
}

describe('the situation the board messages are judged by', () => {
  it('is the same object for every message while the event is unchanged', () => {
    const { situations } = world()
    const first = situations.of('cafe-test')
    expect(first).not.toBeNull()
    expect(situations.of('cafe-test')).toBe(first)
  })

  it('follows a new round, new groups and a new programme at once', () => {
    const { state, situations } = world()
    const before = situations.of('cafe-test')!
    state.stored = storedOf({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 })
    const nextRound = situations.of('cafe-test')!
    expect(nextRound).not.toBe(before)
    expect(nextRound.round.stationIndex).toBe(1)
    state.groups = () => 'gruppe-1'
    expect(situations.of('cafe-test')!.treeGroupOf?.('p')).toBe('gruppe-1')
    state.workshops = { exists: () => true, booked: () => true }
    expect(situations.of('cafe-test')!.workshops).toBe(state.workshops)
  })

  it('is null for an event this process does not know, and starts over after it is forgotten', () => {
    const { state, situations } = world()
    const known = situations.of('cafe-test')
    state.stored = undefined
    expect(situations.of('cafe-test')).toBeNull()
    state.stored = storedOf()
    situations.forget('cafe-test')
    expect(situations.of('cafe-test')).not.toBe(known)
  })
})
