import { useTischStore } from '../../store/index.js'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Ack, INITIAL_ROUND_STATE, fail } from '@tischrunde/shared'
import { aTreeDay, anEvent } from '../../../../fixtures/src/builders.js'
import { setLanguage } from '../../i18n/index.js'
import '../../i18n/console-wording.js'
import { ROOM_MOVE_SETTLE_MS, RoundControls } from './RoundControls.js'

/** Renders the console's running order; every command is answered with `answer`. */
function controls(answer: Ack) {
  const send = vi.fn(async () => answer)
  render(<RoundControls event={anEvent()} round={INITIAL_ROUND_STATE} send={send} />)
  return send
}

const startButton = () => screen.getAllByRole('button')[0]!

afterEach(async () => {
  await act(() => setLanguage('de'))
})

describe('round controls', () => {
  it('words a stale command in German by default, never with the server’s text', async () => {
    const send = controls({ ...fail('STALE_VERSION'), message: 'version 3 named, 4 current' })
    fireEvent.click(startButton())
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 0 })
    expect(await screen.findByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab. Der neue Stand wird jetzt angezeigt: bitte prüfen und bei Bedarf noch einmal auslösen.')).toBeTruthy()
    expect(screen.queryByText(/version 3/)).toBeNull()
  })

  it('words a stale command in English on an English console', async () => {
    await act(() => setLanguage('en'))
    controls(fail('STALE_VERSION'))
    fireEvent.click(startButton())
    expect(await screen.findByText('This was just changed – perhaps in another tab. The new state is shown now: check it and try again if still needed.')).toBeTruthy()
  })

  it('names the round rule that refused a command, in the console’s language', async () => {
    await act(() => setLanguage('en'))
    controls(fail('NOT_NOW', { reason: 'ALREADY_CLOSED' }))
    fireEvent.click(startButton())
    expect(await screen.findByText('The event has already ended.')).toBeTruthy()
  })

  it('clears the message once a command goes through', async () => {
    const answers: Ack[] = [fail('STALE_VERSION'), { ok: true }]
    render(<RoundControls event={anEvent()} round={INITIAL_ROUND_STATE} send={async () => answers.shift()!} />)
    fireEvent.click(startButton())
    await screen.findByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab. Der neue Stand wird jetzt angezeigt: bitte prüfen und bei Bedarf noch einmal auslösen.')
    fireEvent.click(startButton())
    await vi.waitFor(() => expect(screen.queryByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab. Der neue Stand wird jetzt angezeigt: bitte prüfen und bei Bedarf noch einmal auslösen.')).toBeNull())
  })
})

describe('room-changing shortcuts and ending the event', () => {
  const station1 = { ...INITIAL_ROUND_STATE, phase: 'station' as const, version: 3, timer: { endsAt: Date.now() + 60_000, remainingMs: null, durationMs: 60_000 } }

  it('forgets a first press of N, and an open "beenden?", when another console moved the room meanwhile', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    const { rerender } = render(<RoundControls event={anEvent()} round={station1} send={send} />)
    fireEvent.keyDown(document.body, { key: 'n' })
    // Another console took "Weiter" meanwhile: this one's second N would skip Station 2.
    rerender(<RoundControls event={anEvent()} round={{ ...station1, stationIndex: 1, version: station1.version + 1 }} send={send} />)
    fireEvent.keyDown(document.body, { key: 'n' })
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByText('Noch einmal N drücken: Weiter: Station 3')).toBeTruthy()
  })

  it('acts on N only at the second press, and names what the second press does', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    render(<RoundControls event={anEvent()} round={station1} send={send} />)
    fireEvent.keyDown(document.body, { key: 'n' })
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByText('Noch einmal N drücken: Weiter: Station 2')).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'n' })
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 3 })
  })

  it('says to a screen reader what +5, −5 and "Weiter" after a pause did (the timer\'s digits are not read out)', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    const { rerender } = render(<RoundControls event={anEvent()} round={station1} send={send} />)
    const said = () => document.querySelector('.round-said[aria-live="polite"]')?.textContent ?? ''
    fireEvent.keyDown(document.body, { key: '+' })
    await vi.waitFor(() => expect(said()).toContain('5 Minuten mehr.'))
    fireEvent.keyDown(document.body, { key: '-' })
    await vi.waitFor(() => expect(said()).toContain('5 Minuten weniger.'))
    rerender(<RoundControls event={anEvent()} round={{ ...station1, paused: true }} send={send} />)
    fireEvent.keyDown(document.body, { key: 'p' })
    await vi.waitFor(() => expect(said()).toContain('Die Zeit läuft weiter.'))
    expect(send).toHaveBeenCalledWith('round:resume', { expectedVersion: 3 })
  })

  it('takes N from a checkbox just ticked, but never from a text field', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    render(
      <>
        <input type="checkbox" aria-label="Freigabe nötig" />
        <input type="text" aria-label="Titel der Station" />
        <RoundControls event={anEvent()} round={station1} send={send} />
      </>,
    )
    const text = screen.getByRole('textbox', { name: 'Titel der Station' })
    fireEvent.keyDown(text, { key: 'n' })
    fireEvent.keyDown(text, { key: 'n' })
    expect(send).not.toHaveBeenCalled()
    // A walk's facilitator ticked "Freigabe nötig" with Space and pressed N, N: nothing happened.
    const box = screen.getByRole('checkbox', { name: 'Freigabe nötig' })
    fireEvent.keyDown(box, { key: 'n' })
    fireEvent.keyDown(box, { key: 'n' })
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 3 })
  })

  it('takes "Weiter" once when it is activated twice in a row (Enter pressed twice on the focused button), and again after a moment; going back stays open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
      const { rerender } = render(<RoundControls event={anEvent()} round={station1} send={send} />)
      fireEvent.click(screen.getByRole('button', { name: 'Weiter: Station 2' }))
      await act(async () => {})
      expect(send).toHaveBeenCalledTimes(1)
      // The server moved the room: the same button now names the step after, and waits a moment.
      const station2 = { ...station1, stationIndex: 1, version: 4 }
      rerender(<RoundControls event={anEvent()} round={station2} send={send} />)
      const next = screen.getByRole('button', { name: 'Weiter: Station 3' })
      expect(next.getAttribute('aria-disabled')).toBe('true')
      fireEvent.click(next)
      await act(async () => {})
      expect(send).toHaveBeenCalledTimes(1)
      act(() => vi.advanceTimersByTime(ROOM_MOVE_SETTLE_MS))
      expect(next.getAttribute('aria-disabled')).toBeNull()
      fireEvent.click(next)
      await act(async () => {})
      expect(send).toHaveBeenLastCalledWith('round:advance', { expectedVersion: 4 })
      // Right after a step on, the step back (an undo) is taken at once.
      fireEvent.click(screen.getByRole('button', { name: 'Einen Schritt zurück' }))
      await act(async () => {})
      expect(send).toHaveBeenLastCalledWith('round:back', { expectedVersion: 4 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('puts the focus on the station line when "Station jetzt starten" goes away, not on the minutes field (a second Enter there set the timer)', async () => {
    const now = Date.now()
    const changing = { ...station1, timer: { endsAt: now + 1_300_000, remainingMs: null, durationMs: 1_200_000, startsAt: now + 100_000 } }
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    render(<RoundControls event={anEvent()} round={changing} send={send} />)
    const start = screen.getByRole('button', { name: 'Station jetzt starten' })
    start.focus()
    fireEvent.click(start)
    expect(send).toHaveBeenCalledWith('timer:start', { expectedVersion: 3 })
    expect(document.activeElement?.textContent).toMatch(/^Wechsel/)
    expect(document.activeElement).not.toBe(screen.getByLabelText('Auf Minuten setzen'))
  })

  it('forgets a first press of B after a pause, and a press of another key in between', () => {
    vi.useFakeTimers()
    try {
      const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
      render(<RoundControls event={anEvent()} round={station1} send={send} />)
      fireEvent.keyDown(document.body, { key: 'b' })
      act(() => vi.advanceTimersByTime(3500))
      fireEvent.keyDown(document.body, { key: 'b' })
      fireEvent.keyDown(document.body, { key: 'n' })
      fireEvent.keyDown(document.body, { key: 'b' })
      expect(send).not.toHaveBeenCalledWith('round:back', expect.anything())
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks before ending the event, and ends it only on "Ja, beenden"', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    render(<RoundControls event={anEvent()} round={{ ...INITIAL_ROUND_STATE, phase: 'review', version: 9 }} send={send} />)
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    expect(send).not.toHaveBeenCalled()
    const dialog = screen.getByRole('alertdialog', { name: 'Veranstaltung wirklich beenden?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    fireEvent.click(screen.getByRole('button', { name: 'Ja, beenden' }))
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 9 })
  })
})

describe('ending a day with cards still held back', () => {
  it('says how many wait for approval and how many collected ones are not revealed, in the question', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    const askWaiting = vi.fn(async () => ({ tables: [{ tableId: 'tisch-1', pending: 3, collected: 0 }, { tableId: 'tisch-2', pending: 0, collected: 1 }] }))
    render(<RoundControls event={anEvent()} round={{ ...INITIAL_ROUND_STATE, phase: 'review', version: 9 }} send={send} askWaiting={askWaiting} />)
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Veranstaltung wirklich beenden?' })
    await within(dialog).findByText('Noch nicht in den Ergebnissen: 3 Karten warten auf Freigabe, 1 gesammelte Karte ist nicht aufgedeckt. Sie bleiben zurückgehalten, bis sie freigegeben oder aufgedeckt werden – auch nach dem Ende.')
    expect(dialog.getAttribute('aria-describedby')).toBe('end-warning end-text')
    expect(askWaiting).toHaveBeenCalledTimes(1)
  })

  it('speaks of one card held back in the singular', async () => {
    const askWaiting = vi.fn(async () => ({ tables: [{ tableId: 'tisch-1', pending: 1, collected: 0 }] }))
    render(<RoundControls event={anEvent()} round={{ ...INITIAL_ROUND_STATE, phase: 'review', version: 9 }} send={vi.fn()} askWaiting={askWaiting} />)
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Veranstaltung wirklich beenden?' })
    await within(dialog).findByText('Noch nicht in den Ergebnissen: 1 Karte wartet auf Freigabe. Sie bleibt zurückgehalten, bis sie freigegeben oder aufgedeckt wird – auch nach dem Ende.')
  })

  it('asks as before when nothing is held back', async () => {
    const askWaiting = vi.fn(async () => ({ tables: [] }))
    render(<RoundControls event={anEvent()} round={{ ...INITIAL_ROUND_STATE, phase: 'review', version: 9 }} send={vi.fn()} askWaiting={askWaiting} />)
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    await act(async () => {})
    expect(screen.queryByText(/Noch nicht in den Ergebnissen/)).toBeNull()
    expect(screen.getByRole('alertdialog').getAttribute('aria-describedby')).toBe('end-text')
  })
})

describe('on a day of trees', () => {
  it('speaks of the break before the next tree and of locking input, not of changing tables and stations', () => {
    const treeDay = aTreeDay()
    const now = Date.now()
    const moving = { ...INITIAL_ROUND_STATE, phase: 'station' as const, stationIndex: 1, version: 5, timer: { endsAt: now + 3_700_000, remainingMs: null, durationMs: 3_600_000, startsAt: now + 100_000 } }
    // The bar's timer reads the round from the store, as on the console.
    useTischStore.setState({ event: treeDay, round: moving })
    const { unmount } = render(<RoundControls event={treeDay} round={moving} send={vi.fn()} />)
    expect(screen.getByRole('timer')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toMatch(/^Übergang: noch 1:4\d/)
    expect(screen.getByRole('button', { name: 'Jetzt beginnen' })).toBeTruthy()
    // The bar's timer says the changeover no second time: its line above does, with the button.
    expect(screen.getAllByText(/Übergang/).map((el) => el.textContent)).toEqual([expect.stringMatching(/^Übergang zu /), expect.stringMatching(/^Übergang: noch/)])
    expect(screen.getByRole('button', { name: 'Eingaben sperren' })).toBeTruthy()
    // After the solution tree the day closes the trees; there are no café results to review.
    expect(screen.getByRole('button', { name: 'Weiter: Bäume abschließen' })).toBeTruthy()
    expect(screen.queryByText(/Wechsel|Station|Sichtung/)).toBeNull()
    unmount()
    useTischStore.setState({ event: null, round: null })
    // The café keeps its words.
    render(<RoundControls event={anEvent()} round={moving} send={vi.fn()} />)
    expect(screen.getByRole('status').textContent).toMatch(/^Wechselzeit: noch/)
    expect(screen.getByRole('button', { name: 'Station sperren' })).toBeTruthy()
  })

  it('asks before "Weiter" ends a phase with its time still running, and takes it only on the yes; N, asked by its second press, and a phase whose time ran out go on at once', async () => {
    const treeDay = aTreeDay()
    const morning = { ...INITIAL_ROUND_STATE, phase: 'station' as const, stationIndex: 0, version: 4, timer: { endsAt: Date.now() + 90 * 60_000, remainingMs: null, durationMs: 90 * 60_000 } }
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true }))
    const { rerender } = render(<RoundControls event={treeDay} round={morning} send={send} />)
    fireEvent.click(screen.getByRole('button', { name: 'Weiter: Lösungsbaum' }))
    expect(send).not.toHaveBeenCalled()
    const dialog = screen.getByRole('alertdialog', { name: '„Problembaum“ schon beenden?' })
    expect(dialog.textContent).toContain('Es sind noch 90 Minuten eingeplant.')
    // A further Enter (the one too many that asked) keeps the morning: "Abbrechen" has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(send).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Weiter: Lösungsbaum' }))
    fireEvent.click(screen.getByRole('button', { name: 'Ja – Weiter: Lösungsbaum' }))
    await act(async () => {})
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 4 })
    send.mockClear()
    // N twice is the question already.
    rerender(<RoundControls event={treeDay} round={{ ...morning, version: 6 }} send={send} />)
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, ROOM_MOVE_SETTLE_MS + 50))))
    fireEvent.keyDown(document.body, { key: 'n' })
    fireEvent.keyDown(document.body, { key: 'n' })
    await act(async () => {})
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 6 })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    send.mockClear()
    // The morning's time is up: the button goes on without asking.
    rerender(<RoundControls event={treeDay} round={{ ...morning, version: 8, timer: { endsAt: Date.now() + 20_000, remainingMs: null, durationMs: 90 * 60_000 } }} send={send} />)
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, ROOM_MOVE_SETTLE_MS + 50))))
    fireEvent.click(screen.getByRole('button', { name: 'Weiter: Lösungsbaum' }))
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 8 })
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})
