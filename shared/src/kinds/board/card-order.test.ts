import { describe, expect, it } from 'vitest'
import { aCard } from '../../../../fixtures/src/builders.js'
import type { Card } from '../../cards/card.schema.js'
import type { DocView } from '../doc-kind.js'
import { CARD_TIME_WINDOW, POSITION_AHEAD_MAX, keepLostCardVersion, normalizeCard } from './card-order.js'

const NOW = 1_750_000_000_000
const column = (cards: Card[]): DocView => ({
  get: (_root, key) => cards.find((c) => c.id === key),
  forEach: (_root, fn) => cards.forEach((c) => fn(c, c.id)),
})
const existing = [aCard({ id: 'card-one-01', position: 1, createdAt: NOW - 1000 }), aCard({ id: 'card-two-02', position: 2, createdAt: NOW - 500 })]
const added = (card: Card) => normalizeCard({ root: 'cards', key: card.id, before: undefined, after: card }, column([...existing, card]), NOW)

describe('order and time of cards as the server stores them', () => {
  it('keeps a new card written below the others as it is', () => {
    expect(added(aCard({ id: 'card-new-03', position: 3, createdAt: NOW }))).toBeNull()
  })
  it('places a card written above the others below them instead', () => {
    expect(added(aCard({ id: 'card-new-03', position: -1e9, createdAt: NOW }))).toMatchObject({ position: 3 })
  })
  it('places a card from a phone with an old view of the column below the others', () => {
    expect(added(aCard({ id: 'card-new-03', position: 2, createdAt: NOW }))).toMatchObject({ position: 3 })
  })
  it('keeps a phone’s card numbered on offline, and puts one placed far below the last right below it', () => {
    expect(added(aCard({ id: 'card-new-03', position: 2 + POSITION_AHEAD_MAX, createdAt: NOW }))).toBeNull()
    expect(added(aCard({ id: 'card-new-03', position: Number.MAX_VALUE, createdAt: NOW }))).toMatchObject({ position: 3 })
    expect(added(aCard({ id: 'card-new-03', position: 3 + POSITION_AHEAD_MAX, createdAt: NOW }))).toMatchObject({ position: 3 })
  })
  it('keeps the order of cards typed offline that arrive in one update, placing them after the cards already there', () => {
    // The phone saw the column up to 1; someone else's card 2 came meanwhile. Its three cards: 2, 3, 4.
    const batch = [2, 3, 4].map((position, i) => aCard({ id: `card-off-0${i}`, position, createdAt: NOW - 60_000 + i }))
    const doc = column([...existing, ...batch])
    const together = new Set(batch.map((c) => c.id))
    const stored = batch.map((card) => normalizeCard({ root: 'cards', key: card.id, before: undefined, after: card }, doc, NOW, together) ?? card)
    const order = [...existing, ...stored].sort((a, b) => a.position - b.position || a.createdAt - b.createdAt).map((c) => c.id)
    expect(order).toEqual(['card-one-01', 'card-two-02', 'card-off-00', 'card-off-01', 'card-off-02'])
  })
  it('gives a card a time outside the window the server’s time', () => {
    expect(added(aCard({ id: 'card-new-03', position: 3, createdAt: 0 }))).toMatchObject({ createdAt: NOW })
    expect(added(aCard({ id: 'card-new-03', position: 3, createdAt: NOW + CARD_TIME_WINDOW.after + 1 }))).toMatchObject({ createdAt: NOW })
  })
  it('keeps the time of a card typed offline an hour ago', () => {
    expect(added(aCard({ id: 'card-new-03', position: 3, createdAt: NOW - 3_600_000 }))).toBeNull()
  })
  it('keeps the place and time of an edited card', () => {
    const before = existing[0]!
    const after = { ...before, text: 'geändert', position: -5, createdAt: 1 }
    expect(normalizeCard({ root: 'cards', key: before.id, before, after }, column(existing), NOW)).toEqual({ ...after, position: 1, createdAt: before.createdAt })
  })
})

describe('versions lost to a concurrent edit', () => {
  const card = aCard({ id: 'card-one-01', text: 'Sprachkurse fehlen' })
  it('are kept beside the card', () => {
    expect(keepLostCardVersion(card, { ...card, text: 'Sprachkurse für Mütter fehlen' })?.alternatives).toEqual([{ text: 'Sprachkurse für Mütter fehlen', subPoints: [] }])
  })
  it('are not kept when they say what the card says', () => {
    expect(keepLostCardVersion(card, { ...card })).toBeNull()
  })
  it('are not kept twice', () => {
    const kept = keepLostCardVersion(card, { ...card, text: 'B' })!
    expect(keepLostCardVersion(kept, { ...card, text: 'B' })).toBeNull()
  })
})
