import { describe, expect, it } from 'vitest'
import { type TischEvent, type VoteStep } from '@tischrunde/shared'
import { aCard, anEvent } from '@tischrunde/fixtures'
import { cardsInScope, myDots, rankCards, stepTables } from './vote-view.js'

const event: TischEvent = anEvent({ tableCount: 2 })
const [station1, station2] = event.template.stations
const step = (scope: VoteStep['scope']): VoteStep => ({ id: 'step-abcdef', question: 'Q', scope, budget: 3, perCardMax: 2, status: 'open', onProjector: true, openedAt: 1 })

describe('what the voting screens show', () => {
  it('lists the tables and the cards in a step, in board order across stations and columns', () => {
    const s = step({ stationId: station2!.id })
    expect(stepTables(event, s).map((t) => t.name)).toEqual(['Tisch 1', 'Tisch 2'])
    expect(stepTables(event, step({ tableId: event.tables[1]!.id })).map((t) => t.name)).toEqual(['Tisch 2'])
    const cards = [
      aCard({ id: 'karte-0003', stationId: station2!.id, columnId: station2!.columns[0]!.id, position: 2 }),
      aCard({ id: 'karte-0001', stationId: station1!.id, columnId: station1!.columns[0]!.id, position: 1 }),
      aCard({ id: 'karte-0002', stationId: station2!.id, columnId: station2!.columns[0]!.id, position: 1 }),
    ]
    expect(cardsInScope(event, s, event.tables[0]!.id, cards).map((c) => c.id)).toEqual(['karte-0002', 'karte-0003'])
  })

  it('counts my dots and ranks the cards by the tally, ties sharing a place', () => {
    const s = step({})
    const mine = myDots(s, [{ stepId: s.id, dots: [{ tableId: 'arbeit', cardId: 'karte-0001', count: 2 }] }])
    expect(mine.left).toBe(1)
    expect(mine.byCard.get('arbeit/karte-0001')).toBe(2)
    const cards = ['karte-0001', 'karte-0002', 'karte-0003'].map((id) => ({ tableId: 'arbeit', card: aCard({ id }) }))
    const ranked = rankCards(cards, { stepId: s.id, voters: 2, counts: [{ tableId: 'arbeit', cardId: 'karte-0002', count: 2 }, { tableId: 'arbeit', cardId: 'karte-0003', count: 2 }] })
    expect(ranked.map((r) => [r.item.card.id, r.rank, r.tied])).toEqual([['karte-0002', 1, true], ['karte-0003', 1, true], ['karte-0001', 3, false]])
  })
})
