import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import type { EventActor } from '../../access/actor.js'
import { docAccess } from '../../access/policy.js'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import { INITIAL_ROUND_STATE, type RoundState } from '../../rounds/round.schema.js'
import type { EventSituation, RecordChange } from '../doc-kind.js'
import { resolveDocName } from '../registry.js'
import { treeMethodSchema } from './tree-method.schema.js'
import { currentTreePhase } from './tree-day.js'
import { treeKind, treeOpen } from './tree-kind.js'
import { groupCounts, joinGroup } from './tree-members.js'
import { node } from './tree-test-nodes.js'

const method = treeMethodSchema.parse({ phaseStations: { problem: 'station-1', objective: 'station-2' } })
const event = anEvent({ id: 'bremen', tableCount: 0, treeMethod: method })
const groups = new Map([['anna-0001', 'kleiner-landkreis']])
const at = (round: Partial<RoundState>): EventSituation => ({ event, round: { ...INITIAL_ROUND_STATE, ...round }, treeGroupOf: (p) => groups.get(p) ?? null })
const phone = (participantId: string): EventActor => ({ type: 'event', eventId: 'bremen', role: 'participant', participantId, tableId: null })
const tree = (name: string) => ({ kind: treeKind, scope: resolveDocName(name)!.scope })

describe('a participant opens only the trees of the group the server placed them in', () => {
  const situation = at({ phase: 'station', stationIndex: 0 })
  it.each([
    ['tree.bremen.kleiner-landkreis.problem', 'anna-0001', 'write'],
    ['tree.bremen.kleiner-landkreis.objective', 'anna-0001', 'write'],
    ['tree.bremen.grosser-landkreis.problem', 'anna-0001', 'none'],
    ['tree.bremen.kleiner-landkreis.problem', 'bernd-001', 'none'],
  ])('%s for %s: %s', (name, participantId, access) => {
    expect(docAccess(phone(participantId), { ...tree(name), situation })).toBe(access)
  })

  it('opens nothing to a participant when the server knows no groups', () => {
    expect(docAccess(phone('anna-0001'), { ...tree('tree.bremen.kleiner-landkreis.problem'), situation: { event, round: INITIAL_ROUND_STATE } })).toBe('none')
  })

  it('still opens every group to the projector (read) and the facilitator (write)', () => {
    const as = (role: 'projector' | 'facilitator'): EventActor => ({ type: 'event', eventId: 'bremen', role, participantId: null, tableId: null })
    expect(docAccess(as('projector'), { ...tree('tree.bremen.grosser-landkreis.problem'), situation })).toBe('read')
    expect(docAccess(as('facilitator'), { ...tree('tree.bremen.grosser-landkreis.problem'), situation })).toBe('write')
  })
})

describe('placing a participant in a group', () => {
  const split = treeMethodSchema.parse({ values: ['großer Landkreis', 'constructor'], maxGroupSize: 2 })
  it('keeps the group of someone who picks their value again, even when it is full', () => {
    const counts = groupCounts([{ groupId: 'grosser-landkreis-a', value: 'großer Landkreis', at: 1 }, { groupId: 'grosser-landkreis-a', value: 'großer Landkreis', at: 2 }])
    expect(joinGroup(split, 'großer Landkreis', { groupId: 'grosser-landkreis-a', value: 'großer Landkreis', at: 1 }, counts)).toEqual({ ok: true, groupId: 'grosser-landkreis-a' })
    expect(joinGroup(split, 'großer Landkreis', undefined, counts)).toEqual({ ok: true, groupId: 'grosser-landkreis-b' })
  })
  it('refuses a value the method lacks, and counts a group called constructor like any other', () => {
    expect(joinGroup(split, 'Atlantis', undefined, new Map())).toEqual({ ok: false, error: 'UNKNOWN_VALUE' })
    expect(joinGroup(split, 'constructor', undefined, new Map())).toEqual({ ok: true, groupId: 'constructor-a' })
    expect(joinGroup(split, 'constructor', undefined, new Map([['constructor-a', 2]]))).toEqual({ ok: true, groupId: 'constructor-b' })
  })
})

describe('morning and afternoon driven like café stations', () => {
  const add = (id: string): RecordChange => ({ root: 'nodes', key: node(id, 'core', null).id, before: undefined, after: node(id, 'core', null) })
  const check = (situation: EventSituation, phase: 'problem' | 'objective') => {
    const change = phase === 'problem' ? add('c1') : { ...add('g1'), after: node('g1', 'goal', null) }
    const after = change.after as { id: string }
    return treeKind.checkChanges([change], {
      actor: phone('anna-0001'),
      scope: resolveDocName(`tree.bremen.kleiner-landkreis.${phase}`)!.scope,
      situation,
      doc: { get: (_r, k) => (k === after.id ? change.after : undefined), forEach: (_r, fn) => fn(change.after, after.id) },
      now: 1,
    })
  }
  it.each([
    ['before the start', { phase: 'before-start' as const }, false, false, 'problem'],
    ['at the problem station', { phase: 'station' as const, stationIndex: 0 }, true, false, 'problem'],
    ['at the problem station, locked', { phase: 'station' as const, stationIndex: 0, lockedStations: ['station-1'] }, false, false, 'problem'],
    ['at the solution station', { phase: 'station' as const, stationIndex: 1 }, true, true, 'objective'],
    ['at the solution station, morning locked', { phase: 'station' as const, stationIndex: 1, lockedStations: ['station-1'] }, false, true, 'objective'],
    ['in the review', { phase: 'review' as const, stationIndex: 2 }, false, false, 'objective'],
  ])('%s: problem tree open %s, objective tree open %s', (_name, round, problem, objective, current) => {
    const situation = at(round)
    expect(treeOpen(situation, 'problem')).toBe(problem)
    expect(treeOpen(situation, 'objective')).toBe(objective)
    expect(currentTreePhase(situation)).toBe(current)
    expect(check(situation, 'problem')).toBe(problem ? null : WriteRefusal.STATION_CLOSED)
    expect(check(situation, 'objective')).toBe(objective ? null : WriteRefusal.STATION_CLOSED)
  })
  it('keeps both trees open until the day closes when no stations drive them', () => {
    const free: EventSituation = { event: anEvent({ id: 'bremen', tableCount: 0, treeMethod: treeMethodSchema.parse({}) }), round: INITIAL_ROUND_STATE }
    expect(treeOpen(free, 'objective')).toBe(true)
    expect(treeOpen({ ...free, round: { ...INITIAL_ROUND_STATE, phase: 'closed' } }, 'problem')).toBe(false)
    expect(currentTreePhase(free)).toBeNull()
  })
})
