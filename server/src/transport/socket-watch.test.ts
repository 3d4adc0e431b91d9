import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebSocket } from 'ws'
import { KEEP_ALIVE_MESSAGE } from '../boards/sync-messages.js'
import { type Live, PING_MS, WATCH_TICK_MS, createSocketWatch } from './socket-watch.js'

/** A socket as the watch sees it, recording when it was pinged, kept alive or dropped (fake time). */
function fakeSocket(id: number) {
  const pings: number[] = []
  const keepAlives: number[] = []
  let terminated: number | null = null
  let lastSent = Date.now()
  const live: Live = {
    ws: { ping: () => void pings.push(Date.now()), terminate: () => void (terminated = Date.now()) } as unknown as WebSocket,
    alive: true,
    lastSent: () => lastSent,
    peer: {
      id: `p${id}`,
      send: (message) => {
        if (message === KEEP_ALIVE_MESSAGE) keepAlives.push(Date.now())
        lastSent = Date.now()
      },
      saved: () => {},
    },
  }
  return { live, pings, keepAlives, terminated: () => terminated, wrote: () => (lastSent = Date.now()) }
}

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

describe('pings and keep-alives of the open doc sockets', () => {
  it('pings every socket once per 30 s, a thousand of them spread over the round instead of at once', () => {
    const watch = createSocketWatch(15_000)
    const sockets = Array.from({ length: 1000 }, (_, i) => fakeSocket(i))
    for (const s of sockets) watch.watch(s.live)
    const start = Date.now()
    vi.advanceTimersByTime(PING_MS)
    for (const s of sockets) {
      expect(s.pings).toHaveLength(1)
      s.live.alive = true // its pong came
    }
    // No moment (tick) pings more than its share: 1000 sockets over 300 ticks.
    const perTick = new Map<number, number>()
    for (const s of sockets) perTick.set(s.pings[0]!, (perTick.get(s.pings[0]!) ?? 0) + 1)
    expect(Math.max(...perTick.values())).toBeLessThanOrEqual(Math.ceil(1000 / (PING_MS / WATCH_TICK_MS)))
    vi.advanceTimersByTime(PING_MS)
    for (const s of sockets) {
      expect(s.pings).toHaveLength(2)
      expect(s.pings[1]! - s.pings[0]!).toBe(PING_MS)
      expect(s.pings[0]! - start).toBeLessThanOrEqual(PING_MS)
    }
    watch.close()
  })

  it('drops a socket that missed the last pong at its next turn, and only that one', () => {
    const watch = createSocketWatch(15_000)
    const [answers, silent] = [fakeSocket(1), fakeSocket(2)]
    watch.watch(answers.live)
    watch.watch(silent.live)
    vi.advanceTimersByTime(PING_MS)
    answers.live.alive = true
    vi.advanceTimersByTime(PING_MS)
    expect(silent.terminated()).not.toBeNull()
    expect(answers.terminated()).toBeNull()
    watch.close()
  })

  it('says something on a quiet socket before the keep-alive time runs out, and nothing on a busy one', () => {
    const keepAliveMs = 15_000
    const watch = createSocketWatch(keepAliveMs)
    const quiet = Array.from({ length: 200 }, (_, i) => fakeSocket(i))
    const busy = fakeSocket(999)
    for (const s of [...quiet, busy]) watch.watch(s.live)
    const started = Date.now()
    for (let t = 0; t < 60_000; t += 1_000) {
      busy.wrote()
      vi.advanceTimersByTime(1_000)
    }
    expect(busy.keepAlives).toHaveLength(0)
    for (const s of quiet) {
      const times = [started, ...s.keepAlives]
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(keepAliveMs)
      expect(Date.now() - times.at(-1)!).toBeLessThanOrEqual(keepAliveMs)
    }
    watch.close()
  })

  it('stops when the last socket closes', () => {
    const watch = createSocketWatch(15_000)
    const s = fakeSocket(1)
    watch.watch(s.live)
    watch.unwatch(s.live)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(PING_MS * 2)
    expect(s.pings).toHaveLength(0)
  })
})
