import { programmeSchema } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import '../../i18n/programme-wording.js'
import { useTischStore } from '../../store/index.js'
import { ProgrammeEditor } from './ProgrammeEditor.js'

afterEach(cleanup)

const day = programmeSchema.parse({
  date: '2018-06-19',
  items: [
    { id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:00' },
    { id: 'phase-2', kind: 'work-phase', title: 'Arbeitsphase II', start: '14:00', end: '15:30', workshops: [{ id: 'w6', number: 6, title: 'Sechs' }] },
  ],
})

describe('a programme the editor cannot save', () => {
  it('says which item and field in the form’s words, marks the field and puts the focus there', async () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    let saved = 0
    render(<ProgrammeEditor initial={day} onSave={() => Promise.resolve(Boolean(++saved))} />)
    const ends = screen.getAllByLabelText('Ende') as HTMLInputElement[]
    fireEvent.change(ends[1]!, { target: { value: '13:30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('„Arbeitsphase II“ (14:00–13:30) › Ende: Das Ende muss nach dem Beginn liegen.')
    expect(ends[1]!.getAttribute('aria-invalid')).toBe('true')
    // The field names the problem as its description: a screen reader says it at the field.
    expect(document.getElementById(ends[1]!.getAttribute('aria-describedby') ?? '')).toBe(alert)
    expect(document.activeElement).toBe(ends[1])
    expect(saved).toBe(0)
    // Mended, the message goes at once (it named the old times until the next save), then it saves, and the mark goes.
    fireEvent.change(ends[1]!, { target: { value: '15:30' } })
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' }))
    await screen.findByRole('button', { name: 'Programm speichern' })
    expect(saved).toBe(1)
    expect(ends[1]!.getAttribute('aria-invalid')).toBeNull()
    expect(ends[1]!.getAttribute('aria-describedby')).toBeNull()
  })

  it('names a workshop’s field too', async () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    render(<ProgrammeEditor initial={day} onSave={() => Promise.resolve(true)} />)
    fireEvent.change(screen.getAllByLabelText('Titel')[2]!, { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^„Arbeitsphase II“ \(14:00–15:30\) › Workshop 6 › Titel: /)
  })

  it('does not save two work phases at the same time (a person could hold a seat in two rooms at once)', async () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    const withTwo = programmeSchema.parse({
      ...day,
      items: [...day.items, { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '14:30', workshops: [{ id: 'w1', number: 1, title: 'Eins' }] }],
    })
    let saved = 0
    render(<ProgrammeEditor initial={withTwo} onSave={() => Promise.resolve(Boolean(++saved))} />)
    fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      '„Arbeitsphase I (11:30–14:30)“ und „Arbeitsphase II (14:00–15:30)“ überschneiden sich: Wer in beiden einen Workshop wählt, wäre zur gleichen Zeit in zwei Räumen. Bitte die Zeiten anpassen.',
    )
    expect(saved).toBe(0)
    expect(document.activeElement?.getAttribute('name')).toMatch(/^items\.\d+\.start$/)
  })

  it('asks before it removes a workshop people chose, and says how many', () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    const asked: string[] = []
    const confirm = window.confirm
    window.confirm = (text?: string) => (asked.push(String(text)), false)
    try {
      render(<ProgrammeEditor initial={day} counts={{ w6: 2 }} onSave={() => Promise.resolve(true)} />)
      fireEvent.click(screen.getByRole('button', { name: 'Workshop entfernen: 6, Sechs' }))
      expect(asked).toEqual(['Für Workshop 6 haben sich 2 Personen angemeldet. Wird er entfernt, verlieren sie ihre Wahl und müssen neu wählen. Trotzdem entfernen?'])
      expect(screen.getByRole('button', { name: 'Workshop entfernen: 6, Sechs' })).toBeTruthy()
    } finally {
      window.confirm = confirm
    }
  })

  it('asks before it removes a work phase people chose in, and puts the focus into a workshop just added', () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    const asked: string[] = []
    const confirm = window.confirm
    window.confirm = (text?: string) => (asked.push(String(text)), false)
    try {
      render(<ProgrammeEditor initial={day} counts={{ w6: 1 }} onSave={() => Promise.resolve(true)} />)
      fireEvent.click(screen.getByRole('button', { name: 'Programmpunkt entfernen: Arbeitsphase II' }))
      expect(asked).toEqual(['In „Arbeitsphase II“ hat 1 Person einen Workshop gewählt. Wird der Programmpunkt entfernt, verliert sie ihre Wahl. Trotzdem entfernen?'])
      // A plenary without workshops goes without asking.
      fireEvent.click(screen.getByRole('button', { name: 'Programmpunkt entfernen: Begrüßung' }))
      expect(asked).toHaveLength(1)
      expect(screen.queryByRole('button', { name: 'Programmpunkt entfernen: Begrüßung' })).toBeNull()
      fireEvent.click(screen.getByRole('button', { name: 'Workshop hinzufügen' }))
      expect((document.activeElement as HTMLInputElement).name).toBe('items.0.workshops.1.title')
    } finally {
      window.confirm = confirm
    }
  })
})
