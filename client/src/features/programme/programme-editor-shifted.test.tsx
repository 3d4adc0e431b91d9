import { programmeSchema, shiftRestOfDay } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import '../../i18n/programme-wording.js'
import { useTischStore } from '../../store/index.js'
import { ProgrammeEditor } from './ProgrammeEditor.js'

afterEach(cleanup)

const day = programmeSchema.parse({
  date: '2018-06-19',
  items: [
    { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [{ id: 'w1', number: 1, title: 'Eins' }] },
    { id: 'phase-2', kind: 'work-phase', title: 'Arbeitsphase II', start: '14:00', end: '15:45', workshops: [{ id: 'w6', number: 6, title: 'Sechs' }] },
  ],
})

describe('the programme editor on a day that was shifted', () => {
  it('shows the times in force (the shift folded in) and saves them without shifting them again', async () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    // "Rest des Tages verschieben" +15 at 11:25: phones show 11:45–13:15 and 14:15–16:00.
    const shifted = shiftRestOfDay(day, 11 * 60 + 25, 15)
    const onSave = vi.fn(() => Promise.resolve(true))
    render(<ProgrammeEditor initial={shifted} onSave={onSave} />)
    expect(screen.getByText(/Der Tag wurde verschoben: Hier stehen die Zeiten, die jetzt gelten/)).toBeTruthy()
    const starts = (screen.getAllByLabelText('Beginn') as HTMLInputElement[]).map((i) => i.value)
    expect(starts).toEqual(['11:45', '14:15'])
    fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' }))
    await screen.findByRole('button', { name: 'Programm speichern' })
    const saved = (onSave.mock.calls[0] as unknown as [typeof day])[0]
    expect(saved.shifts).toEqual([])
    expect(saved.items.map((i) => `${i.start}–${i.end}`)).toEqual(['11:45–13:15', '14:15–16:00'])
  })

  it('does not save and publish the day on Enter in a field, and selects a new workshop’s title for typing over', async () => {
    useTischStore.setState({ event: anEvent({ date: '2018-06-19' }) })
    const onSave = vi.fn(() => Promise.resolve(true))
    render(<ProgrammeEditor initial={day} onSave={onSave} />)
    const title = screen.getAllByLabelText('Titel')[0] as HTMLInputElement
    // Its default (the browser's implicit submit) is prevented.
    expect(fireEvent.keyDown(title, { key: 'Enter' })).toBe(false)
    expect(onSave).not.toHaveBeenCalled()
    fireEvent.click(screen.getAllByRole('button', { name: /Workshop hinzufügen/ })[0]!)
    const added = document.activeElement as HTMLInputElement
    expect(added.name).toBe('items.0.workshops.1.title')
    expect(added.value.slice(added.selectionStart ?? 0, added.selectionEnd ?? 0)).toBe(added.value)
  })
})
