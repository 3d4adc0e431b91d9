import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Ack, INITIAL_ROUND_STATE, fail } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import { setLanguage } from '../../i18n/index.js'
import { RoundControls } from './RoundControls.js'

/** Renders the console's running order; every command is answered with `answer`. */
function controls(answer: Ack) {
  const send = vi.fn(async () => answer)
  render(<RoundControls event={anEvent()} round={INITIAL_ROUND_STATE} send={send} />)
  return send
}

const startButton = () => screen.getAllByRole('button')[0]!

afterEach(async () => {
  await act(() => setLanguage('de'))
})

describe('round controls', () => {
  it('words a stale command in German by default, never with the server’s text', async () => {
    const send = controls({ ...fail('STALE_VERSION'), message: 'version 3 named, 4 current' })
    fireEvent.click(startButton())
    expect(send).toHaveBeenCalledWith('round:advance', { expectedVersion: 0 })
    expect(await screen.findByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab.')).toBeTruthy()
    expect(screen.queryByText(/version 3/)).toBeNull()
  })

  it('words a stale command in English on an English console', async () => {
    await act(() => setLanguage('en'))
    controls(fail('STALE_VERSION'))
    fireEvent.click(startButton())
    expect(await screen.findByText('This was just changed – perhaps in another tab.')).toBeTruthy()
  })

  it('names the round rule that refused a command, in the console’s language', async () => {
    await act(() => setLanguage('en'))
    controls(fail('NOT_NOW', { reason: 'ALREADY_CLOSED' }))
    fireEvent.click(startButton())
    expect(await screen.findByText('The event has already ended.')).toBeTruthy()
  })

  it('clears the message once a command goes through', async () => {
    const answers: Ack[] = [fail('STALE_VERSION'), { ok: true }]
    render(<RoundControls event={anEvent()} round={INITIAL_ROUND_STATE} send={async () => answers.shift()!} />)
    fireEvent.click(startButton())
    await screen.findByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab.')
    fireEvent.click(startButton())
    await vi.waitFor(() => expect(screen.queryByText('Das wurde gerade schon geändert – vielleicht in einem anderen Tab.')).toBeNull())
  })
})
