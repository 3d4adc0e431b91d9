import { describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE, type ProjectorDisplay } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { defaultDisplay, stepDisplay } from './remote-display.js'
import { onPage, pageOfCard, pageStarts } from './use-fit-to-box.js'

const event = anEvent()
const ids = event.tables.map((t) => t.id)

describe('the console’s projector remote', () => {
  it.each([
    ['before-start', 'join'],
    ['station', 'wall'],
    ['review', 'review'],
    ['closed', 'review'],
  ] as const)('starts from what a projector shows by itself: %s → %s', (phase, view) => {
    expect(defaultDisplay(event, { ...INITIAL_ROUND_STATE, phase }).view).toBe(view)
  })

  it.each([
    // from (table index, station), move, to (table index, station)
    [0, 0, 'next-station', 0, 1],
    [0, 2, 'next-station', 1, 0],
    [1, 0, 'prev-station', 0, 2],
    [0, 0, 'prev-station', 0, 0],
  ] as const)('steps the review from table %i station %i with %s to table %i station %i', (table, station, move, toTable, toStation) => {
    const from: ProjectorDisplay = { view: 'review', tableId: ids[table]!, station, spotlight: { kind: 'card', tableId: ids[table]!, cardId: 'c' } }
    const to = stepDisplay(from, move, event)
    expect([to.tableId, to.station]).toEqual([ids[toTable], toStation])
    // Stepping on ends a spotlight.
    expect(to.spotlight).toBeNull()
  })
})

describe('pages of a board too full for one screen', () => {
  it.each([
    // card spans (top, bottom), page height, total height → page starts
    [[[0, 100], [100, 200]], 300, 200, [0]],
    [[[0, 100], [100, 250], [250, 400]], 300, 400, [0, 250]],
    [[[0, 280], [290, 590], [600, 880]], 300, 880, [0, 290, 590]],
  ])('cards %j on pages of %i px (content %i px) start pages at %j, never cutting a card', (spans, page, total, starts) => {
    expect(pageStarts(spans.map(([top, bottom]) => ({ top: top!, bottom: bottom! })), page, total)).toEqual(starts)
  })

  it('starts a later page a heading’s height above its first card, and shows each card on the page it starts', () => {
    const spans = [{ top: 30, bottom: 130 }, { top: 130, bottom: 280 }, { top: 280, bottom: 400 }]
    expect(pageStarts(spans, 300, 400, 20)).toEqual([0, 260])
    expect(spans.map((s) => onPage(s, 0, 300, 20))).toEqual([true, true, false])
    expect(spans.map((s) => onPage(s, 260, 300, 20))).toEqual([false, false, true])
  })

  it('shows a card beside a cut one once: on the first page it is whole on (sub-columns side by side)', () => {
    // Two sub-columns: on the left a card crosses the page's foot at 250–350; on the right a card at 260–290 is whole on page 1.
    const spans = [{ top: 0, bottom: 240 }, { top: 250, bottom: 350 }, { top: 0, bottom: 250 }, { top: 260, bottom: 290 }]
    const starts = pageStarts(spans, 300, 350, 0)
    expect(starts).toEqual([0, 250])
    // Whole on both pages, shown on the first only; every card on exactly one page.
    expect(onPage(spans[3]!, 250, 300, 0)).toBe(true)
    expect(spans.map((s) => pageOfCard(s, starts, 300, 0))).toEqual([0, 1, 0, 0])
  })

  it('does not let a card taller than a page hide a card beside it on every page', () => {
    const spans = [{ top: 20, bottom: 400 }, { top: 120, bottom: 330 }]
    const starts = pageStarts(spans, 300, 400, 20)
    expect(starts.some((start) => onPage(spans[1]!, start, 300, 20))).toBe(true)
    expect(starts.some((start) => onPage(spans[0]!, start, 300, 20))).toBe(true)
  })

  it('keeps pages of at least half the screen under headings taller than that', () => {
    expect(pageStarts([], 300, 5000, 400).length).toBeLessThan(40)
  })

  it('moves on by a whole page when one card is taller than the page', () => {
    expect(pageStarts([{ top: 0, bottom: 900 }], 300, 900)).toEqual([0, 300, 600])
  })
})
