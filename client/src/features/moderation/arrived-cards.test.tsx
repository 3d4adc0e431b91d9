import { act, cleanup, render, screen } from '@testing-library/react'
import { aCard, anEvent } from '@tischrunde/fixtures'
import { type HeldCard, NO_MODES, moderationDocName } from '@tischrunde/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ModerationConsole from './ModerationConsole.js'

const event = anEvent()
const [first, second] = event.tables
let held = new Map<string, { held: HeldCard[]; synced: boolean }>()
vi.mock('../../sync/moderation-docs.js', () => ({
  useModerationModesState: () => ({ modes: NO_MODES, synced: true }),
  useHeldCardsState: (docName: string) => held.get(docName) ?? { held: [], synced: false },
}))
vi.mock('./TableModeration.js', () => ({ TableModeration: () => null }))

const waiting = (id: string, text: string): HeldCard => ({ id, card: aCard({ id, text }), status: 'pending', at: 1 }) as HeldCard
const queueOf = (tableId: string) => moderationDocName(event.id, tableId)
const said = () => document.querySelector('[aria-live="polite"]')?.textContent ?? ''
const send = () => Promise.resolve({ ok: true as const })

afterEach(() => {
  cleanup()
  held = new Map()
})

describe('cards that come to wait for approval', () => {
  it('are said with their table and text; those already waiting when the panel opened are not', () => {
    held.set(queueOf(first!.id), { held: [waiting('card-0001', 'Schon da')], synced: true })
    const { rerender } = render(<ModerationConsole event={event} round={null} token="k" send={send} />)
    expect(screen.getByRole('button', { name: `${first!.name} · 1 Karte wartet` })).toBeTruthy()
    expect(said()).toBe('')

    held.set(queueOf(second!.id), { held: [], synced: true })
    rerender(<ModerationConsole event={event} round={null} token="k" send={send} />)
    held.set(queueOf(second!.id), { held: [waiting('card-0002', 'Mehr Sprachkurse am Abend')], synced: true })
    act(() => rerender(<ModerationConsole event={event} round={null} token="k" send={send} />))
    expect(said()).toBe(`Tisch „${second!.name}“: Neue Karte wartet auf Freigabe – „Mehr Sprachkurse am Abend“`)

    held.set(queueOf(first!.id), { held: [waiting('card-0001', 'Schon da'), waiting('card-0003', 'A'), waiting('card-0004', 'B')], synced: true })
    act(() => rerender(<ModerationConsole event={event} round={null} token="k" send={send} />))
    expect(said()).toBe(`Tisch „${first!.name}“: 2 neue Karten warten auf Freigabe.`)
  })
})
