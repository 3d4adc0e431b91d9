import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardStatus } from '../../store/board-slice.js'
import { useTischStore } from '../../store/index.js'
import type { ReviewPosition } from './review-steps.js'
import { useReviewPosition } from './use-review-position.js'

const TABLES = ['sprache', 'arbeit', 'wohnen']
const setStatus = (tableId: string, status: BoardStatus) =>
  useTischStore.setState((s) => ({ boards: { ...s.boards, [`board.cafe-test.${tableId}`]: { cards: [], unsaved: [], status, refused: null } } }))

function renderReview(fromAddress: ReviewPosition = { table: 0, station: 0 }) {
  const writeAddress = vi.fn()
  const hook = renderHook((props: { fromAddress: ReviewPosition }) => useReviewPosition({ eventId: 'cafe-test', tableIds: TABLES, stations: 3, fromAddress: props.fromAddress, writeAddress }), {
    initialProps: { fromAddress },
  })
  return { ...hook, writeAddress }
}

beforeEach(() => vi.useFakeTimers({ toFake: ['performance', 'Date', 'setTimeout', 'setInterval'] }))
afterEach(() => vi.useRealTimers())

describe('the review position', () => {
  it('ignores steps while the shown board is still loading, and one step right after it appeared', () => {
    setStatus('sprache', 'connecting')
    const { result } = renderReview()
    act(() => result.current.step('next-station'))
    expect(result.current.position).toEqual({ table: 0, station: 0 })
    act(() => setStatus('sprache', 'synced'))
    act(() => result.current.step('next-station'))
    expect(result.current.position).toEqual({ table: 0, station: 0 })
    act(() => result.current.step('next-station'))
    expect(result.current.position).toEqual({ table: 0, station: 1 })
  })

  it('steps at once on a loaded board and writes the address', () => {
    TABLES.forEach((t) => setStatus(t, 'synced'))
    const { result, writeAddress } = renderReview()
    act(() => result.current.step('next-station'))
    act(() => result.current.step('next-table'))
    expect(result.current.position).toEqual({ table: 1, station: 0 })
    expect(writeAddress).toHaveBeenLastCalledWith({ table: 1, station: 0 })
  })

  it('keeps its place when the address catches up late, and follows an address changed from outside', () => {
    TABLES.forEach((t) => setStatus(t, 'synced'))
    const { result, rerender } = renderReview()
    act(() => result.current.step('next-station'))
    act(() => result.current.step('next-station'))
    rerender({ fromAddress: { table: 0, station: 1 } }) // the first write arrives after the second step
    expect(result.current.position).toEqual({ table: 0, station: 2 })
    rerender({ fromAddress: { table: 2, station: 0 } }) // e.g. the Back button
    expect(result.current.position).toEqual({ table: 2, station: 0 })
  })
})
