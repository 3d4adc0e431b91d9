import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { aTreeDay, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { RoundTimer } from './RoundTimer.js'

afterEach(() => useTischStore.setState({ event: null, round: null }))

/** A station of 20 minutes whose changeover of two minutes has just begun. */
function moving() {
  const now = Date.now()
  return { ...INITIAL_ROUND_STATE, phase: 'station' as const, stationIndex: 1, version: 5, timer: { endsAt: now + 120_000 + 1_200_000, remainingMs: null, durationMs: 1_200_000, startsAt: now + 120_000 } }
}

describe('the large timer of projectors and phones', () => {
  it('counts the changeover down in large type while the station waits, and says what follows', () => {
    useTischStore.setState({ event: anEvent(), round: moving() })
    render(<RoundTimer size="large" />)
    const timer = screen.getByRole('timer')
    // The large figure is the move's time left (1:59 or 2:00), not the station's 20:00 waiting behind it.
    expect(timer.firstElementChild!.textContent).toMatch(/^(1:59|2:00)$/)
    expect(timer.textContent).toContain('Wechsel – danach 20:00')
    expect(timer.getAttribute('aria-label')).toMatch(/^Wechsel: noch (1:59|2:00), danach 20:00 für die Station$/)
  })

  it('speaks of the break on a day of trees', () => {
    useTischStore.setState({ event: aTreeDay(), round: moving() })
    render(<RoundTimer size="large" />)
    expect(screen.getByRole('timer').textContent).toContain('Übergang – danach 20:00')
  })
})
