import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { boardKind, countRecords, seededRandom } from '@tischrunde/shared'
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

  it('keeps the last position right when the server moves the newest cards further down, as it corrects a place', () => {
    const { cards, kept } = countedBoard()
    const pick = picker(11)
    const last = () => {
      let max: number | null = null
      cards.forEach((value) => {
        const p = (value as { position: number }).position
        if (max === null || p > max) max = p
      })
      return max
    }
    for (let step = 0; step < 400; step++) {
      const key = `card-${pick(30)}`
      const now = cards.get(key) as { position: number } | undefined
      // Mostly a card placed below the column's last one and then moved further down (an edit in
      // place that grows); sometimes one moved up again, or taken away.
      const position = pick(4) === 0 ? pick(20) : (last() ?? 0) + 1 + pick(3)
      if (now && pick(8) === 0) cards.delete(key)
      else cards.set(key, { id: key, stationId: 'station-1', columnId: 'a', position })
      expect(kept.maxOf!('cards', ['station-1', 'a'], 'none'), `step ${step}`).toBe(last())
      // The rules ask for the column's last position leaving out the card being placed, often the last one itself.
      let top = 'none'
      cards.forEach((value, k) => {
        if ((value as { position: number }).position === last()) top = k
      })
      const except = pick(2) === 0 ? top : `card-${pick(30)}`
      let without: number | null = null
      cards.forEach((value, k) => {
        const p = (value as { position: number }).position
        if (k !== except && (without === null || p > without)) without = p
      })
      expect(kept.maxOf!('cards', ['station-1', 'a'], except), `step ${step}, without ${except}`).toBe(without)
    }
  })

  it('keeps the last position of every column as cards come, move, are reordered and go, equal to reading the board', () => {
    const { cards, kept } = countedBoard()
    const pick = picker(7)
    const columns = [['station-1', 'a'], ['station-1', 'b'], ['station-2', 'a']] as const
    for (let step = 0; step < 600; step++) {
      const key = `card-${pick(40)}`
      const [stationId, columnId] = columns[pick(columns.length)]!
      if (pick(4) === 0) cards.delete(key)
      else cards.set(key, { id: key, stationId, columnId, position: pick(50) })
      for (const [s, c] of columns) {
        const except = `card-${pick(40)}`
        let scanned: number | null = null
        cards.forEach((value, k) => {
          const v = value as { stationId: string; columnId: string; position: number }
          if (k !== except && v.stationId === s && v.columnId === c && (scanned === null || v.position > scanned)) scanned = v.position
        })
        expect(kept.maxOf!('cards', [s, c], except), `step ${step}`).toBe(scanned)
      }
    }
  })
})

/** An empty board's cards and the view of it that reads the kept counts. */
function countedBoard() {
  const doc = new Y.Doc()
  return { cards: doc.getMap<unknown>('cards'), kept: countedView(viewOf(doc), new RecordCounts(doc, boardKind)) }
}

/** Numbers in [0, n) from a seed, the same every run. */
function picker(seed: number): (n: number) => number {
  const random = seededRandom(seed)
  return (n) => Math.floor(random() * n)
}
