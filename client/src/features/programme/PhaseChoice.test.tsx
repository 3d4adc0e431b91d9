import { programmeItemSchema } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../i18n/programme-wording.js'
import { PhaseChoice } from './PhaseChoice.js'

const phase = programmeItemSchema.parse({
  id: 'arbeitsphase-1',
  kind: 'work-phase',
  title: 'Arbeitsphase I',
  start: '10:00',
  end: '11:30',
  workshops: [
    { id: 'ws-1', number: 1, title: 'Sprache und Bildung', capacity: 2 },
    { id: 'ws-2', number: 2, title: 'Arbeit und Ausbildung', capacity: 25 },
  ],
})
const counts = new Map([
  ['ws-1', 2],
  ['ws-2', 3],
])
const workshop = (number: number) => document.querySelector<HTMLElement>(`[data-workshop="${number}"]`)!

afterEach(cleanup)

describe('a full workshop on the phone', () => {
  it('cannot be chosen: its button is off and says why, also to a screen reader', () => {
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    const full = within(workshop(1)).getByRole('button')
    expect((full as HTMLButtonElement).disabled).toBe(true)
    expect(full.textContent).toBe('Ausgebucht')
    // Its name says which workshop, to a screen reader going from button to button (the text it shows first).
    expect(full.getAttribute('aria-label')).toMatch(/^Ausgebucht: Workshop 1, \S/)
    expect(full.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(full.getAttribute('aria-describedby')!)?.textContent).toBe('Workshop 1 ist ausgebucht, alle Plätze sind vergeben.')
    expect(within(workshop(1)).queryByRole('button', { name: /Workshop 1 wählen/ })).toBeNull()
    // Said by the button and its reason, not a third time by a badge beside the seats.
    expect(workshop(1).textContent!.match(/ausgebucht/gi)).toHaveLength(2)
    const open = within(workshop(2)).getByRole('button', { name: /Workshop 2 wählen/ })
    expect((open as HTMLButtonElement).disabled).toBe(false)
  })

  it('still shows a person booked there their booking, and lets them take it back', () => {
    render(<PhaseChoice phase={phase} chosen="ws-1" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.getByText(/Deine Wahl: Workshop 1/)).toBeTruthy()
    const mine = within(workshop(1)).getByRole('button', { name: /^Wahl zurücknehmen: Workshop 1, / })
    expect((mine as HTMLButtonElement).disabled).toBe(false)
    expect(within(workshop(1)).queryByText('Ausgebucht')).toBeNull()
  })
})

describe('a workshop the organiser closed, on the phone', () => {
  it('shows no dark “wählen” button but a disabled one that says it is closed, and why', () => {
    const closed = programmeItemSchema.parse({ ...phase, workshops: [{ ...phase.workshops[1]!, closed: true }] })
    render(<PhaseChoice phase={closed} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    const button = within(workshop(2)).getByRole('button')
    expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(button.textContent).toBe('Geschlossen')
    expect(button.className).not.toContain('primary')
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('Workshop 2 ist geschlossen, die Moderation nimmt keine Anmeldungen mehr an.')
  })
})

describe('a refusal when no workshop of the phase has seats left', () => {
  it('promises no seats (a phone that chose before it heard of the closing)', () => {
    const feedback = { phaseId: phase.id, number: 1, answer: { booked: false as const, reason: 'CLOSED' as const, alternatives: [], mine: { choices: {} } } }
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={feedback as never} onChoose={() => {}} />)
    const text = screen.getByRole('alert').textContent
    expect(text).toContain('Für Workshop 1 nimmt die Moderation keine Anmeldungen mehr an.')
    expect(text).toContain('In dieser Arbeitsphase hat kein anderer Workshop mehr freie Plätze.')
    expect(text).not.toContain('noch Plätze')
  })

  it('stands at the workshop tapped, where the person is (above the list it was far out of view)', () => {
    const feedback = { phaseId: phase.id, number: 1, answer: { booked: false as const, reason: 'FULL' as const, alternatives: ['ws-2'], mine: { choices: {} } } }
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={feedback as never} onChoose={() => {}} />)
    const refusal = within(workshop(1)).getByRole('alert')
    expect(refusal.textContent).toContain('Workshop 1')
    expect(within(refusal).getByRole('button', { name: 'Workshop 2 wählen: Arbeit und Ausbildung' })).toBeTruthy()
  })
})

describe('a choice the organiser made (moved or placed the person)', () => {
  it('is said so, with the room, and the phone asks nobody placed there to reconsider', () => {
    const busy = programmeItemSchema.parse({ ...phase, workshops: [{ ...phase.workshops[0]!, room: '2.01', capacity: 2 }, phase.workshops[1]] })
    render(<PhaseChoice phase={busy} chosen="ws-1" placed counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.getByRole('status').textContent).toBe('Die Moderation hat dich in Workshop 1 eingetragen, Raum 2.01. Bitte geh dorthin.')
    expect(screen.queryByTestId('programme-hint')).toBeNull()
    cleanup()
    // Chosen by the person, past its threshold: the hint, at the workshop.
    render(<PhaseChoice phase={busy} chosen="ws-1" counts={new Map([['ws-1', 2], ['ws-2', 3]])} busy={false} feedback={null} onChoose={() => {}} />)
    expect(within(workshop(1)).queryByTestId('programme-hint')).toBeTruthy()
  })
})

describe('a work phase that is over', () => {
  it('keeps its choice and offers nothing to choose or take back', () => {
    render(<PhaseChoice phase={phase} chosen="ws-2" counts={counts} busy={false} feedback={null} onChoose={() => {}} over="phase" />)
    expect(screen.getByText(/Workshop 2: Arbeit und Ausbildung/).textContent).toContain('Diese Arbeitsphase ist vorbei. Die Anmeldungen bleiben, wie sie waren.')
    expect(screen.queryAllByRole('button')).toEqual([])
  })

  it('after "Veranstaltung beenden" says the day has ended, and offers nothing either', () => {
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} over="day" />)
    expect(screen.getByText('Die Veranstaltung ist beendet. Anmeldungen und Änderungen sind nicht mehr möglich.')).toBeTruthy()
    expect(screen.queryAllByRole('button')).toEqual([])
  })
})

describe('giving back a seat in a full workshop', () => {
  it('asks first, and keeps the seat when the person says no', () => {
    const chosen: (string | null)[] = []
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    vi.stubGlobal('confirm', confirm)
    render(<PhaseChoice phase={phase} chosen="ws-1" counts={counts} busy={false} feedback={null} onChoose={(w) => chosen.push(w?.id ?? null)} />)
    fireEvent.click(within(workshop(1)).getByRole('button', { name: /^Wahl zurücknehmen: Workshop 1, / }))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Workshop 1 ist ausgebucht'))
    expect(chosen).toEqual([])
    fireEvent.click(within(workshop(1)).getByRole('button', { name: /^Wahl zurücknehmen: Workshop 1, / }))
    expect(chosen).toEqual([null])
    vi.unstubAllGlobals()
  })
})

describe('a phone without a choice in a phase that fills up', () => {
  it('sees where seats are left, and chooses one from there', () => {
    const onChoose = vi.fn()
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={onChoose} />)
    const open = document.querySelector<HTMLElement>('.programme-open-seats')!
    expect(within(open).getByText('Hier ist noch Platz, zum Beispiel:')).toBeTruthy()
    expect(within(open).queryByRole('button', { name: /Sprache und Bildung/ })).toBeNull()
    fireEvent.click(within(open).getByRole('button', { name: 'Workshop 2 wählen: Arbeit und Ausbildung' }))
    expect(onChoose).toHaveBeenCalledWith(phase.workshops[1])
  })

  it('is told when every workshop is taken, and sees no such list while all have seats or once it has chosen', () => {
    render(<PhaseChoice phase={phase} chosen={null} counts={new Map([['ws-1', 2], ['ws-2', 25]])} busy={false} feedback={null} onChoose={() => {}} />)
    expect(document.querySelector('.programme-open-seats')!.textContent).toBe('In dieser Arbeitsphase sind alle Workshops ausgebucht oder geschlossen.')
    cleanup()
    render(<PhaseChoice phase={phase} chosen={null} counts={new Map([['ws-1', 0], ['ws-2', 3]])} busy={false} feedback={null} onChoose={() => {}} />)
    expect(document.querySelector('.programme-open-seats')).toBeNull()
    cleanup()
    render(<PhaseChoice phase={phase} chosen="ws-2" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(document.querySelector('.programme-open-seats')).toBeNull()
  })
})

describe('leaving a full workshop for another', () => {
  /** The browser's confirmation, answered by `answers` in turn; the questions asked. */
  const confirming = (...answers: boolean[]) => {
    const asked: string[] = []
    const before = window.confirm
    window.confirm = (question?: string) => (asked.push(String(question)), answers.shift() ?? false)
    return { asked, restore: () => void (window.confirm = before) }
  }

  it('asks first, as giving the seat back does: the seat is gone for good', () => {
    const onChoose = vi.fn()
    const confirm = confirming(false, true)
    try {
      render(<PhaseChoice phase={phase} chosen="ws-1" counts={counts} busy={false} feedback={null} onChoose={onChoose} />)
      const other = within(workshop(2)).getByRole('button', { name: /Workshop 2 wählen/ })
      fireEvent.click(other)
      expect(confirm.asked).toEqual(['Workshop 1 ist ausgebucht: Dein Platz dort geht an die Nächsten – ob später wieder einer frei wird, ist offen. Wirklich zu Workshop 2 wechseln?'])
      expect(onChoose).not.toHaveBeenCalled()
      fireEvent.click(other)
      expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: 'ws-2' }))
    } finally {
      confirm.restore()
    }
  })

  it('does not ask when the workshop left has seats to spare', () => {
    const onChoose = vi.fn()
    const confirm = confirming()
    try {
      render(<PhaseChoice phase={phase} chosen="ws-2" counts={new Map([['ws-1', 1], ['ws-2', 3]])} busy={false} feedback={null} onChoose={onChoose} />)
      fireEvent.click(within(workshop(1)).getByRole('button', { name: /Workshop 1 wählen/ }))
      expect(confirm.asked).toEqual([])
      expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: 'ws-1' }))
    } finally {
      confirm.restore()
    }
  })

  it('says so when the chosen workshop was taken out of the programme, and offers the others', () => {
    render(<PhaseChoice phase={phase} chosen="ws-removed" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.getByRole('status').textContent).toBe('Dein Workshop wurde aus dem Programm genommen. Bitte wähle neu.')
    expect(within(workshop(2)).getByRole('button', { name: /Workshop 2 wählen/ })).toBeTruthy()
  })

  it('says so too when the server dropped the choice with the workshop (it arrives as no choice), until the person chooses again', () => {
    const withRemoved = { ...phase, workshops: [...phase.workshops, { ...phase.workshops[0]!, id: 'ws-9', number: 9, title: 'Neun' }] }
    const { rerender } = render(<PhaseChoice phase={withRemoved} chosen="ws-9" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.queryByText(/aus dem Programm genommen/)).toBeNull()
    // The organiser removed Workshop 9: the programme comes without it, the choice as none.
    rerender(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.getByText('Dein Workshop wurde aus dem Programm genommen. Bitte wähle neu.')).toBeTruthy()
    rerender(<PhaseChoice phase={phase} chosen="ws-2" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.queryByText(/aus dem Programm genommen/)).toBeNull()
    // Taking a choice back oneself says nothing of the kind.
    rerender(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.queryByText(/aus dem Programm genommen/)).toBeNull()
  })

  it('says so also when the choice arrives as none before the programme without the workshop', () => {
    const withRemoved = { ...phase, workshops: [...phase.workshops, { ...phase.workshops[0]!, id: 'ws-9', number: 9, title: 'Neun' }] }
    const { rerender } = render(<PhaseChoice phase={withRemoved} chosen="ws-9" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    rerender(<PhaseChoice phase={withRemoved} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    rerender(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.getByText('Dein Workshop wurde aus dem Programm genommen. Bitte wähle neu.')).toBeTruthy()
  })

  it('says nothing of the kind after the person took the choice back here, and the workshop goes later', () => {
    const withRemoved = { ...phase, workshops: [...phase.workshops, { ...phase.workshops[0]!, id: 'ws-9', number: 9, title: 'Neun' }] }
    const { rerender } = render(<PhaseChoice phase={withRemoved} chosen="ws-9" counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: /Wahl zurücknehmen|zurücknehmen/ }))
    rerender(<PhaseChoice phase={withRemoved} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    rerender(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={null} onChoose={() => {}} />)
    expect(screen.queryByText(/aus dem Programm genommen/)).toBeNull()
  })

  it('says why a choice was refused when the server said it, and asks to try again only without a reason', () => {
    const { unmount } = render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={{ phaseId: phase.id, error: true, message: 'Etwas zu schnell – bitte einen Moment warten.' }} onChoose={() => {}} />)
    expect(screen.getByRole('alert').textContent).toBe('Etwas zu schnell – bitte einen Moment warten.')
    unmount()
    render(<PhaseChoice phase={phase} chosen={null} counts={counts} busy={false} feedback={{ phaseId: phase.id, error: true }} onChoose={() => {}} />)
    expect(screen.getByRole('alert').textContent).toBe('Das hat nicht geklappt. Bitte versuche es noch einmal.')
  })
})
