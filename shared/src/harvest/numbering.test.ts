import { describe, expect, it } from 'vitest'
import { aCard } from '../../../fixtures/src/builders.js'
import { columnNumbers, numberItems, positionBefore, positionBetween, positionsByVotes } from './numbering.js'

describe('numbering and order', () => {
  it('numbers items from 1 with a printed label', () => {
    expect(numberItems(['a', 'b']).map((n) => [n.number, n.label, n.item])).toEqual([[1, '1.', 'a'], [2, '2.', 'b']])
  })

  it('numbers a column in board order, whatever order the cards come in', () => {
    const cards = [aCard({ id: 'karte-0003', position: 3 }), aCard({ id: 'karte-0001', position: 1 }), aCard({ id: 'karte-0002', position: 2.5 })]
    expect([...columnNumbers(cards)]).toEqual([['karte-0001', 1], ['karte-0002', 2], ['karte-0003', 3]])
  })

  it('orders a column by votes, most first, equal votes keeping board order, touching only moved cards', () => {
    const cards = ['k-a', 'k-b', 'k-c', 'k-d'].map((id, i) => aCard({ id: `${id}-000000`, position: i + 1 }))
    const votes: Record<string, number> = { 'k-a-000000': 1, 'k-b-000000': 3, 'k-c-000000': 1, 'k-d-000000': 0 }
    const moved = positionsByVotes(cards, (c) => votes[c.id] ?? 0)
    expect([...moved]).toEqual([['k-b-000000', 1], ['k-a-000000', 2], ['k-c-000000', 3]].filter(([id, p]) => cards.find((c) => c.id === id)!.position !== p))
    const after = cards.map((c) => ({ ...c, position: moved.get(c.id) ?? c.position }))
    expect([...columnNumbers(after)].map(([id]) => id)).toEqual(['k-b-000000', 'k-a-000000', 'k-c-000000', 'k-d-000000'])
  })

  it.each([
    [undefined, undefined, 1],
    [undefined, 2, 1],
    [4, undefined, 5],
    [1, 2, 1.5],
  ])('a card dropped between %s and %s gets position %s', (before, after, expected) => {
    expect(positionBetween(before, after)).toBe(expected)
  })

  it.each([
    // move, before, expected order (null: stays)
    ['c', 'a', ['c', 'a', 'b', 'd']],
    ['a', null, ['b', 'c', 'd', 'a']],
    ['a', 'c', ['b', 'a', 'c', 'd']],
    ['b', 'c', null],
    ['d', null, null],
  ])('moves %s before %s', (move, before, expected) => {
    const cards = ['a', 'b', 'c', 'd'].map((x, i) => aCard({ id: `karte-${x}-0000`, position: i + 1 }))
    const id = (x: string | null) => (x === null ? null : `karte-${x}-0000`)
    const position = positionBefore(cards, id(move)!, id(before))
    if (expected === null) return expect(position).toBeNull()
    const after = cards.map((c) => (c.id === id(move) ? { ...c, position: position! } : c))
    expect([...columnNumbers(after)].map(([cardId]) => cardId.split('-')[1])).toEqual(expected)
  })

  it('moves nothing for a card or target that is not in the column', () => {
    const cards = [aCard({ id: 'karte-a-0000', position: 1 })]
    expect(positionBefore(cards, 'karte-x-0000', null)).toBeNull()
    expect(positionBefore(cards, 'karte-a-0000', 'karte-x-0000')).toBeNull()
  })
})
