import { type Ack, ErrorCode, type ProgrammeState, fail, programmeSchema } from '@tischrunde/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useTischStore } from '../../store/index.js'
import type { ControlRef } from './use-programme.js'
import ProgrammeConsole from './ProgrammeConsole.js'

afterEach(cleanup)

const day = programmeSchema.parse({
  items: [{ id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [{ id: 'w3', number: 3, title: 'Drei', capacity: 20 }] }],
})
const stateAt = (version: number, closed: boolean): ProgrammeState =>
  ({ programme: { ...day, items: day.items.map((i) => ({ ...i, workshops: i.workshops.map((w) => ({ ...w, closed })) })) }, version, counts: { w3: 20 }, serverNow: Date.now() }) as unknown as ProgrammeState

describe('the programme editor while the programme changes at the desk', () => {
  it('saves over the version its draft was made from only: a workshop closed meanwhile is not reopened without a word', async () => {
    const saves: { expectedVersion: number | null }[] = []
    const pushes = new Map<string, (payload: unknown) => void>()
    let version = 5
    const send = (name: string, payload: unknown): Promise<Ack> => {
      if (name === 'programme:get') return Promise.resolve({ ok: true, data: { ...stateAt(5, false), mine: null } } as Ack)
      if (name !== 'programme:save') return Promise.resolve({ ok: true } as Ack)
      const asked = (payload as { expectedVersion: number | null }).expectedVersion
      saves.push({ expectedVersion: asked })
      // The server's rule: only the version stored now may be replaced.
      if (asked !== version) return Promise.resolve(fail(ErrorCode.STALE_VERSION))
      return Promise.resolve({ ok: true, data: { version: ++version } } as Ack)
    }
    const on = (name: string, handler: (payload: unknown) => void) => (pushes.set(name, handler), () => pushes.delete(name))
    useTischStore.setState({ controlStatus: 'online' })
    const control = { current: { send, on, close: () => {} } } as unknown as ControlRef
    render(<ProgrammeConsole control={control} eventId="koeln" token="t" projectorLink="/projector" />)
    const edit = await screen.findByRole('button', { name: 'Programm bearbeiten' })
    await act(async () => void fireEvent.click(edit))
    // Meanwhile, at the desk: workshop 3 is full and closed (version 6, pushed to this console).
    version = 6
    act(() => pushes.get('programme:state')!(stateAt(6, true)))
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Programm speichern' })))
    expect(saves).toEqual([{ expectedVersion: 5 }])
    expect(screen.getByRole('status').textContent).toMatch(/inzwischen an anderer Stelle geändert/)
    // The draft stays open; saved over the new version only when asked to.
    expect(screen.getByRole('button', { name: 'Programm speichern' })).toBeTruthy()
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Entwurf trotzdem speichern' })))
    expect(saves).toEqual([{ expectedVersion: 5 }, { expectedVersion: 6 }])
    expect(screen.getByRole('status').textContent).toBe('Gespeichert.')
    expect(screen.queryByRole('button', { name: 'Programm speichern' })).toBeNull()
  })
})
