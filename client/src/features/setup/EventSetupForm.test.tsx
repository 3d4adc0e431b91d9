import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Ack, EventSetup } from '@tischrunde/shared'
import { aTreeDay, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { EventSetupForm } from './EventSetupForm.js'

const saved = (): Ack => ({ ok: true })
const setup = () => {
  const onSave = vi.fn<(setup: EventSetup) => Promise<Ack>>(async () => saved())
  return onSave
}
const tableRow = (n: number) => screen.getByRole('group', { name: new RegExp(`^Thementisch ${n} `) })
const tableName = (n: number) => within(tableRow(n)).getByLabelText('Name des Thementisches')
const saveButton = () => screen.getByRole('button', { name: 'Änderungen speichern' })
const sentSetup = (onSave: ReturnType<typeof setup>) => onSave.mock.calls[0]![0]

describe('the event setup form', () => {
  it('shows the agenda of a day with a programme read-only, saying where it is changed (a change there was thrown away after "Gespeichert.")', () => {
    useTischStore.setState({ programmeStored: true })
    try {
      const event = anEvent({ agenda: [{ time: '09:30', title: 'Begrüßung', detail: 'Saal' }] })
      render(<EventSetupForm event={event} started={false} onSave={setup()} />)
      const agenda = screen.getByRole('region', { name: 'Tagesprogramm' })
      expect(within(agenda).getByText('Begrüßung')).toBeTruthy()
      expect(within(agenda).getByText(/unter „Programm bearbeiten“/)).toBeTruthy()
      expect(within(agenda).queryAllByRole('textbox')).toHaveLength(0)
      expect(within(agenda).queryAllByRole('button')).toHaveLength(0)
    } finally {
      useTischStore.setState({ programmeStored: false })
    }
  })

  it('saves a renamed table under its old id', async () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    fireEvent.change(tableName(2), { target: { value: 'Sprache und Bildung' } })
    fireEvent.click(saveButton())
    expect(await screen.findByText('Gespeichert.')).toBeTruthy()
    expect(sentSetup(onSave).tables[1]).toEqual({ id: 'tisch-2', name: 'Sprache und Bildung', host: '' })
  })

  it('shows a missing table name at that field and does not save', () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    fireEvent.change(tableName(3), { target: { value: '  ' } })
    fireEvent.click(saveButton())
    const input = tableName(3)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const message = document.getElementById(input.getAttribute('aria-describedby')!)
    expect(message?.textContent).toBe('Bitte einen Namen für den Thementisch angeben.')
    expect(tableName(2).getAttribute('aria-invalid')).toBeNull()
    expect(screen.getByRole('alert').textContent).toBe('Nicht gespeichert: Bitte die markierten Angaben prüfen.')
    expect(document.activeElement).toBe(input)
    expect(onSave).not.toHaveBeenCalled()
  })

  it('checks a field when it is left and clears the message once it is fixed', () => {
    render(<EventSetupForm event={anEvent()} started={false} onSave={setup()} />)
    const title = screen.getByLabelText('Titel der Veranstaltung')
    fireEvent.change(title, { target: { value: '' } })
    fireEvent.blur(title)
    expect(screen.getByText('Bitte einen Titel angeben.')).toBeTruthy()
    fireEvent.change(title, { target: { value: 'Regionalkonferenz' } })
    expect(screen.queryByText('Bitte einen Titel angeben.')).toBeNull()
  })

  it('removes a table only after „Ja“ and keeps it on „Abbrechen“', async () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    fireEvent.click(screen.getByRole('button', { name: '„Tisch 2“ entfernen' }))
    expect(screen.getByText('Wirklich entfernen? Seine Karten bleiben gespeichert, kommen aber nicht mehr in die Dokumentation. Wer dort sitzt, wählt einen anderen Tisch.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /^Abbrechen/ }))
    expect(screen.queryByText(/Wirklich entfernen/)).toBeNull()
    expect(tableName(2)).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '„Tisch 2“ entfernen' }))
    fireEvent.click(screen.getByRole('button', { name: /^Ja/ }))
    fireEvent.click(saveButton())
    await screen.findByText('Gespeichert.')
    expect(sentSetup(onSave).tables.map((x) => x.id)).toEqual(['tisch-1', 'tisch-3'])
  })

  it('adds a table with an id made from its name, unique against the existing ones', async () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent({ tableCount: 1 })} started={true} onSave={onSave} />)
    const name = screen.getByLabelText('Neuer Thementisch')
    fireEvent.change(name, { target: { value: 'Arbeit & Ausbildung' } })
    fireEvent.click(screen.getByRole('button', { name: '+ Thementisch hinzufügen' }))
    fireEvent.change(name, { target: { value: 'Tisch 1' } })
    fireEvent.keyDown(name, { key: 'Enter' })
    fireEvent.click(saveButton())
    await screen.findByText('Gespeichert.')
    expect(sentSetup(onSave).tables.map((x) => x.id)).toEqual(['tisch-1', 'arbeit-ausbildung', 'tisch-1-2'])
  })

  it('moves a table up with its button and keeps the focus on that button', async () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    const up = screen.getByRole('button', { name: '„Tisch 3“ nach oben verschieben' })
    up.focus()
    fireEvent.click(up)
    expect(document.activeElement?.getAttribute('aria-label')).toBe('„Tisch 3“ nach oben verschieben')
    fireEvent.click(saveButton())
    await screen.findByText('Gespeichert.')
    expect(sentSetup(onSave).tables.map((x) => x.id)).toEqual(['tisch-1', 'tisch-3', 'tisch-2'])
  })

  it('sorts the Tagesprogramm by time when saving', async () => {
    const onSave = setup()
    const agenda = [{ time: '13:30', title: 'Stationen', detail: '' }]
    render(<EventSetupForm event={anEvent({ agenda })} started={false} onSave={onSave} />)
    fireEvent.click(screen.getByRole('button', { name: '+ Programmpunkt hinzufügen' }))
    const row = screen.getByRole('group', { name: 'Programmpunkt 2' })
    fireEvent.change(within(row).getByLabelText('Uhrzeit'), { target: { value: '09:30' } })
    fireEvent.change(within(row).getByLabelText('Titel'), { target: { value: 'Begrüßung' } })
    fireEvent.change(within(row).getByLabelText(/^Details/), { target: { value: 'Landrat (Grußwort)' } })
    fireEvent.click(saveButton())
    await screen.findByText('Gespeichert.')
    expect(sentSetup(onSave).agenda.map((a) => `${a.time} ${a.title}`)).toEqual(['09:30 Begrüßung', '13:30 Stationen'])
  })

  it('offers adding and removing stations and columns before the start', () => {
    render(<EventSetupForm event={anEvent()} started={false} onSave={setup()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Spalte hinzufügen (Station 1)' }))
    const station = screen.getByRole('group', { name: 'Station 1' })
    expect(within(station).getByLabelText('Spalte 3')).toBeTruthy()
    expect(screen.getByRole('button', { name: '+ Station hinzufügen' })).toBeTruthy()
  })

  it('after the start offers only rewording of stations and columns, and says so', async () => {
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={true} onSave={onSave} />)
    expect(screen.queryByRole('button', { name: /Spalte hinzufügen/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /Spalte .* entfernen/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /Station hinzufügen/ })).toBeNull()
    expect(screen.getByText(/Die Stationen laufen bereits/)).toBeTruthy()
    const station = screen.getByRole('group', { name: 'Station 2' })
    fireEvent.change(within(station).getByLabelText('Spalte 1'), { target: { value: 'Unsere Ziele' } })
    fireEvent.click(saveButton())
    await screen.findByText('Gespeichert.')
    expect(sentSetup(onSave).template.stations[1]!.columns[0]).toEqual({ id: 'ziele', title: 'Unsere Ziele' })
  })

  it('shows a server refusal for the template in the Stationen section', async () => {
    const refusal: Ack = { ok: false, code: 'NOT_NOW', params: { reason: 'TEMPLATE_LOCKED' } }
    render(<EventSetupForm event={anEvent()} started={false} onSave={async () => refusal} />)
    fireEvent.click(saveButton())
    const message = await screen.findByText('Nach dem Start lassen sich Stationen und Spalten nur noch umbenennen.')
    const section = screen.getByRole('region', { name: 'Stationen' })
    expect(section.contains(message)).toBe(true)
    expect(section.getAttribute('aria-describedby')).toBe(message.id)
    expect(screen.getByRole('alert').textContent).toBe('Nicht gespeichert: Bitte die markierte Angabe prüfen.')
  })

  it('shows a server refusal at the field its path names, and one without a path at the top', async () => {
    const refusals: Ack[] = [
      { ok: false, code: 'INVALID_MESSAGE', params: { path: ['tables', 0, 'name'], issue: 'duplicate', value: 'Sprache' }, message: 'log text, never shown' },
      { ok: false, code: 'FORBIDDEN', params: { needs: 'facilitator' } },
    ]
    render(<EventSetupForm event={anEvent()} started={false} onSave={async () => refusals.shift()!} />)
    fireEvent.click(saveButton())
    await screen.findByText('„Sprache“ kommt doppelt vor.')
    expect(screen.queryByText('log text, never shown')).toBeNull()
    expect(tableName(1).getAttribute('aria-invalid')).toBe('true')
    fireEvent.click(saveButton())
    expect((await screen.findByRole('alert')).textContent).toBe('Das darf nur die Moderation.')
    expect(tableName(1).getAttribute('aria-invalid')).toBeNull()
  })

  it('marks unsaved changes and disables saving while the server answers', async () => {
    let answer: (ack: Ack) => void = () => {}
    const onSave = vi.fn(() => new Promise<Ack>((resolve) => (answer = resolve)))
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    expect(screen.queryByText('Ungespeicherte Änderungen')).toBeNull()
    fireEvent.change(screen.getByLabelText('Ort'), { target: { value: 'Hermann-Schwab-Halle' } })
    expect(screen.getByText('Ungespeicherte Änderungen')).toBeTruthy()
    fireEvent.click(saveButton())
    const busy = screen.getByRole('button', { name: 'Wird gespeichert …' }) as HTMLButtonElement
    expect(busy.disabled).toBe(true)
    answer({ ok: true })
    expect(await screen.findByText('Gespeichert.')).toBeTruthy()
    expect(screen.queryByText('Ungespeicherte Änderungen')).toBeNull()
    expect((saveButton() as HTMLButtonElement).disabled).toBe(false)
  })

  it('takes over a change from the server while nothing is unsaved', () => {
    const { rerender } = render(<EventSetupForm event={anEvent()} started={false} onSave={setup()} />)
    rerender(<EventSetupForm event={anEvent({ title: 'Regionalkonferenz Winnenden' })} started={false} onSave={setup()} />)
    expect((screen.getByLabelText('Titel der Veranstaltung') as HTMLInputElement).value).toBe('Regionalkonferenz Winnenden')
    expect(screen.queryByText('Ungespeicherte Änderungen')).toBeNull()
  })

  it('keeps unsaved changes when someone else saves, takes theirs where it changed nothing, and says so only where both changed', () => {
    const { rerender } = render(<EventSetupForm event={anEvent()} started={false} onSave={setup()} />)
    fireEvent.change(screen.getByLabelText('Ort'), { target: { value: 'Stadthalle' } })
    rerender(<EventSetupForm event={anEvent({ title: 'Regionalkonferenz Winnenden' })} started={false} onSave={setup()} />)
    expect((screen.getByLabelText('Ort') as HTMLInputElement).value).toBe('Stadthalle')
    expect((screen.getByLabelText('Titel der Veranstaltung') as HTMLInputElement).value).toBe('Regionalkonferenz Winnenden')
    expect(screen.queryByText(/an anderer Stelle gespeichert/)).toBeNull()
    rerender(<EventSetupForm event={anEvent({ title: 'Regionalkonferenz Winnenden', place: 'Bürgerhaus' })} started={false} onSave={setup()} />)
    expect((screen.getByLabelText('Ort') as HTMLInputElement).value).toBe('Stadthalle')
    expect(screen.getByText(/an anderer Stelle gespeichert/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Änderungen verwerfen' }))
    expect((screen.getByLabelText('Ort') as HTMLInputElement).value).toBe('Bürgerhaus')
    expect((screen.getByLabelText('Titel der Veranstaltung') as HTMLInputElement).value).toBe('Regionalkonferenz Winnenden')
  })

  it('gives a table its own heading for a column, saved with that table only', async () => {
    const combined = 'Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?'
    const onSave = setup()
    render(<EventSetupForm event={anEvent()} started={false} onSave={onSave} />)
    // Named with its table: each row's button is heard apart from the others'.
    const open = within(tableRow(2)).getByRole('button', { name: /^Eigene Spaltenüberschriften für die Dokumentation \(0\): \S/ })
    const names = screen.getAllByRole('button', { name: /^Eigene Spaltenüberschriften/ }).map((b) => b.getAttribute('aria-label'))
    expect(new Set(names).size).toBe(names.length)
    expect(open.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(open)
    const field = () => within(tableRow(2)).getByLabelText('Station 2 – statt „Was sind unsere Ziele?“') as HTMLInputElement
    expect(field().value).toBe('')
    fireEvent.change(field(), { target: { value: combined } })
    fireEvent.click(saveButton())
    expect(await screen.findByText('Gespeichert.')).toBeTruthy()
    expect(sentSetup(onSave).tables[1]).toEqual({ id: 'tisch-2', name: 'Tisch 2', host: '', columnHeadings: [{ stationId: 'station-2', columnId: 'ziele', title: combined }] })
    expect(sentSetup(onSave).tables[0]).toEqual({ id: 'tisch-1', name: 'Tisch 1', host: '' })
  })

  it('shows a table\'s heading from the event and sends the table without it once it is emptied', async () => {
    const onSave = setup()
    const event = anEvent()
    event.tables[0] = { ...event.tables[0]!, columnHeadings: [{ stationId: 'station-3', columnId: 'wer-hilft', title: 'Behilfliche Akteur*innen' }] }
    render(<EventSetupForm event={event} started={false} onSave={onSave} />)
    const field = within(tableRow(1)).getByLabelText('Station 3 – statt „Wer kann helfen?“') as HTMLInputElement
    expect(field.value).toBe('Behilfliche Akteur*innen')
    fireEvent.change(field, { target: { value: '' } })
    fireEvent.click(saveButton())
    expect(await screen.findByText('Gespeichert.')).toBeTruthy()
    expect(JSON.parse(JSON.stringify(sentSetup(onSave).tables[0]))).toEqual({ id: 'tisch-1', name: 'Tisch 1', host: '' })
  })
})

describe('the setup of a day of trees', () => {
  it('has phases with a title and a prompt, and no theme tables, columns or stations to add', async () => {
    const onSave = setup()
    render(<EventSetupForm event={aTreeDay()} started={false} onSave={onSave} />)
    expect(screen.queryByRole('heading', { name: 'Thementische' })).toBeNull()
    expect(screen.getByRole('heading', { name: 'Phasen' })).toBeTruthy()
    expect(screen.queryByText('Spalten')).toBeNull()
    expect(screen.queryByRole('button', { name: /Station/ })).toBeNull()
    const second = screen.getByRole('group', { name: 'Phase 2' })
    fireEvent.change(within(second).getByLabelText('Titel der Phase'), { target: { value: 'Nachmittag: Lösungsbaum' } })
    fireEvent.click(saveButton())
    expect(await screen.findByText('Gespeichert.')).toBeTruthy()
    expect(sentSetup(onSave).template.stations.map((s) => [s.id, s.title])).toEqual([['problembaum', 'Problembaum'], ['loesungsbaum', 'Nachmittag: Lösungsbaum']])
    expect(sentSetup(onSave).tables).toEqual([])
  })
})

