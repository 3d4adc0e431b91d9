import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../i18n/actors-wording.js'
import { translate } from '../../i18n/index.js'
import { actorRefusalText } from './actor-refusal.js'
import { ActorExportButtons } from './ActorExportButtons.js'

describe('the actor table downloads', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('say "wird erstellt" while the file builds and word a refusal without showing its code', async () => {
    let answer!: (res: Response) => void
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))))
    render(<ActorExportButtons eventId="winnenden" token="tok" />)
    fireEvent.click(screen.getByRole('button', { name: 'Akteurstabelle als DOCX' }))
    expect(await screen.findByText('Die Akteurstabelle wird erstellt …')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Akteurstabelle als CSV' }) as HTMLButtonElement).disabled).toBe(true)
    await act(async () => answer(new Response(JSON.stringify({ code: 'RATE_LIMITED', params: { what: 'exports' } }), { status: 429 })))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Die Akteurstabelle konnte nicht heruntergeladen werden. Gerade werden viele Exporte erstellt. Bitte gleich noch einmal versuchen.')
    expect(alert.textContent).not.toMatch(/429|RATE_LIMITED/)
    expect(screen.queryByText('Die Akteurstabelle wird erstellt …')).toBeNull()
  })

  it('word a lost connection as such', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    render(<ActorExportButtons eventId="winnenden" token="tok" />)
    fireEvent.click(screen.getByRole('button', { name: 'Akteurstabelle als XLSX' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Die Akteurstabelle konnte nicht heruntergeladen werden. Keine Verbindung zum Server.')
  })
})

describe('a refused change of the actor map', () => {
  const de = ((key: string, params?: Record<string, string | number>) => translate('de', key, params)) as Parameters<typeof actorRefusalText>[0]
  it('is worded by its reason, and any other reason asks for a reload, never showing the code', () => {
    expect(actorRefusalText(de, 'READ_ONLY')).toBe('Die Änderung wurde nicht gespeichert: Auf diesem Gerät lässt sich die Tabelle nur ansehen.')
    expect(actorRefusalText(de, 'FOREIGN_WRITER')).toBe('Die Änderung wurde nicht gespeichert. Bitte die Seite neu laden und noch einmal versuchen.')
    expect(actorRefusalText(de, 'FOREIGN_WRITER')).not.toContain('FOREIGN_WRITER')
    // A full map says so and what helps (a reload never did).
    expect(actorRefusalText(de, 'TOO_MANY_CARDS')).toBe('Die Änderung wurde nicht gespeichert: Die Tabelle ist voll (höchstens 400 Akteure, 100 Gremien und 2000 Zuordnungen). Bitte zuerst Akteure zusammenführen oder entfernen.')
  })
})
