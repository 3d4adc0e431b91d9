import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeBoardMessage, encodeRefused } from '@tischrunde/shared'
import { setLanguage } from '../../i18n/index.js'
import { BoardStatusBanner } from './BoardStatusBanner.js'

/** A refusal as the phone receives it: encoded by the server's codec, decoded by the client's. */
function received(reason: Parameters<typeof encodeRefused>[0], texts: string[]) {
  const message = decodeBoardMessage(encodeRefused(reason, texts))
  if (message?.type !== 'refused') throw new Error('expected a refusal')
  return message
}

afterEach(async () => {
  await act(() => setLanguage('de'))
})

describe('the phone’s refused-card banner', () => {
  it('says in German that the station has closed, with the card’s text to copy', () => {
    const refusal = received('STATION_CLOSED', ['Mehr Sprachkurse am Abend'])
    render(<BoardStatusBanner status="synced" refused={refusal.reason} refusedTexts={refusal.texts} />)
    const banner = screen.getByRole('alert')
    expect(banner.textContent).toContain('Nicht angenommen – die Station ist inzwischen geschlossen.')
    expect(banner.querySelector('q')?.textContent).toBe('Mehr Sprachkurse am Abend')
  })

  it('says it in English on an English phone', async () => {
    await act(() => setLanguage('en'))
    const refusal = received('STATION_CLOSED', ['More evening language classes'])
    render(<BoardStatusBanner status="synced" refused={refusal.reason} refusedTexts={refusal.texts} />)
    const banner = screen.getByRole('alert')
    expect(banner.textContent).toContain('Not accepted – the station has closed meanwhile.')
    expect(banner.textContent).not.toMatch(/Station ist|geschlossen/)
  })

  it('words a refusal it has no own wording for generally, never as its code', () => {
    render(<BoardStatusBanner status="synced" refused="INVALID_CARD" refusedTexts={[]} />)
    expect(screen.getByRole('alert').textContent).toBe('Nicht angenommen. Hier dein Text zum Abschreiben:')
  })
})

describe('the phone’s connection banner', () => {
  it('says the phone is offline and cards are kept when the device has no network, instead of “Verbinde …”', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    render(<BoardStatusBanner status="connecting" />)
    expect(screen.getByRole('status').textContent).toMatch(/^Offline – deine Karten werden gespeichert/)
    onLine.mockRestore()
  })

  it('tells the projector, which writes no cards, that its cards may lag, without the phone’s “deine Karten werden gespeichert”', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    render(<BoardStatusBanner status="offline" watching />)
    const text = screen.getByRole('status').textContent ?? ''
    expect(text).toMatch(/^Keine Verbindung zu diesem Tisch – die Karten sind vielleicht nicht aktuell/)
    expect(text).not.toMatch(/deine Karten|Ihre Karten/)
    onLine.mockRestore()
  })

  it('says offline once connecting has lasted several seconds', () => {
    vi.useFakeTimers()
    render(<BoardStatusBanner status="connecting" />)
    expect(screen.getByRole('status').textContent).toBe('Verbinde …')
    act(() => void vi.advanceTimersByTime(7000))
    expect(screen.getByRole('status').textContent).toMatch(/^Offline/)
    vi.useRealTimers()
  })
})
