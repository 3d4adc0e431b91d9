import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { boardKind, countRecords } from '@tischrunde/shared'
import { RecordCounts, countedView } from './record-counts.js'
import { viewOf } from './write-gate.js'

const card = (id: string, authorId: string) => ({ id, authorId, text: `Karte ${id}` })

describe('RecordCounts', () => {
  it('keeps the cards per author as cards are added, handed over and deleted, equal to counting the board', () => {
    const doc = new Y.Doc()
    const cards = doc.getMap<unknown>('cards')
    cards.set('c0', card('c0', 'ana'))
    const counts = new RecordCounts(doc, boardKind)
    const scanned = viewOf(doc)
    const kept = countedView(scanned, counts)
    const expectSame = () => {
      for (const author of ['ana', 'ben', 'cem']) {
        expect(kept.countBy!('cards', 'authorId', author)).toBe(countRecords(scanned, 'cards', { field: 'authorId', value: author }))
      }
      expect(kept.size!('cards')).toBe(cards.size)
    }
    expect(kept.countBy!('cards', 'authorId', 'ana')).toBe(1)
    doc.transact(() => {
      cards.set('c1', card('c1', 'ana'))
      cards.set('c2', card('c2', 'ben'))
    })
    expectSame()
    // An edit that changes the author ("Meine Beiträge löschen" keeps a card without its author).
    cards.set('c1', { id: 'c1', text: 'ohne Autorin' })
    expectSame()
    cards.delete('c0')
    expectSame()
    expect(kept.countBy!('cards', 'authorId', 'ana')).toBe(0)
    expect(kept.countBy!('cards', 'authorId', 'ben')).toBe(1)
    expect(kept.size!('cards')).toBe(2)
    counts.destroy()
    cards.set('c3', card('c3', 'ben'))
    expect(kept.countBy!('cards', 'authorId', 'ben')).toBe(1)
  })

  it('counts a proposed change on top of the kept counts without applying it', () => {
    const doc = new Y.Doc()
    doc.getMap<unknown>('cards').set('c0', card('c0', 'ana'))
    const counts = new RecordCounts(doc, boardKind)
    const proposed = countedView(viewOf(doc), counts, [
      { root: 'cards', key: 'c1', before: undefined, after: card('c1', 'ana') },
      { root: 'cards', key: 'c0', before: card('c0', 'ana'), after: undefined },
      { root: 'cards', key: 'c2', before: undefined, after: card('c2', 'ben') },
    ])
    expect(proposed.countBy!('cards', 'authorId', 'ana')).toBe(1)
    expect(proposed.countBy!('cards', 'authorId', 'ben')).toBe(1)
    expect(proposed.size!('cards')).toBe(2)
    expect(doc.getMap('cards').size).toBe(1)
  })
})
