import { type Ack, ErrorCode, fail, programmeSchema } from '@tischrunde/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useTischStore } from '../../store/index.js'
import type { ControlRef } from './use-programme.js'
import ProgrammeConsole from './ProgrammeConsole.js'

afterEach(cleanup)

const programme = programmeSchema.parse({ date: null, items: [{ id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:10' }] })

describe('"Verschieben" on the console after "keine Verbindung"', () => {
  it('sends the same shift id again (the server shifts the day once), and a new one once an answer came', async () => {
    const shifts: { minutes: number; shiftId?: string }[] = []
    const answers: Ack[] = [fail(ErrorCode.NETWORK, {}, 'no answer in time'), { ok: true, data: { version: 2 } } as Ack, { ok: true, data: { version: 3 } } as Ack]
    const send = (name: string, payload: unknown): Promise<Ack> => {
      if (name === 'programme:get') return Promise.resolve({ ok: true, data: { programme, version: 1, counts: {}, serverNow: Date.now(), mine: null } } as Ack)
      if (name === 'programme:shift') shifts.push(payload as (typeof shifts)[number])
      return Promise.resolve(answers.shift() ?? ({ ok: true } as Ack))
    }
    useTischStore.setState({ controlStatus: 'online' })
    const control = { current: { send, on: () => () => {}, close: () => {} } } as unknown as ControlRef
    render(<ProgrammeConsole control={control} eventId="cafe-test" token="t" projectorLink="/projector" />)
    const shift = await screen.findByRole('button', { name: 'Verschieben' })
    // Nothing to shift until the minutes are typed: a stray click moved the whole day by ten.
    expect((shift as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(screen.getByRole('spinbutton', { name: /Rest des Tages verschieben/ }), { target: { value: '10' } })
    for (let i = 0; i < 3; i++) await act(async () => void fireEvent.click(shift))
    expect(shifts.map((s) => s.minutes)).toEqual([10, 10, 10])
    expect(shifts[0]!.shiftId).toMatch(/^[A-Za-z0-9_-]{8,40}$/)
    expect(shifts[1]!.shiftId).toBe(shifts[0]!.shiftId)
    expect(shifts[2]!.shiftId).not.toBe(shifts[0]!.shiftId)
  })
})
