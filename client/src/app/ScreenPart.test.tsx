import { lazy } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScreenPart } from './ScreenPart.js'

afterEach(() => vi.restoreAllMocks())

/** A part whose import never succeeds, as one whose module Chromium keeps as failed after a server restart. */
const BrokenPart = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module: /assets/VoteConsole-x.js')))
const GoodPart = lazy(async () => ({ default: () => <p>Punkte vergeben</p> }))

describe('a part of a screen that could not load', () => {
  it('says so in its place, offers a reload, and leaves the rest of the screen working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <main>
        <button type="button">Start: Station 1</button>
        <ScreenPart>
          <BrokenPart />
        </ScreenPart>
        <ScreenPart>
          <GoodPart />
        </ScreenPart>
      </main>,
    )
    expect((await screen.findByRole('alert')).textContent).toContain('Dieser Teil der Seite konnte nicht geladen werden.')
    expect(await screen.findByText('Punkte vergeben')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Start: Station 1' })).toBeTruthy()
    const reload = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location)
    fireEvent.click(screen.getByRole('button', { name: 'Seite neu laden' }))
    expect(reload).toHaveBeenCalledOnce()
  })
})
