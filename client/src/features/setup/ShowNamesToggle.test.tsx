import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ShowNamesToggle } from './ShowNamesToggle.js'

const box = () => screen.getByRole('checkbox') as HTMLInputElement

describe('the names toggle on the console', () => {
  it('stays as clicked when the answer comes before the new state, and follows the state once it comes', async () => {
    const send = () => Promise.resolve({ ok: true } as const)
    const { rerender } = render(<ShowNamesToggle shown={false} send={send} />)
    await act(async () => {
      fireEvent.click(box())
    })
    // Accepted, but the event's state still says "off": the box must not flick back.
    expect(box().checked).toBe(true)
    rerender(<ShowNamesToggle shown={true} send={send} />)
    expect(box().checked).toBe(true)
    // Later changes of the state (another console turns names off) show.
    rerender(<ShowNamesToggle shown={false} send={send} />)
    expect(box().checked).toBe(false)
  })

  it('goes back and says why when the server refuses', async () => {
    const send = () => Promise.resolve({ ok: false, code: 'FORBIDDEN' } as const)
    render(<ShowNamesToggle shown={false} send={send} />)
    await act(async () => {
      fireEvent.click(box())
    })
    expect(box().checked).toBe(false)
    expect(screen.getByRole('alert')).toBeTruthy()
  })
})
