import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { EventActor } from '../../access/actor.js'
import type { Card } from '../../cards/card.schema.js'
import { keepCardMarks } from './card-marks.js'
import { type HeldCard, MODSTATE_COUNTS, MODSTATE_EVENT, MODSTATE_STATIONS, countKey } from './moderation.schema.js'
import { NO_MODES, hiddenBeforeReveal, holdNewCard, mayModerate, othersCollected, readModes, revealedCards } from './moderation-rules.js'

const card: Card = { id: 'card-0001', stationId: 'station-1', columnId: 'laeuft-gut', text: 'Sprachkurse', subPoints: [], authorId: 'participant-1', createdAt: 1, position: 1 }
const actor = (role: EventActor['role'], tableId: string | null = null): EventActor => ({ type: 'event', eventId: 'cafe', role, participantId: role === 'facilitator' ? null : 'participant-1', tableId })

function modesWith(station: { approval?: boolean; collect?: boolean; revealedAt?: number | null }, eventApproval = false) {
  const doc = new Y.Doc()
  doc.getMap(MODSTATE_STATIONS).set('station-1', { stationId: 'station-1', approval: false, collect: false, revealedAt: null, ...station })
  doc.getMap(MODSTATE_EVENT).set('settings', { approval: eventApproval })
  doc.getMap(MODSTATE_COUNTS).set(countKey('sprache', 'station-1'), 3)
  return readModes(doc)
}

describe('where a new card goes', () => {
  it('goes to the board when no mode is on', () => {
    expect(holdNewCard(card, actor('participant'), NO_MODES)).toBeNull()
  })
  it('is collected while its station collects, and goes to the board after the reveal', () => {
    expect(holdNewCard(card, actor('participant'), modesWith({ collect: true }))).toBe('collected')
    expect(holdNewCard(card, actor('participant'), modesWith({ collect: true, revealedAt: 5 }))).toBeNull()
  })
  it('waits for approval per station or for the whole event; collecting comes first', () => {
    expect(holdNewCard(card, actor('participant'), modesWith({ approval: true }))).toBe('pending')
    expect(holdNewCard(card, actor('participant'), modesWith({}, true))).toBe('pending')
    expect(holdNewCard(card, actor('participant'), modesWith({ approval: true, collect: true }))).toBe('collected')
  })
  it('never holds a facilitator’s card; a table host’s only while the station collects', () => {
    expect(holdNewCard(card, actor('facilitator'), modesWith({ approval: true, collect: true }))).toBeNull()
    expect(holdNewCard(card, actor('host', 'sprache'), modesWith({ approval: true }))).toBeNull()
    expect(holdNewCard(card, actor('host', 'sprache'), modesWith({ collect: true }))).toBe('collected')
  })
  it('counts the others’ collected cards without the phone’s own', () => {
    expect(othersCollected(modesWith({ collect: true }), 'sprache', 'station-1', 1)).toBe(2)
    expect(othersCollected(modesWith({ collect: true }), 'arbeit', 'station-1', 0)).toBe(0)
  })
  it('reads damaged modes as off', () => {
    const doc = new Y.Doc()
    doc.getMap(MODSTATE_STATIONS).set('station-1', { stationId: 'station-2', collect: true })
    expect(holdNewCard(card, actor('participant'), readModes(doc))).toBeNull()
  })
})

describe('who moderates', () => {
  it('lets facilitators moderate every table and a host only their own', () => {
    expect(mayModerate(actor('facilitator'), 'sprache')).toBe(true)
    expect(mayModerate(actor('host', 'sprache'), 'sprache')).toBe(true)
    expect(mayModerate(actor('host', 'sprache'), 'arbeit')).toBe(false)
    expect(mayModerate(actor('participant'), 'sprache')).toBe(false)
    expect(mayModerate(actor('projector'), 'sprache')).toBe(false)
  })
})

describe('moderation marks on client writes', () => {
  it('keeps the marks the server set when a client drops them in an edit', () => {
    const before = { ...card, pinned: true as const, merged: [{ id: 'card-0002', text: 'Kurse', authorId: 'participant-2' }] }
    const kept = keepCardMarks({ root: 'cards', key: card.id, before, after: { ...card, text: 'Mehr Sprachkurse' } }, null)
    expect(kept).toEqual({ ...before, text: 'Mehr Sprachkurse' })
  })
  it('drops marks a client sets itself', () => {
    expect(keepCardMarks({ root: 'cards', key: card.id, before: undefined, after: { ...card, pinned: true, struck: true } }, null)).toEqual(card)
  })
  it('leaves a write without marks as it is', () => {
    expect(keepCardMarks({ root: 'cards', key: card.id, before: card, after: { ...card, text: 'Neu' } }, null)).toBeNull()
  })
})

describe('where collected cards go at the reveal', () => {
  const held = (id: string, writer?: 'participant' | 'host'): HeldCard => ({ id, card: { id, stationId: 'station-1' } as HeldCard['card'], status: 'collected', at: 1, ...(writer ? { writer } : {}) })
  const cards = [held('card-a', 'participant'), held('card-h', 'host'), held('card-old')]
  const ids = (out: { toBoard: HeldCard[]; toApprove: HeldCard[] }) => [out.toBoard.map((h) => h.id), out.toApprove.map((h) => `${h.id}:${h.status}:${h.at}`)]

  it('all onto the board without approval', () => {
    expect(ids(revealedCards(cards, modesWith({ collect: true }), 'station-1', 9))).toEqual([['card-a', 'card-h', 'card-old'], []])
  })

  it('with approval at the station or for the event, participants’ cards (and those of unknown writer) into the queue, the host’s onto the board', () => {
    for (const modes of [modesWith({ collect: true, approval: true }), modesWith({ collect: true }, true)])
      expect(ids(revealedCards(cards, modes, 'station-1', 9))).toEqual([['card-h'], ['card-a:pending:9', 'card-old:pending:9']])
    expect(revealedCards(cards, modesWith({ collect: true, approval: true }), 'station-1', 9).toApprove.every((h) => h.writer === undefined)).toBe(true)
  })
})

describe('what the author of a hidden card is told', () => {
  const modes = (revealedAt: number | null, collect = true) => ({ ...NO_MODES, stations: new Map([['station-1', { stationId: 'station-1', approval: false, collect, revealedAt }]]) })
  const hidden = (at: number) => ({ status: 'hidden' as const, at, card: { stationId: 'station-1' } })
  it('says a card hidden while its station collected was never shown, one hidden after the reveal or at an open station was', () => {
    expect(hiddenBeforeReveal(modes(null), hidden(100))).toBe(true)
    expect(hiddenBeforeReveal(modes(200), hidden(100))).toBe(true)
    expect(hiddenBeforeReveal(modes(200), hidden(300))).toBe(false)
    expect(hiddenBeforeReveal(modes(null, false), hidden(100))).toBe(false)
    expect(hiddenBeforeReveal(NO_MODES, hidden(100))).toBe(false)
    expect(hiddenBeforeReveal(modes(null), { ...hidden(100), status: 'collected' })).toBe(false)
  })

  it('says a card hidden before the station began to collect was seen by everyone', () => {
    const since = (collectingSince: number) => ({ ...NO_MODES, stations: new Map([['station-1', { stationId: 'station-1', approval: false, collect: true, revealedAt: null, collectingSince }]]) })
    expect(hiddenBeforeReveal(since(150), hidden(100))).toBe(false)
    expect(hiddenBeforeReveal(since(150), hidden(200))).toBe(true)
  })
})
