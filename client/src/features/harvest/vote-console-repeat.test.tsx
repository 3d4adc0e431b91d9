import { type Ack, ErrorCode, fail } from '@tischrunde/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { anEvent } from '../../../../fixtures/src/builders.js'
import VoteConsole from './VoteConsole.js'

afterEach(cleanup)

describe('"Abstimmung starten" on the console after "keine Verbindung"', () => {
  it('sends the same step id again (the server opens the step once), and a new one once an answer came', async () => {
    const sent: { stepId?: string | undefined }[] = []
    const answers: Ack[] = [fail(ErrorCode.NETWORK, {}, 'no answer in time'), { ok: true, data: { stepId: 'x' } } as Ack, { ok: true } as Ack]
    const send = ((_name: string, payload: { stepId?: string }) => (sent.push(payload), Promise.resolve(answers.shift()!))) as never
    render(<VoteConsole event={anEvent()} token="t" send={send} />)
    const start = screen.getByRole('button', { name: 'Abstimmung starten' })
    for (let i = 0; i < 3; i++) await act(async () => void fireEvent.click(start))
    expect(sent).toHaveLength(3)
    expect(sent[0]!.stepId).toMatch(/^[A-Za-z0-9_-]{8,40}$/)
    expect(sent[1]!.stepId).toBe(sent[0]!.stepId)
    expect(sent[2]!.stepId).not.toBe(sent[0]!.stepId)
  })

  it('says once the step is open that the phones show it (the button does not change)', async () => {
    const send = (() => Promise.resolve({ ok: true, data: { stepId: 'x' } } as Ack)) as never
    render(<VoteConsole event={anEvent()} token="t" send={send} />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Frage' }), { target: { value: 'Was zuerst?' } })
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Abstimmung starten' })))
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Abstimmung gestartet: „Was zuerst?“ – die Handys zeigen sie jetzt.')
  })
})
