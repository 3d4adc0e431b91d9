import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { aCard } from '../../../fixtures/src/builders.js'
import { WINNENDEN_TEMPLATE } from '../template/winnenden-template.js'
import {
  boardDoc,
  boardDocName,
  deleteCard,
  editCard,
  layoutBoard,
  nextPosition,
  parseBoardDocName,
  putCard,
  readSnapshot,
  unsavedCardIds,
} from './board-doc.js'

/** Two docs that exchange updates only when flushed by hand, like two phones on a flaky network. */
function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const toB: Uint8Array[] = []
  const toA: Uint8Array[] = []
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && toB.push(u))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && toA.push(u))
  const flush = () => {
    for (const u of toB.splice(0)) Y.applyUpdate(b, u, 'remote')
    for (const u of toA.splice(0)) Y.applyUpdate(a, u, 'remote')
  }
  return { a, b, flush }
}

describe('board doc names', () => {
  it('round-trips event and table ids', () => {
    expect(parseBoardDocName(boardDocName('winnenden', 'arbeitsmarktintegration'))).toEqual({ eventId: 'winnenden', tableId: 'arbeitsmarktintegration' })
  })
  it.each(['board.winnenden', 'board..x', 'board.Win.x', 'other.a.b', 'board.a.b.c', 'board.a/../b.c'])('rejects %s', (name) => {
    expect(parseBoardDocName(name)).toBeNull()
  })
})

describe('cards in a board doc', () => {
  it('reads cards back in board order: position, then creation time, then id', () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'card-late-0', position: 2, text: 'zweite' }))
    putCard(doc, aCard({ id: 'card-b-0001', position: 1, createdAt: 20, text: 'später gleichauf' }))
    putCard(doc, aCard({ id: 'card-a-0001', position: 1, createdAt: 10, text: 'erste' }))
    expect(readSnapshot(doc).cards.map((c) => c.text)).toEqual(['erste', 'später gleichauf', 'zweite'])
  })

  it('refuses to write a card whose text is longer than 280 characters', () => {
    const doc = new Y.Doc()
    expect(() => putCard(doc, aCard({ text: 'x'.repeat(281) }))).toThrow()
    expect(readSnapshot(doc).cards).toHaveLength(0)
  })

  it('skips and reports records that fail the card schema instead of rendering them', () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'card-good-1' }))
    boardDoc(doc).cards.set('card-bad-01', { text: 42 })
    boardDoc(doc).cards.set('card-other', { ...aCard(), id: 'card-mismatch' })
    const snap = readSnapshot(doc)
    expect(snap.cards.map((c) => c.id)).toEqual(['card-good-1'])
    expect(snap.invalid.sort()).toEqual(['card-bad-01', 'card-other'])
  })

  it('edits text and sub-points in place and deletes cards', () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'card-0001', position: 1 }))
    putCard(doc, aCard({ id: 'card-0002', position: 2 }))
    expect(editCard(doc, 'card-0001', { text: 'Neu', subPoints: [{ id: 'sub-00001', text: 'Detail' }] })).toBe(true)
    deleteCard(doc, 'card-0002')
    expect(readSnapshot(doc).cards).toMatchObject([{ id: 'card-0001', text: 'Neu', subPoints: [{ text: 'Detail' }], position: 1 }])
    expect(editCard(doc, 'card-0002', { text: 'weg' })).toBe(false)
  })

  it('appends after the last card of the same column only', () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'card-0001', columnId: 'laeuft-gut', position: 4 }))
    putCard(doc, aCard({ id: 'card-0002', columnId: 'hakt-es', position: 9 }))
    expect(nextPosition(doc, 'station-1', 'laeuft-gut')).toBe(5)
    expect(nextPosition(doc, 'station-2', 'ziele')).toBe(1)
  })
})

describe('two phones writing at once', () => {
  it('keeps both cards when two phones add to the same column while apart', () => {
    const { a, b, flush } = pair()
    putCard(a, aCard({ id: 'card-from-a', position: nextPosition(a, 'station-1', 'laeuft-gut'), createdAt: 1, text: 'A' }))
    putCard(b, aCard({ id: 'card-from-b', position: nextPosition(b, 'station-1', 'laeuft-gut'), createdAt: 2, text: 'B' }))
    flush()
    expect(readSnapshot(a).cards.map((c) => c.text)).toEqual(['A', 'B'])
    expect(readSnapshot(b).cards.map((c) => c.text)).toEqual(['A', 'B'])
  })

  it('keeps a card deleted on one phone deleted after the other phone edited something else', () => {
    const { a, b, flush } = pair()
    putCard(a, aCard({ id: 'card-0001' }))
    putCard(a, aCard({ id: 'card-0002', position: 2 }))
    flush()
    deleteCard(a, 'card-0001')
    editCard(b, 'card-0002', { text: 'geändert' })
    flush()
    for (const doc of [a, b]) expect(readSnapshot(doc).cards).toMatchObject([{ id: 'card-0002', text: 'geändert' }])
  })
})

describe('laying a board out along the template', () => {
  it('puts every card under its station and column and keeps empty columns', () => {
    const cards = [aCard({ id: 'card-0001', stationId: 'station-2', columnId: 'leisten', text: 'Lotsenfunktion' })]
    const { stations, orphans } = layoutBoard(cards, WINNENDEN_TEMPLATE)
    expect(stations.map((s) => s.columns.map((c) => c.cards.length))).toEqual([[0, 0], [0, 1], [0, 0]])
    expect(stations[1]!.columns[1]!.cards[0]!.text).toBe('Lotsenfunktion')
    expect(orphans).toEqual([])
  })

  it('keeps cards of a removed column as orphans instead of dropping them', () => {
    const cards = [aCard({ id: 'card-0001', columnId: 'weg-damit' })]
    expect(layoutBoard(cards, WINNENDEN_TEMPLATE).orphans.map((c) => c.id)).toEqual(['card-0001'])
  })
})

describe('which cards the server has stored', () => {
  it('marks cards unsaved until a saved state vector covers them', () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'card-0001' }))
    const savedAfterFirst = Y.decodeStateVector(Y.encodeStateVector(doc))
    putCard(doc, aCard({ id: 'card-0002', position: 2 }))
    expect(unsavedCardIds(doc, new Map())).toEqual(['card-0001', 'card-0002'])
    expect(unsavedCardIds(doc, savedAfterFirst)).toEqual(['card-0002'])
    expect(unsavedCardIds(doc, Y.decodeStateVector(Y.encodeStateVector(doc)))).toEqual([])
  })
})
