import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLanguage } from '../../../i18n/index.js'
import Landing from '../Landing.js'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** An open server (no admin key) that answers every create with an error; records the bodies sent. */
function server() {
  const bodies: unknown[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/instance') return json(200, { eventCreation: 'open' })
      bodies.push(JSON.parse(String(init?.body)))
      return json(500, { code: 'INTERNAL' })
    }),
  )
  return bodies
}

/** The start page with a title typed and the tree day chosen as the "Ablauf". */
function openTreeDayForm(title: string): void {
  render(<Landing />)
  fireEvent.change(screen.getByLabelText('Titel'), { target: { value: title } })
  fireEvent.click(screen.getByRole('radio', { name: 'Problem- und Lösungsbaum in Kleingruppen' }))
}

describe('a tree day from the start page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is offered as an "Ablauf" and creates small groups by municipality size, no theme tables', async () => {
    const bodies = server()
    openTreeDayForm('Externe Kooperation')
    expect(screen.queryByLabelText('Thementische (einer pro Zeile)')).toBeNull()
    expect((screen.getByLabelText('Kleingruppen (eine pro Zeile)') as HTMLTextAreaElement).value.split('\n')).toEqual(['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt'])
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({
      tableNames: [],
      template: { stations: [{ id: 'problembaum' }, { id: 'loesungsbaum' }] },
      treeMethod: { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt'], phaseStations: { problem: 'problembaum', objective: 'loesungsbaum' } },
    })
  })

  it('refuses a tree day without groups in the form’s words, and sends nothing', async () => {
    const bodies = server()
    openTreeDayForm('Externe Kooperation')
    fireEvent.change(screen.getByLabelText('Kleingruppen (eine pro Zeile)'), { target: { value: '  \n' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByText('Kleingruppen: Bitte mindestens einen Eintrag.')).toBeTruthy()
    expect(bodies).toEqual([])
  })

  it('names a group given twice (in any case), and sends nothing', async () => {
    const bodies = server()
    openTreeDayForm('Externe Kooperation')
    fireEvent.change(screen.getByLabelText('Kleingruppen (eine pro Zeile)'), { target: { value: 'kleiner Landkreis\ngroßer Landkreis\nKleiner Landkreis ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    // The walk read "Kleingruppen: Diese Angabe ist ungültig." without a word of which line.
    expect(await screen.findByText('Kleingruppen: „Kleiner Landkreis“ kommt doppelt vor.')).toBeTruthy()
    expect(bodies).toEqual([])
  })

  it('forms the groups by what the organiser names, and refuses an empty name', async () => {
    const bodies = server()
    openTreeDayForm('Netzwerktag')
    fireEvent.change(screen.getByLabelText('Gruppen gebildet nach'), { target: { value: ' ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByText(/^Gruppen gebildet nach: /)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Gruppen gebildet nach'), { target: { value: 'Handlungsfeld' } })
    fireEvent.change(screen.getByLabelText('Kleingruppen (eine pro Zeile)'), { target: { value: 'Sprache\nArbeit' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({ treeMethod: { attribute: 'Handlungsfeld', values: ['Sprache', 'Arbeit'] } })
  })

  it('speaks of groups and phases, not tables and columns: at most so many per group, split into A, B, …', async () => {
    const bodies = server()
    openTreeDayForm('Externe Kooperation')
    expect(screen.queryByLabelText('Höchstens Personen pro Tisch (freiwillig)')).toBeNull()
    expect(screen.getByText('2 Phasen, je ein Baum pro Gruppe:')).toBeTruthy()
    expect(screen.queryByRole('list', { name: 'Spalten von Problembaum' })).toBeNull()
    fireEvent.change(screen.getByLabelText('Höchstens Personen pro Gruppe (freiwillig)'), { target: { value: '8' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({ treeMethod: { maxGroupSize: 8 } })
    expect(bodies[0]).not.toHaveProperty('maxPerTable')
  })

  it('refuses a group size of one in the field’s words', async () => {
    const bodies = server()
    openTreeDayForm('Externe Kooperation')
    fireEvent.change(screen.getByLabelText('Höchstens Personen pro Gruppe (freiwillig)'), { target: { value: '1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByText(/^Höchstens pro Gruppe: /)).toBeTruthy()
    expect(bodies).toEqual([])
  })

  it('in the English interface starts the stations in English, for a café and for a tree day', async () => {
    const bodies = server()
    await act(() => setLanguage('en', { remember: false }))
    try {
      render(<Landing />)
      fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Network day' } })
      expect(screen.getByText(/What works well\? Where does it get stuck\?/)).toBeTruthy()
      fireEvent.click(screen.getByRole('radio', { name: 'Problem and solution trees in small groups' }))
      expect(screen.getByText(/What challenges are there – and what are their causes and effects\?/)).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: 'Create event' }))
      await waitFor(() => expect(bodies).toHaveLength(1))
      expect(bodies[0]).toMatchObject({ template: { stations: [{ id: 'problembaum', title: 'Problem tree' }, { id: 'loesungsbaum', title: 'Solution tree' }] } })
      // The groups and what forms them are proposed in English too (participants read them on their phones).
      expect(bodies[0]).toMatchObject({ treeMethod: { attribute: 'Municipality size', values: ['small rural district', 'medium-sized rural district', 'large rural district', 'larger city'] } })
    } finally {
      await act(() => setLanguage('de', { remember: false }))
    }
  })
})

describe('a day of workshops from the start page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is offered as an "Ablauf": no theme tables and no seats per table are asked, the programme comes after', async () => {
    const bodies = server()
    render(<Landing />)
    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Integrationskonferenz Köln' } })
    fireEvent.change(screen.getByLabelText('Thementische (einer pro Zeile)'), { target: { value: 'Sprache\nArbeit' } })
    fireEvent.click(screen.getByRole('radio', { name: 'Tagesprogramm mit Workshops zur Wahl (ohne Thementische)' }))
    expect(screen.queryByLabelText('Thementische (einer pro Zeile)')).toBeNull()
    expect(screen.queryByLabelText(/Höchstens/)).toBeNull()
    expect(screen.getByText(/Die Teilnehmenden wählen ihre Workshops am Handy/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({ title: 'Integrationskonferenz Köln', tableNames: [], maxPerTable: null })
    expect(bodies[0]).not.toHaveProperty('treeMethod')
  })
})
