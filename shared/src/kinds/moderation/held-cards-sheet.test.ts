import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { HELD_CARDS_HEADER, heldCardRows } from './held-cards-sheet.js'
import type { HeldCard } from './moderation.schema.js'

const held = (id: string, status: HeldCard['status'], at: number, card: Partial<HeldCard['card']> = {}): HeldCard => ({ id, status, at, card: aCard({ id, ...card }) })

describe("the facilitator's list of cards held off the boards", () => {
  it('names table, station, column and status of each held card, in the order of the boards', () => {
    const event = anEvent()
    const rows = heldCardRows(
      event,
      new Map([
        ['tisch-2', [held('card-b', 'pending', 20, { text: 'Wartet noch', stationId: 'station-2', columnId: 'ziele' })]],
        ['tisch-1', [held('card-c', 'merged', 30, { text: 'Doppelt' }), held('card-a', 'hidden', 10, { text: 'Handynummer 0171', merged: [{ id: 'card-d', text: 'Auch doppelt', authorId: 'participant-2' }] })]],
      ]),
      (ms) => `t${ms}`,
    )
    expect(HELD_CARDS_HEADER).toHaveLength(rows[0]!.length)
    expect(rows).toEqual([
      ['Tisch 1', 'Station 1', 'Was läuft gut?', 'Ausgeblendet', 't10', 'Handynummer 0171', 'Auch doppelt'],
      ['Tisch 1', 'Station 1', 'Was läuft gut?', 'Zusammengeführt', 't30', 'Doppelt', ''],
      ['Tisch 2', 'Station 2', 'Was sind unsere Ziele?', 'Wartet auf Freigabe', 't20', 'Wartet noch', ''],
    ])
  })

  it('is empty when nothing is held', () => {
    expect(heldCardRows(anEvent(), new Map(), String)).toEqual([])
  })
})
