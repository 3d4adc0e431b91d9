import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { anEvent } from '@tischrunde/fixtures'
import { useTischStore } from '../../store/index.js'
import { GuessingNotice } from './GuessingNotice.js'
import { RenewButton } from './RenewButton.js'

describe('the console’s access controls', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows a worded notice when someone is trying join codes, and hides it on request', () => {
    render(<GuessingNotice />)
    expect(screen.queryByRole('alert')).toBeNull()
    act(() => useTischStore.setState({ joinGuessing: { wrongCodes: 37, windowSeconds: 60 } }))
    expect(screen.getByRole('alert').textContent).toContain('Jemand probiert Teilnahme-Codes aus')
    expect(screen.getByRole('alert').textContent).toContain('37 falsche Codes in den letzten 60 Sekunden. Richtige Codes kommen weiter herein.')
    fireEvent.click(screen.getByRole('button', { name: 'Hinweis ausblenden' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('renews a host link only after confirmation, and hands the new links on', async () => {
    const view = { event: anEvent({ id: 'cafe' }), joinCode: 'ACDEFG', projectorToken: 'p', links: { facilitator: 'f', projector: 'p', participant: '/j/ACDEFG', hosts: {} } }
    const fetch = vi.fn(async () => new Response(JSON.stringify(view), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    vi.stubGlobal('confirm', confirm)
    const renewed = vi.fn()
    render(<RenewButton eventId="cafe" token="tok" which={{ credential: 'host', tableId: 'sprache' }} label="Link sperren und neu erzeugen" confirm="Wirklich?" onRenewed={renewed} />)
    fireEvent.click(screen.getByRole('button', { name: 'Link sperren und neu erzeugen' }))
    expect(fetch).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Link sperren und neu erzeugen' }))
    expect(confirm).toHaveBeenCalledWith('Wirklich?')
    expect(fetch).toHaveBeenCalledWith('/api/events/cafe/revoke', expect.objectContaining({ method: 'POST', body: JSON.stringify({ credential: 'host', tableId: 'sprache' }) }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Neu erzeugt – der alte gilt nicht mehr.'))
    expect(renewed).toHaveBeenCalledWith(expect.objectContaining({ joinCode: 'ACDEFG' }))
  })

  it('says why a renewal was refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'FORBIDDEN', params: { needs: 'facilitator' } }), { status: 403 })))
    vi.stubGlobal('confirm', () => true)
    render(<RenewButton eventId="cafe" token="tok" which={{ credential: 'projector' }} label="Beamer-Link sperren und neu erzeugen" confirm="?" onRenewed={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Beamer-Link sperren und neu erzeugen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Das darf nur die Moderation.')
  })
})
