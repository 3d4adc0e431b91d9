import { act, render, screen } from '@testing-library/react'
import { anEvent } from '@tischrunde/fixtures'
import { INITIAL_ROUND_STATE, type ModerationModes, NO_MODES } from '@tischrunde/shared'
import { describe, expect, it, vi } from 'vitest'
import RevealMoment from './RevealMoment.js'

let state: { modes: ModerationModes; synced: boolean } = { modes: NO_MODES, synced: false }
vi.mock('../../sync/moderation-docs.js', () => ({ useModerationModesState: () => state, useModerationModes: () => state.modes }))

const event = anEvent()
const station = event.template.stations[0]!
const round = { ...INITIAL_ROUND_STATE, phase: 'station' as const, stationIndex: 0 }
const revealed = (revealedAt: number | null): ModerationModes => ({
  ...NO_MODES,
  stations: new Map([[station.id, { stationId: station.id, approval: false, collect: true, revealedAt }]]),
})

describe('the projector\'s "Aufgedeckt!" moment', () => {
  it('shows for a reveal made while the projector is open, not for one it finds on opening', () => {
    const { rerender } = render(<RevealMoment event={event} round={round} token="k" />)
    // The server's state arrives: the station was revealed ten minutes ago.
    state = { modes: revealed(Date.now() - 600_000), synced: true }
    rerender(<RevealMoment event={event} round={round} token="k" />)
    expect(screen.queryByText('Aufgedeckt!')).toBeNull()
    // Collected again and revealed now, with the projector open.
    state = { modes: revealed(null), synced: true }
    rerender(<RevealMoment event={event} round={round} token="k" />)
    state = { modes: revealed(Date.now()), synced: true }
    act(() => rerender(<RevealMoment event={event} round={round} token="k" />))
    expect(screen.getByText('Aufgedeckt!')).toBeTruthy()
  })
})
