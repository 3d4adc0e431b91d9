import { describe, expect, it } from 'vitest'
import { type ActorRecord, actorIdOf, actorKey, blankActor } from '@tischrunde/shared'
import { mergeSelected, newActor } from './actor-edits.js'

const actor = (id: string, name: string, extra: Partial<ActorRecord> = {}): ActorRecord => ({
  ...blankActor(id, name, 'offen'),
  keys: [actorKey(name)],
  mentions: [{ tableId: `t-${id}`, cardId: 'card0001', text: name, key: actorKey(name), measures: [] }],
  ...extra,
})

describe('merging on the console', () => {
  it('merges every selected actor into the one selected first, keeping its name and all mentions and ticks', () => {
    const actors = new Map([
      ['vereine', actor('vereine', 'Vereine')],
      ['sportmittler', actor('sportmittler', 'Sportmittler_innen', { coreGroup: true })],
      ['sportvereine', actor('sportvereine', 'Sportvereine', { notes: 'Trainer fragen' })],
    ])
    const change = mergeSelected(actors, ['vereine', 'sportmittler', 'sportvereine'], new Map())!
    expect(change.remove).toEqual(['sportmittler', 'sportvereine'])
    expect(change.put).toHaveLength(1)
    expect(change.put[0]).toMatchObject({ id: 'vereine', name: 'Vereine', coreGroup: true, notes: 'Trainer fragen' })
    expect(change.put[0]!.mentions.map((m) => m.tableId)).toEqual(['t-vereine', 't-sportmittler', 't-sportvereine'])
    expect(change.rules.map((r) => [r.key, r.actorId])).toEqual([
      ['sportmittler', 'vereine'],
      ['sportvereine', 'vereine'],
    ])
  })

  it('does nothing with fewer than two actors', () => {
    expect(mergeSelected(new Map([['a', actor('a', 'A')]]), ['a'], new Map())).toBeNull()
  })

  it('adds an actor by hand under a free id', () => {
    expect(newActor('  ', 'bildung', new Set())).toBeNull()
    expect(newActor('Schulen', 'bildung', new Set([actorIdOf('schulen')]))).toMatchObject({ id: `${actorIdOf('schulen')}-2`, name: 'Schulen', area: 'bildung', hand: { created: true } })
  })
})
