import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTischStore } from '../../../store/index.js'
import { keepParticipant, readParticipant } from '../../../sync/device-storage.js'
import { usePhoneJoin } from './use-phone-join.js'

/** The server's answer to a join: a fresh participant each time. */
const answers = vi.hoisted(() => ({ join: vi.fn() }))
vi.mock('../../../sync/api.js', async (original) => ({ ...(await original<object>()), api: { join: answers.join } }))

const before = { eventId: 'integrationskonferenz', participantId: 'anna-1234567', token: 'eyJvbGQiOjF9.signature' }

beforeEach(() => {
  answers.join.mockReset()
  answers.join.mockResolvedValue({ eventId: before.eventId, participantId: 'neu-12345678', token: 'eyJuZXUiOjF9.signature' })
})
afterEach(() => {
  window.localStorage.clear()
  useTischStore.setState({ controlStatus: 'connecting' })
})

describe('a phone that scans a renewed join code of an event it joined before', () => {
  it('stays the participant it was (its unsent cards and its seat are under that name), not a new one', async () => {
    keepParticipant('ALTCODE1', before)
    const { result } = renderHook(() => usePhoneJoin('NEUCODE2'))
    await waitFor(() => expect(result.current.identity).not.toBeNull())
    expect(result.current.identity).toEqual(before)
    expect(readParticipant('NEUCODE2')).toEqual(before)
  })

  it('joins afresh when the server no longer accepts that identity, under every code it was kept for', async () => {
    keepParticipant('ALTCODE1', before)
    const { result } = renderHook(() => usePhoneJoin('NEUCODE2'))
    await waitFor(() => expect(result.current.identity).toEqual(before))
    act(() => useTischStore.setState({ controlStatus: 'denied' }))
    await waitFor(() => expect(result.current.identity?.participantId).toBe('neu-12345678'))
    expect(readParticipant('ALTCODE1')).toBeNull()
    // Joined again once: the refusal was the old identity's, not the new one's (it joined on and on).
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(answers.join).toHaveBeenCalledTimes(2)
    expect(result.current.identity?.participantId).toBe('neu-12345678')
  })
})
