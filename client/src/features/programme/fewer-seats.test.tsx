import { type Ack, programmeSchema } from '@tischrunde/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useTischStore } from '../../store/index.js'
import type { ControlRef } from './use-programme.js'
import ProgrammeConsole from './ProgrammeConsole.js'

afterEach(cleanup)

const programme = programmeSchema.parse({
  date: null,
  items: [{ id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [{ id: 'ws-5', number: 5, title: 'Von der Schule in den Beruf', capacity: 10 }] }],
})

describe('fewer seats than sign-ups', () => {
  it('asks first, says who keeps their seat, and sets them only on "Trotzdem übernehmen"', async () => {
    const sent: { name: string; payload: unknown }[] = []
    const send = (name: string, payload: unknown): Promise<Ack> => {
      if (name === 'programme:get') return Promise.resolve({ ok: true, data: { programme, version: 1, counts: { 'ws-5': 5 }, serverNow: Date.now(), mine: null } } as Ack)
      sent.push({ name, payload })
      return Promise.resolve({ ok: true } as Ack)
    }
    useTischStore.setState({ controlStatus: 'online' })
    const control = { current: { send, on: () => () => {}, close: () => {} } } as unknown as ControlRef
    render(<ProgrammeConsole control={control} eventId="cafe-test" token="t" projectorLink="/projector" />)
    const seats = await screen.findByLabelText('Plätze in Workshop 5')
    fireEvent.change(seats, { target: { value: '3' } })
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Übernehmen: Plätze für Workshop 5' })))
    expect(screen.getByRole('alert').textContent).toContain('Workshop 5 hat 5 Anmeldungen. Mit 3 Plätzen ist er um 2 überbucht; die Angemeldeten behalten ihren Platz.')
    expect(sent).toEqual([])
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Trotzdem übernehmen' })))
    expect(sent.map((s) => s.name)).toEqual(['programme:workshop'])
    // More seats than sign-ups: set at once.
    fireEvent.change(seats, { target: { value: '12' } })
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Übernehmen: Plätze für Workshop 5' })))
    expect(sent).toHaveLength(2)
  })

  it('keeps "Übernehmen" in the tab order when the seats are unchanged, and sends nothing then', async () => {
    const sent: string[] = []
    const send = (name: string): Promise<Ack> => {
      if (name === 'programme:get') return Promise.resolve({ ok: true, data: { programme, version: 1, counts: {}, serverNow: Date.now(), mine: null } } as Ack)
      sent.push(name)
      return Promise.resolve({ ok: true } as Ack)
    }
    useTischStore.setState({ controlStatus: 'online' })
    const control = { current: { send, on: () => () => {}, close: () => {} } } as unknown as ControlRef
    render(<ProgrammeConsole control={control} eventId="cafe-test" token="t" projectorLink="/projector" />)
    await screen.findByLabelText('Plätze in Workshop 5')
    // Disabled, it left the tab order: Tab from the seats reached "Schließen", and Enter closed the workshop.
    const set = screen.getByRole('button', { name: 'Übernehmen: Plätze für Workshop 5' }) as HTMLButtonElement
    expect(set.disabled).toBe(false)
    expect(set.getAttribute('aria-disabled')).toBe('true')
    await act(async () => void fireEvent.click(set))
    expect(sent).toEqual([])
  })
})
