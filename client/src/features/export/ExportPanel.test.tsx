import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ExportPanel } from './ExportPanel.js'

const tables = [
  { id: 'arbeitsmarktintegration', name: 'Arbeitsmarktintegration' },
  { id: 'rahmenbedingungen', name: 'Rahmenbedingungen' },
]

/** A fetch that answers when the test says so. */
function deferredFetch() {
  let answer!: (res: Response) => void
  const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)))
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
    expect(screen.getAllByRole('button')).toHaveLength(1 + 5 + tables.length * 5)
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

    expect(fetch).toHaveBeenCalledWith('/api/events/winnenden/export.zip', { headers: { authorization: 'Bearer tok' } })
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
    expect(fetch).toHaveBeenCalledWith('/api/events/winnenden/export?format=csv&table=arbeitsmarktintegration', expect.anything())
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

  it('explains a lost connection', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    render(<ExportPanel eventId="winnenden" token="tok" tables={tables} />)
    fireEvent.click(screen.getByRole('button', { name: 'Dokumentation (PDF)' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Keine Verbindung zum Server. Bitte erneut versuchen.')
  })
})
