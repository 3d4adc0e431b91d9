import { describe, expect, it } from 'vitest'
import { aCard } from '../../../fixtures/src/builders.js'
import type { EventActor } from '../access/actor.js'
import { applyGroupChange, groupColumn, mayGroupCards } from './group.rules.js'
import type { CardGroup } from './group.schema.js'

const ids = ['karte-0001', 'karte-0002', 'karte-0003', 'karte-0004']
const exists = (id: string) => ids.includes(id)
const G1 = 'gruppe-0001'
const G2 = 'gruppe-0002'
/** Applies changes in order, failing the test on a refusal. */
function run(...changes: Parameters<typeof applyGroupChange>[1][]): CardGroup[] {
  let groups: CardGroup[] = []
  for (const change of changes) {
    const r = applyGroupChange(groups, change, exists)
    if (!r.ok) throw new Error(r.error)
    groups = r.value
  }
  return groups
}

describe('groups of cards', () => {
  it('creates numbered groups; a card is in one group at most', () => {
    const groups = run({ type: 'create', id: G1, title: 'Sprache', cardIds: [ids[0]!, ids[1]!] }, { type: 'create', id: G2, title: 'Arbeit', cardIds: [ids[1]!, ids[2]!] })
    expect(groups.map((g) => [g.title, g.position, g.cardIds])).toEqual([
      ['Sprache', 1, [ids[0]]],
      ['Arbeit', 2, [ids[1], ids[2]]],
    ])
  })

  it('moves a card "zu Gruppe …" and out again, moves and dissolves groups', () => {
    const made = [{ type: 'create', id: G1, title: 'Sprache', cardIds: [ids[0]!] }, { type: 'create', id: G2, title: 'Arbeit', cardIds: [] }, { type: 'assign', cardId: ids[0]!, groupId: G2 }] as const
    expect(run(...made).map((g) => g.cardIds)).toEqual([[], [ids[0]]])
    const groups = run(...made, { type: 'move', groupId: G2, by: -1 })
    expect(groups.map((g) => [g.title, g.position])).toEqual([['Arbeit', 1], ['Sprache', 2]])
    expect(run(...made, { type: 'assign', cardId: ids[0]!, groupId: null }).map((g) => g.cardIds)).toEqual([[], []])
    const dissolved = applyGroupChange(groups, { type: 'dissolve', groupId: G2 }, exists)
    expect(dissolved.ok && dissolved.value.map((g) => [g.title, g.position])).toEqual([['Sprache', 1]])
    // The same dissolve sent again (its answer was lost): done, nothing else changes.
    const again = dissolved.ok ? applyGroupChange(dissolved.value, { type: 'dissolve', groupId: G2 }, exists) : null
    expect(again?.ok && again.value.map((g) => [g.title, g.position])).toEqual([['Sprache', 1]])
  })

  it.each([
    [{ type: 'assign' as const, cardId: ids[0]!, groupId: 'fehlt-000001' }, 'GROUP_UNKNOWN'],
    [{ type: 'create' as const, id: 'neu-0000001', title: 'X', cardIds: ['gibt-es-nicht'] }, 'CARD_UNKNOWN'],
    [{ type: 'create' as const, id: G1, title: 'Doppelt', cardIds: [] }, 'GROUP_EXISTS'],
    [{ type: 'rename' as const, groupId: 'fehlt-000001', title: 'X' }, 'GROUP_UNKNOWN'],
  ])('refuses %o with %s', (change, refusal) => {
    const groups = run({ type: 'create', id: G1, title: 'Sprache', cardIds: [] })
    expect(applyGroupChange(groups, change, exists)).toEqual({ ok: false, error: refusal })
  })

  it('lays a column out under its groups, numbered, with the loose cards after; cards gone from the board drop out', () => {
    const cards = ids.map((id, i) => aCard({ id, position: i + 1 }))
    const groups = run({ type: 'create', id: G1, title: 'Sprache', cardIds: [ids[2]!, ids[0]!] }, { type: 'create', id: G2, title: 'Arbeit', cardIds: [ids[3]!] })
    const laid = groupColumn(cards.slice(0, 3), groups)
    expect(laid.groups.map((g) => [g.number, g.group.title, g.cards.map((c) => c.id)])).toEqual([
      [1, 'Sprache', [ids[0], ids[2]]],
      [2, 'Arbeit', []],
    ])
    expect(laid.loose.map((c) => c.id)).toEqual([ids[1]])
  })

  it('lets the facilitator group anywhere and a host only at their own table', () => {
    const actor = (role: EventActor['role'], tableId: string | null = null): EventActor => ({ type: 'event', eventId: 'e', role, participantId: role === 'facilitator' ? null : 'p-00000001', tableId })
    expect(mayGroupCards(actor('facilitator'), 'sprache')).toBe(true)
    expect(mayGroupCards(actor('host', 'sprache'), 'sprache')).toBe(true)
    expect(mayGroupCards(actor('host', 'sprache'), 'arbeit')).toBe(false)
    expect(mayGroupCards(actor('participant', 'sprache'), 'sprache')).toBe(false)
    expect(mayGroupCards(actor('projector'), 'sprache')).toBe(false)
  })

  it('moves a group once when the move is sent again (it names the place it started from), and takes a create sent again as done', () => {
    const groups = run({ type: 'create', id: G1, title: 'Sprache', cardIds: [] }, { type: 'create', id: G2, title: 'Arbeit', cardIds: [] }, { type: 'create', id: 'gruppe-0003', title: 'Wohnen', cardIds: [] })
    const once = run(...[{ type: 'create' as const, id: G1, title: 'Sprache', cardIds: [] }, { type: 'create' as const, id: G2, title: 'Arbeit', cardIds: [] }, { type: 'create' as const, id: 'gruppe-0003', title: 'Wohnen', cardIds: [] }], { type: 'move', groupId: 'gruppe-0003', by: -1, from: 3 })
    const twice = applyGroupChange(once, { type: 'move', groupId: 'gruppe-0003', by: -1, from: 3 }, exists)
    const titles = (gs: CardGroup[]) => [...gs].sort((a, b) => a.position - b.position).map((g) => g.title)
    expect(titles(once)).toEqual(['Sprache', 'Wohnen', 'Arbeit'])
    expect(twice.ok && titles(twice.value)).toEqual(['Sprache', 'Wohnen', 'Arbeit'])
    // Without `from` a move is relative, as before.
    const relative = applyGroupChange(once, { type: 'move', groupId: 'gruppe-0003', by: -1 }, exists)
    expect(relative.ok && titles(relative.value)).toEqual(['Wohnen', 'Sprache', 'Arbeit'])
    const again = applyGroupChange(groups, { type: 'create', id: G1, title: 'Sprache', cardIds: [] }, exists)
    expect(again.ok && titles(again.value)).toEqual(['Sprache', 'Arbeit', 'Wohnen'])
  })
})
