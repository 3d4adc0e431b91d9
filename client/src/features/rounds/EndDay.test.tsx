import { INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EndDay } from './EndDay.js'

afterEach(cleanup)

describe('ending a day of workshops alone', () => {
  it('asks first, then ends the day; an ended day opens again', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: true as const }))
    const { rerender } = render(<EndDay round={{ ...INITIAL_ROUND_STATE, version: 3 }} send={send} />)
    fireEvent.click(screen.getByRole('button', { name: 'Veranstaltung beenden' }))
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByRole('alertdialog').textContent).toContain('Danach sind keine Anmeldungen und Änderungen mehr möglich')
    fireEvent.click(screen.getByRole('button', { name: 'Ja, beenden' }))
    expect(send).toHaveBeenCalledWith('round:end', { expectedVersion: 3 })
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    rerender(<EndDay round={{ ...INITIAL_ROUND_STATE, phase: 'closed', version: 4 }} send={send} />)
    expect(screen.getByText(/Die Veranstaltung ist beendet/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Wieder öffnen' }))
    expect(send).toHaveBeenLastCalledWith('round:back', { expectedVersion: 4 })
  })
})
