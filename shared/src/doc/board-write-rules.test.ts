import { describe, expect, it } from 'vitest'
import { aCard } from '../../../fixtures/src/builders.js'
import { type WriteActor, WriteRefusal, checkCardChange } from './board-write-rules.js'

const me: WriteActor = { role: 'participant', participantId: 'me-1234567' }
const open = { writable: () => true, hasColumn: () => true }
const closed = { writable: () => false, hasColumn: () => true }
const mine = aCard({ id: 'card-mine-1', authorId: 'me-1234567' })
const theirs = aCard({ id: 'card-their-1', authorId: 'someone-else' })

describe('board write rules', () => {
  it('lets a participant add and edit their own card in an open station', () => {
    expect(checkCardChange({ key: mine.id, before: undefined, after: mine }, me, open)).toBeNull()
    expect(checkCardChange({ key: mine.id, before: mine, after: { ...mine, text: 'neu' } }, me, open)).toBeNull()
    expect(checkCardChange({ key: mine.id, before: mine, after: undefined }, me, open)).toBeNull()
  })
  it.each([
    ['a card written in someone else’s name', { key: theirs.id, before: undefined, after: theirs }, WriteRefusal.NOT_YOUR_CARD],
    ['editing someone else’s card', { key: theirs.id, before: theirs, after: { ...theirs, text: 'x' } }, WriteRefusal.NOT_YOUR_CARD],
    ['deleting someone else’s card', { key: theirs.id, before: theirs, after: undefined }, WriteRefusal.NOT_YOUR_CARD],
    ['a record whose key is not its id', { key: 'card-other-1', before: undefined, after: mine }, WriteRefusal.INVALID_CARD],
    ['a card with an unknown field', { key: mine.id, before: undefined, after: { ...mine, role: 'facilitator' } }, WriteRefusal.INVALID_CARD],
    ['a card over 280 characters', { key: mine.id, before: undefined, after: { ...mine, text: 'x'.repeat(281) } }, WriteRefusal.INVALID_CARD],
    ['a version kept beside a card that only the server adds', { key: mine.id, before: mine, after: { ...mine, alternatives: [{ text: 'x', subPoints: [] }] } }, WriteRefusal.INVALID_CARD],
  ])('refuses %s', (_name, change, refusal) => {
    expect(checkCardChange(change, me, open)).toBe(refusal)
  })
  it('lets the writer of a card resolve a version kept beside it', () => {
    const kept = { ...mine, alternatives: [{ text: 'andere Fassung', subPoints: [] }] }
    expect(checkCardChange({ key: mine.id, before: kept, after: { ...mine, text: 'andere Fassung' } }, me, open)).toBeNull()
  })
  it('refuses a participant’s card in a closed station but lets the facilitator write there', () => {
    expect(checkCardChange({ key: mine.id, before: undefined, after: mine }, me, closed)).toBe(WriteRefusal.STATION_CLOSED)
    expect(checkCardChange({ key: theirs.id, before: theirs, after: { ...theirs, text: 'korrigiert' } }, { role: 'facilitator', participantId: undefined }, closed)).toBeNull()
  })
  it('refuses every write from a projector', () => {
    expect(checkCardChange({ key: mine.id, before: undefined, after: mine }, { role: 'projector', participantId: undefined }, open)).toBe(WriteRefusal.READ_ONLY)
  })
  it('keeps the name on a card its author’s: a host may correct the text, not the name', () => {
    const named = aCard({ id: 'card-named-1', authorId: 'someone-else', authorName: 'Anna' })
    const host: WriteActor = { role: 'host', participantId: 'host-12345' }
    expect(checkCardChange({ key: named.id, before: named, after: { ...named, text: 'ergänzt' } }, host, open)).toBeNull()
    expect(checkCardChange({ key: named.id, before: named, after: { ...named, authorName: 'Bernd' } }, host, open)).toBe(WriteRefusal.NOT_YOUR_CARD)
    const own = aCard({ id: 'card-own-12', authorId: 'me-1234567', authorName: 'Anna' })
    expect(checkCardChange({ key: own.id, before: own, after: { ...own, authorName: 'Anna K.' } }, me, open)).toBeNull()
  })
  it('refuses a card whose name hides control characters', () => {
    expect(checkCardChange({ key: mine.id, before: undefined, after: { ...mine, authorName: 'Anna\u202E' } }, me, open)).toBe(WriteRefusal.INVALID_CARD)
  })
  it('refuses a participant’s or host’s card added or moved to a column its station does not have, and lets a card already there be edited', () => {
    const places = { writable: () => true, hasColumn: (stationId: string, columnId: string) => stationId === 'station-1' && columnId === 'laeuft-gut' }
    const placed = aCard({ id: 'card-placed1', authorId: 'me-1234567', stationId: 'station-1', columnId: 'laeuft-gut' })
    const host: WriteActor = { role: 'host', participantId: 'host-12345' }
    expect(checkCardChange({ key: placed.id, before: undefined, after: placed }, me, places)).toBeNull()
    expect(checkCardChange({ key: placed.id, before: undefined, after: { ...placed, columnId: 'gibt-es-nicht' } }, me, places)).toBe(WriteRefusal.INVALID_CARD)
    // A column of Station 3 under Station 1.
    expect(checkCardChange({ key: placed.id, before: undefined, after: { ...placed, columnId: 'wer-hilft' } }, me, places)).toBe(WriteRefusal.INVALID_CARD)
    expect(checkCardChange({ key: placed.id, before: placed, after: { ...placed, columnId: 'wer-hilft' } }, host, places)).toBe(WriteRefusal.INVALID_CARD)
    const stray = { ...placed, columnId: 'alt' }
    expect(checkCardChange({ key: stray.id, before: stray, after: { ...stray, text: 'neu' } }, me, places)).toBeNull()
    expect(checkCardChange({ key: placed.id, before: undefined, after: { ...placed, columnId: 'gibt-es-nicht' } }, { role: 'facilitator', participantId: undefined }, places)).toBeNull()
  })
  it('lets a table host edit any card of an open station', () => {
    expect(checkCardChange({ key: theirs.id, before: theirs, after: { ...theirs, text: 'ergänzt' } }, { role: 'host', participantId: 'host-12345' }, open)).toBeNull()
  })
})
