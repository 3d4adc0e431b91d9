import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ExportPanel } from './ExportPanel.js'

const tables = [
  { id: 'arbeitsmarktintegration', name: 'Arbeitsmarktintegration' },
  { id: 'rahmenbedingungen', name: 'Rahmenbedingungen' },
]

/**
 * A fetch whose download answers when the test says so; progress questions get `progress`
 * (or 404, as from a server that has not started the job yet).
 */
function deferredFetch(progress?: object) {
  let answer!: (res: Response) => void
  const fetch = vi.fn((url: string) =>
    url.includes('/export-progress?')
      ? Promise.resolve(progress ? Response.json(progress) : new Response('{"code":"NOT_FOUND"}', { status: 404 }))
      : new Promise<Response>((resolve) => (answer = resolve)),
  )
  vi.stubGlobal('fetch', fetch)
  return { fetch, answer: (res: Response) => act(async () => answer(res)) }
}

describe('the export panel', () => {
  const { createObjectURL, revokeObjectURL } = URL
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
  })

  it('offers every format per table and the whole event as ZIP', () => {
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    expect(screen.getByRole('button', { name: 'Alle Tische als ZIP' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Dokumentation (PDF)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Word für „Rahmenbedingungen“ herunterladen' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Alle Tische (Excel)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Excel für „Rahmenbedingungen“ herunterladen' })).toBeTruthy()
    expect(screen.getAllByRole('button')).toHaveLength(1 + 6 + tables.length * 6)
  })

  it('on a day without theme tables speaks of no tables and offers no per-table sheets', () => {
    render(<ExportPanel eventId="koeln-2018" token="tok" tables={[]} />)
    expect(screen.getByRole('button', { name: 'Alles als ZIP' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Alle Daten (CSV)' })).toBeTruthy()
    expect(screen.queryByText(/Tisch/)).toBeNull()
    expect(screen.getAllByRole('button')).toHaveLength(1 + 6)
  })

  it('says "Wird erstellt …" while a ZIP builds, then saves it under the server\'s file name', async () => {
    const { fetch, answer } = deferredFetch()
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:zip'), revokeObjectURL: vi.fn() })
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Alle Tische als ZIP' }))

    expect(fetch).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/events\/winnenden\/export\.zip\?job=job-[a-z0-9-]+$/), expect.objectContaining({ headers: { authorization: 'Bearer tok' } }))
    expect(screen.getByRole('status').textContent).toBe('Wird erstellt …')
    expect(screen.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true)

    await answer(new Response(new Blob(['zip']), { headers: { 'content-disposition': 'attachment; filename="Winnenden_2019-07-02_Ergebnisse.zip"' } }))
    await waitFor(() => expect(clicked).toEqual(['Winnenden_2019-07-02_Ergebnisse.zip']))
    expect(screen.getByRole('status').textContent).toBe('Heruntergeladen: Winnenden_2019-07-02_Ergebnisse.zip')
    expect((screen.getByRole('button', { name: 'Alle Tische als ZIP' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('asks for one table in one format', () => {
    const { fetch } = deferredFetch()
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'CSV für „Arbeitsmarktintegration“ herunterladen' }))
    expect(fetch).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/events\/winnenden\/export\?format=csv&table=arbeitsmarktintegration&job=job-/), expect.anything())
  })

  it.each([
    [403, 'Nur die Moderation darf exportieren.'],
    [401, 'Der Moderationslink ist ungültig oder abgelaufen. Bitte den Link neu öffnen.'],
    [429, 'Gerade werden viele Exporte erstellt. Bitte gleich noch einmal versuchen.'],
    [500, 'Der Export ist fehlgeschlagen. Bitte erneut versuchen.'],
  ])('explains a %i answer', async (status, message) => {
    const { answer } = deferredFetch()
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Dokumentation (Word)' }))
    await answer(new Response(JSON.stringify({ code: 'X', message: 'x' }), { status }))
    expect((await screen.findByRole('alert')).textContent).toBe(message)
  })

  it('counts the files of a long ZIP up while it builds, with the time it has run and the limit', async () => {
    deferredFetch({ done: 12, total: 49, elapsedMs: 35_400, limitMs: 120_000 })
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Alle Tische als ZIP' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Wird erstellt … Datei 12 von 49 · 35 s (höchstens 120 s)'), { timeout: 3000 })
    const bar = screen.getByRole('progressbar', { name: 'Fortschritt des Exports' }) as HTMLProgressElement
    expect([bar.value, bar.max]).toEqual([12, 49])
  })

  it('shows how long one large file has been building', async () => {
    deferredFetch({ done: 0, total: 1, elapsedMs: 61_000, limitMs: 120_000 })
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Dokumentation (Word)' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Wird erstellt … 61 s (höchstens 120 s)'), { timeout: 3000 })
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('says that an export ran out of time, naming the limit, instead of a bare failure', async () => {
    const { answer } = deferredFetch()
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Alle Tische als ZIP' }))
    await answer(Response.json({ code: 'TIMED_OUT', params: { what: 'export', seconds: 120 } }, { status: 504 }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Der Export hat länger als 120 Sekunden gedauert und wurde abgebrochen. Einzelne Thementische oder die Dokumentation als Markdown gehen schneller.',
    )
    expect((screen.getByRole('button', { name: 'Alle Tische als ZIP' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('explains a lost connection', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Dokumentation (PDF)' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Keine Verbindung zum Server. Bitte erneut versuchen.')
  })
})
