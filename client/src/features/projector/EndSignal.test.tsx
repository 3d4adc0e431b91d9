import { INITIAL_ROUND_STATE, type RoundState } from '@tischrunde/shared'
import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTischStore } from '../../store/index.js'
import { EndSignal } from './EndSignal.js'
import { playGong } from './gong.js'

vi.mock('./gong.js', () => ({ playGong: vi.fn(), unlockAudio: vi.fn() }))

const NOW = 1_800_000_000_000
const running = (endsInMs: number): RoundState => ({
  ...INITIAL_ROUND_STATE,
  phase: 'station',
  stationIndex: 0,
  timer: { endsAt: NOW + endsInMs, remainingMs: null, durationMs: 20 * 60_000 },
})

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  vi.mocked(playGong).mockClear()
})
afterEach(() => vi.useRealTimers())

describe('the gong at the end of a station', () => {
  it('rings once when the timer runs out and says so to screen readers', () => {
    useTischStore.setState({ round: running(2_000) })
    const { container } = render(<EndSignal muted={false} />)
    act(() => void vi.advanceTimersByTime(5_000))
    expect(playGong).toHaveBeenCalledTimes(1)
    expect(container.textContent).toBe('Die Zeit ist um')
  })

  it('stays silent when muted, but still announces the end', () => {
    useTischStore.setState({ round: running(2_000) })
    const { container } = render(<EndSignal muted />)
    act(() => void vi.advanceTimersByTime(5_000))
    expect(playGong).not.toHaveBeenCalled()
    expect(container.textContent).toBe('Die Zeit ist um')
  })

  it('stays silent when the projector is opened after the end', () => {
    useTischStore.setState({ round: running(-60_000) })
    render(<EndSignal muted={false} />)
    act(() => void vi.advanceTimersByTime(5_000))
    expect(playGong).not.toHaveBeenCalled()
  })
})
