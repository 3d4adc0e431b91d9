import { INITIAL_ROUND_STATE, type VoteStep } from '@tischrunde/shared'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { useVoteStore } from '../../store/vote-store.js'
import VotePhone from './VotePhone.js'

vi.mock('../../sync/hooks.js', () => ({ useBoard: () => 'board.cafe-test.tisch-1' }))

const event = anEvent()
const step: VoteStep = { id: 'step-0001', question: 'Was zuerst?', scope: {}, budget: 2, perCardMax: 1, status: 'open', onProjector: true, openedAt: 1 }
const cards = ['Sprachcafé', 'Kita-Plätze', 'Jobmesse'].map((text, i) => aCard({ id: `card-${i}`, stationId: 'station-1', columnId: 'laeuft-gut', text, position: i + 1 }))
const dots = (...ids: string[]) => [{ stepId: step.id, dots: ids.map((cardId) => ({ tableId: 'tisch-1', cardId, count: 1 })) }]

function renderPhone(send = vi.fn().mockResolvedValue({ ok: false, code: 'NOT_NOW', params: { reason: 'VOTE_BUDGET_SPENT' } })) {
  useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, boards: { 'board.cafe-test.tisch-1': { cards, unsaved: [], status: 'synced' } } })
  useVoteStore.setState({ ballots: dots('card-0', 'card-1') })
  const onBack = vi.fn()
  render(<VotePhone header={null} event={event} step={step} tableId="tisch-1" token="t" send={send} onBack={onBack} />)
  return { send, onBack }
}

afterEach(() => useVoteStore.setState({ ballots: [] }))

describe('the phone while a vote runs', () => {
  it('says why dots came back when a card with them left the vote, and drops the refusal shown before', async () => {
    renderPhone()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Punkt geben für: Jobmesse' })))
    expect(screen.getByRole('alert').textContent).toContain('schon alle Punkte vergeben')
    // The facilitator hid "Kita-Plätze": its dot goes back to this voter.
    act(() => useVoteStore.setState({ ballots: dots('card-0') }))
    expect(screen.getByText('Du hast noch 1 Punkt.')).toBeTruthy()
    expect(screen.getByText(/^Punkte zurück: Eine Karte, auf der Punkte von dir lagen/)).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    // The card is restored and its dot goes back on it: the notice no longer stands.
    act(() => useVoteStore.setState({ ballots: dots('card-0', 'card-1') }))
    expect(screen.getByText('Alle Punkte vergeben.', { exact: false })).toBeTruthy()
    expect(screen.queryByText(/^Punkte zurück/)).toBeNull()
  })

  it('sends taps made while one is on its way, in order, instead of dropping them', async () => {
    // A walk's phones: four quick taps on "+" gave one dot and nothing said of the rest.
    let answer: (ack: { ok: true }) => void = () => {}
    const send = vi.fn((_name: string, _tap: { cardId: string; delta: number }) => new Promise((resolve) => (answer = resolve)))
    renderPhone(send)
    fireEvent.click(screen.getByRole('button', { name: 'Punkt zurücknehmen von: Kita-Plätze' }))
    fireEvent.click(screen.getByRole('button', { name: 'Punkt geben für: Jobmesse' }))
    expect(send).toHaveBeenCalledTimes(1)
    await act(async () => answer({ ok: true }))
    expect(send).toHaveBeenCalledTimes(2)
    expect(send.mock.calls.map(([, tap]) => [tap.cardId, tap.delta])).toEqual([
      ['card-1', -1],
      ['card-2', 1],
    ])
    await act(async () => answer({ ok: true }))
  })

  it('says nothing of the kind when the voter takes a dot back', async () => {
    renderPhone(vi.fn().mockResolvedValue({ ok: true }))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Punkt zurücknehmen von: Kita-Plätze' })))
    act(() => useVoteStore.setState({ ballots: dots('card-0') }))
    expect(screen.getByText('Du hast noch 1 Punkt.')).toBeTruthy()
    expect(screen.queryByText(/^Punkte zurück/)).toBeNull()
  })

  it('says when the day moved on to the next station, with the way back to the table', () => {
    const { onBack } = renderPhone()
    expect(screen.queryByText(/Jetzt läuft/)).toBeNull()
    act(() => useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 } }))
    const banner = screen.getByText(`Jetzt läuft: ${event.template.stations[1]!.title}.`).closest('[role="status"]') as HTMLElement
    fireEvent.click(banner.querySelector('button')!)
    expect(onBack).toHaveBeenCalled()
  })

  it("shows a card's sub-points under its text: a card that is a heading (\"Dr. Renfeld:\") is voted on by what it says", () => {
    const heading = aCard({ id: 'card-9', stationId: 'station-1', columnId: 'laeuft-gut', text: 'Dr. Renfeld:', position: 9, subPoints: [{ id: 'sub-1', text: 'Finanzierung der Kinderbetreuung' }] })
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, boards: { 'board.cafe-test.tisch-1': { cards: [...cards, heading], unsaved: [], status: 'synced' } } })
    render(<VotePhone header={null} event={event} step={step} tableId="tisch-1" token="t" send={vi.fn()} onBack={vi.fn()} />)
    const item = document.querySelector('[data-card-id="card-9"]') as HTMLElement
    expect(item.textContent).toContain('Dr. Renfeld:')
    expect(item.querySelector('.card-subpoints li')?.textContent).toBe('Finanzierung der Kinderbetreuung')
  })

  it('shows a card the moderation struck through as struck, without "+", and keeps the way to take a dot back from it', async () => {
    const send = vi.fn().mockResolvedValue({ ok: true })
    const struck = cards.map((c) => (c.id === 'card-1' || c.id === 'card-2' ? { ...c, struck: true } : c))
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, boards: { 'board.cafe-test.tisch-1': { cards: struck, unsaved: [], status: 'synced' } } })
    useVoteStore.setState({ ballots: dots('card-1') })
    render(<VotePhone header={null} event={event} step={step} tableId="tisch-1" token="t" send={send} onBack={vi.fn()} />)
    const item = document.querySelector('[data-card-id="card-2"]') as HTMLElement
    expect(item.classList.contains('card-struck')).toBe(true)
    expect(item.textContent).toContain('Durchgestrichen')
    expect(screen.queryByRole('button', { name: 'Punkt geben für: Jobmesse' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Punkt geben für: Kita-Plätze' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Punkt zurücknehmen von: Jobmesse' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Punkt geben für: Sprachcafé' })).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Punkt zurücknehmen von: Kita-Plätze' })))
    expect(send).toHaveBeenCalledWith('vote:cast', expect.objectContaining({ cardId: 'card-1', delta: -1 }))
  })

  it('says a tap made offline waits for the connection', () => {
    renderPhone()
    expect(screen.queryByText(/^Offline/)).toBeNull()
    act(() => useTischStore.setState({ controlStatus: 'offline' }))
    expect(screen.getByText('Offline – dein Punkt wird vergeben, sobald die Verbindung zurück ist.')).toBeTruthy()
    act(() => useTischStore.setState({ controlStatus: 'online' }))
    expect(screen.queryByText(/^Offline/)).toBeNull()
  })
})
