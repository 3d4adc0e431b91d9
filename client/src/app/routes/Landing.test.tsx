import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Landing, { adminKeyFrom } from './Landing.js'

const KEY = 'abcdefghijklmnopqrstuvwxyz012345'
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const created = {
  event: { id: 'cafe', title: 'Café', date: '2026-11-23', place: '', agenda: [], tables: [], template: undefined },
  joinCode: 'ACDEFG',
  projectorToken: 'p',
  facilitatorToken: 'f',
  links: { facilitator: '/e/cafe/console#k=f', projector: '/e/cafe/projector#k=p', participant: '/j/ACDEFG', hosts: {} },
}

/** A server that requires the admin key; records the authorization of each POST /api/events. */
function serverRequiringKey() {
  const sent: (string | null)[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/instance') return json(200, { eventCreation: 'admin_key' })
      const auth = (init?.headers as Record<string, string> | undefined)?.authorization ?? null
      sent.push(auth)
      return auth === `Bearer ${KEY}` ? json(500, { code: 'INTERNAL' }) : json(401, { code: 'UNAUTHORIZED', params: { credential: 'admin_key' } })
    }),
  )
  return sent
}

const fillEvent = () => {
  fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Integrationskonferenz' } })
  fireEvent.change(screen.getByLabelText('Thementische (einer pro Zeile)'), { target: { value: 'Sprache' } })
}

describe('the start page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    localStorage.clear()
  })

  it('reads the admin key from the printed admin link or from the key alone', () => {
    expect(adminKeyFrom(`http://192.168.1.20:3000/admin#k=${KEY}`)).toBe(KEY)
    expect(adminKeyFrom(` ${KEY} `)).toBe(KEY)
    expect(adminKeyFrom('abc')).toBeNull()
  })

  it('asks for the admin link when the server requires it, and creates nothing without it', async () => {
    const sent = serverRequiringKey()
    render(<Landing />)
    // A device without the key sees the code first; the form waits behind one button.
    fireEvent.click(await screen.findByRole('button', { name: 'Veranstaltung anlegen …' }))
    const field = await screen.findByLabelText('Verwaltungslink')
    fillEvent()
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByText('Für diese Seite braucht es den Verwaltungslink, den der Server beim Start ausgibt.')).toBeTruthy()
    expect(sent).toEqual([])

    fireEvent.change(field, { target: { value: `http://192.168.1.20:3000/admin#k=${KEY}` } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(sent).toEqual([`Bearer ${KEY}`]))
  })

  it('creates with the key this device kept from the admin page, without asking', async () => {
    localStorage.setItem('tischrunde.admin.instance', KEY)
    serverRequiringKey()
    vi.spyOn(window.location, 'assign').mockImplementation(() => {})
    vi.mocked(fetch).mockImplementation(async (url) => {
      if (url === '/api/instance') return json(200, { eventCreation: 'admin_key' })
      return json(201, created)
    })
    render(<Landing />)
    expect(await screen.findByText('Dieses Gerät hat den Verwaltungslink schon geöffnet: Die Veranstaltung wird damit angelegt.')).toBeTruthy()
    expect(screen.queryByLabelText('Verwaltungslink')).toBeNull()
    fillEvent()
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalledWith('/api/events', expect.objectContaining({ headers: expect.objectContaining({ authorization: `Bearer ${KEY}` }) })))
  })

  it('says a deletion period it cannot keep, and creates nothing, instead of using the default quietly', async () => {
    localStorage.setItem('tischrunde.admin.instance', KEY)
    const sent = serverRequiringKey()
    render(<Landing />)
    await screen.findByText('Dieses Gerät hat den Verwaltungslink schon geöffnet: Die Veranstaltung wird damit angelegt.')
    fillEvent()
    fireEvent.change(screen.getByLabelText('Löschen nach (Tage nach dem Termin)'), { target: { value: '1000' } })
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByText('„Löschen nach“: bitte eine ganze Zahl von 1 bis 730 Tagen eingeben – oder das Feld leeren für den Standard.')).toBeTruthy()
    expect(sent).toEqual([])
  })

  it('forgets a kept admin key the server refuses, and asks for the right link', async () => {
    localStorage.setItem('tischrunde.admin.instance', 'altealtealtealtealtealtealtealte')
    serverRequiringKey()
    render(<Landing />)
    await screen.findByText('Dieses Gerät hat den Verwaltungslink schon geöffnet: Die Veranstaltung wird damit angelegt.')
    fillEvent()
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung anlegen' }))
    expect(await screen.findByLabelText('Verwaltungslink')).toBeTruthy()
    expect(localStorage.getItem('tischrunde.admin.instance')).toBeNull()
  })
})
