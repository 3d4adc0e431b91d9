import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WINNENDEN_TEMPLATE } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { addCard } from '../../sync/hooks.js'
import { AddCardForm } from './AddCardForm.js'

// The board's doc is not what these tests are about: a sent card goes nowhere.
vi.mock('../../sync/hooks.js', () => ({ addCard: vi.fn() }))

const station = WINNENDEN_TEMPLATE.stations[0]!

afterEach(() => sessionStorage.clear())

describe('the add-card form', () => {
  it('keeps what was typed across a reload of the page, per board and station', () => {
    const first = render(<AddCardForm docName="board.a.b" station={station} />)
    fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: 'Sprachkurse mit Kinderbetreuung' } })
    first.unmount()
    const again = render(<AddCardForm docName="board.a.b" station={station} />)
    expect((screen.getByLabelText('Deine Karte') as HTMLTextAreaElement).value).toBe('Sprachkurse mit Kinderbetreuung')
    again.unmount()
    // The phone moved on mid-sentence (the next station, another table): the next form takes the
    // text up and says so. The text follows the phone, one copy of it: sent there, it is gone everywhere.
    const other = render(<AddCardForm docName="board.a.c" station={station} />)
    expect((screen.getByLabelText('Deine Karte') as HTMLTextAreaElement).value).toBe('Sprachkurse mit Kinderbetreuung')
    expect(screen.getByRole('status').textContent).toContain('Dein angefangener Text von vorhin steht noch im Feld.')
    other.unmount()
    const back = render(<AddCardForm docName="board.a.b" station={station} />)
    expect((screen.getByLabelText('Deine Karte') as HTMLTextAreaElement).value).toBe('Sprachkurse mit Kinderbetreuung')
    fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: '' } })
    back.unmount()
    const emptied = render(<AddCardForm docName="board.a.c" station={station} />)
    expect((screen.getByLabelText('Deine Karte') as HTMLTextAreaElement).value).toBe('')
    emptied.unmount()
    // A board of another event starts empty.
    render(<AddCardForm docName="board.z.b" station={station} />)
    expect((screen.getByLabelText('Deine Karte') as HTMLTextAreaElement).value).toBe('')
  })

  it('counts down the characters left as you type', () => {
    render(<AddCardForm docName="board.a.b" station={station} />)
    expect(screen.getByText('noch 280 Zeichen')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: 'Kita' } })
    expect(screen.getByText('noch 276 Zeichen')).toBeTruthy()
  })

  it('refuses an empty card with a message at the field', () => {
    render(<AddCardForm docName="board.a.b" station={station} />)
    fireEvent.click(screen.getByRole('button', { name: 'Karte senden' }))
    expect(screen.getByRole('alert').textContent).toBe('Bitte einen Text eingeben.')
  })

  it('refuses a card over 280 characters and says by how much', () => {
    render(<AddCardForm docName="board.a.b" station={station} />)
    fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: 'x'.repeat(290) } })
    fireEvent.click(screen.getByRole('button', { name: 'Karte senden' }))
    expect(screen.getByRole('alert').textContent).toBe('10 Zeichen zu viel')
  })

  it('says "Karte hinzugefügt." for a moment, not through the stations after it', () => {
    vi.useFakeTimers()
    try {
      const view = render(<AddCardForm docName="board.a.b" station={station} />)
      fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: 'Sprachkurse mit Kinderbetreuung' } })
      fireEvent.click(screen.getByRole('button', { name: 'Karte senden' }))
      expect(screen.getByRole('status').textContent).toBe('Karte hinzugefügt.')
      act(() => void vi.advanceTimersByTime(10_000))
      expect(screen.queryByText('Karte hinzugefügt.')).toBeNull()
      fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: 'Noch eine Karte' } })
      fireEvent.click(screen.getByRole('button', { name: 'Karte senden' }))
      expect(screen.getByText('Karte hinzugefügt.')).toBeTruthy()
      view.rerender(<AddCardForm docName="board.a.b" station={WINNENDEN_TEMPLATE.stations[1]!} />)
      expect(screen.queryByText('Karte hinzugefügt.')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('offers one radio button per column of the station', () => {
    render(<AddCardForm docName="board.a.b" station={station} />)
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Was läuft gut?', 'Wo hakt es?'])
  })

  it('writes the name on the card only while the facilitator shows names (else it would reach every phone)', () => {
    const send = (text: string) => {
      fireEvent.change(screen.getByLabelText('Deine Karte'), { target: { value: text } })
      fireEvent.click(screen.getByRole('button', { name: 'Karte senden' }))
    }
    const sent = () => vi.mocked(addCard).mock.calls.at(-1)![1]
    useTischStore.setState({ event: { ...anEvent(), showNames: false } })
    const view = render(<AddCardForm docName="board.a.b" station={station} authorName="Anna" />)
    send('Patenschaften')
    expect(sent()).toMatchObject({ text: 'Patenschaften', authorName: undefined })
    act(() => useTischStore.setState({ event: { ...anEvent(), showNames: true } }))
    send('Sprachcafé')
    expect(sent()).toMatchObject({ text: 'Sprachcafé', authorName: 'Anna' })
    view.unmount()
  })
})
