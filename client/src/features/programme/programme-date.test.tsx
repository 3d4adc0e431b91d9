import { EMPTY_PROGRAMME } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import '../../i18n/programme-wording.js'
import { useTischStore } from '../../store/index.js'
import { ProgrammeEditor } from './ProgrammeEditor.js'

afterEach(cleanup)

describe('the day of a new programme', () => {
  it('is the event’s day; another day is pointed out', async () => {
    useTischStore.setState({ event: anEvent({ date: '2026-12-05' }) })
    render(<ProgrammeEditor initial={EMPTY_PROGRAMME} onSave={() => Promise.resolve(true)} />)
    const day = (await screen.findByLabelText('Tag der Veranstaltung')) as HTMLInputElement
    expect(day.value).toBe('2026-12-05')
    expect(screen.queryByText(/Achtung: Die Veranstaltung ist am/)).toBeNull()
    fireEvent.change(day, { target: { value: '2026-12-04' } })
    expect(screen.getByText('Achtung: Die Veranstaltung ist am 5. Dezember 2026. Handys, Beamer und Handzettel zeigen das Programm an dem Tag, der hier steht.')).toBeTruthy()
  })
})
