import { INITIAL_ROUND_STATE, WINNENDEN_TEMPLATE } from '@tischrunde/shared'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PauseBanner, RoundBadges } from './RoundBadges.js'

const station = WINNENDEN_TEMPLATE.stations[0]!
const atStation = { ...INITIAL_ROUND_STATE, phase: 'station' as const }

describe('round state on the projector', () => {
  it('says the day starts soon before the first station', () => {
    render(<RoundBadges round={INITIAL_ROUND_STATE} station={station} />)
    expect(screen.getByText('Gleich geht’s los')).toBeTruthy()
  })
  it('marks a locked station', () => {
    render(<RoundBadges round={{ ...atStation, lockedStations: ['station-1'] }} station={station} />)
    expect(screen.getByText(/Station gesperrt/)).toBeTruthy()
  })
  it('shows nothing while a station runs normally', () => {
    const { container } = render(<RoundBadges round={atStation} station={station} />)
    expect(container.textContent).toBe('')
  })
  it('shows a pause banner only while paused', () => {
    const { rerender } = render(<PauseBanner round={atStation} />)
    expect(screen.queryByRole('status')).toBeNull()
    rerender(<PauseBanner round={{ ...atStation, paused: true }} />)
    expect(screen.getByRole('status').textContent).toContain('Pause – gleich geht’s weiter')
  })
})
