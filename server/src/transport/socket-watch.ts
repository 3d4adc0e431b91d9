import type { WebSocket } from 'ws'
import type { BoardPeer } from '../boards/doc-room.js'
import { KEEP_ALIVE_MESSAGE } from '../boards/sync-messages.js'

/** Ping interval; a peer that misses a pong is dropped. */
export const PING_MS = 30_000
/**
 * How often the watch wakes to ping and keep alive the next share of the sockets, in ms (at most).
 * A write to a socket costs several times more alone than among others (measured: about 170 µs per
 * ping spread one by one over 100 ms ticks against about 50 µs in one go), so the shares stay
 * batches: a thirtieth of the sockets each second. @default 1000
 */
export const WATCH_TICK_MS = 1_000

/** An open socket as the shared ping and keep-alive timers see it. */
export interface Live {
  ws: WebSocket
  /** Whether it answered the last ping. */
  alive: boolean
  lastSent: () => number
  peer: BoardPeer
}

/**
 * Pings and keep-alives of every open doc socket, from one timer for all of them instead of two per
 * socket: a peer that missed the last ping's pong is dropped; a quiet board still says something
 * before the client's 30 s without a message run out.
 *
 * Each tick takes its own share of the sockets (each socket has its turn in every round, a ping
 * round of 30 s, a keep-alive round of a third of the keep-alive time), so a hall is not pinged in
 * one go: at a thousand phones that took the event loop for 35–50 ms every 30 s (at eight thousand
 * several hundred), and a card arriving then waited for it.
 */
export function createSocketWatch(keepAliveMs: number) {
  const tickMs = Math.min(WATCH_TICK_MS, keepAliveMs / 3)
  const pingTurns = shares(Math.max(1, Math.round(PING_MS / tickMs)))
  // Rounded down: a keep-alive round is never longer than a third of the keep-alive time.
  const keepTurns = shares(Math.max(1, Math.floor(keepAliveMs / 3 / tickMs)))
  let count = 0
  let tick = 0
  let timer: NodeJS.Timeout | undefined
  const turn = () => {
    tick++
    for (const l of pingTurns.at(tick)) {
      if (!l.alive) {
        l.ws.terminate()
        continue
      }
      l.alive = false
      l.ws.ping()
    }
    const now = Date.now()
    for (const l of keepTurns.at(tick)) if (now - l.lastSent() >= (keepAliveMs * 2) / 3) l.peer.send(KEEP_ALIVE_MESSAGE)
  }
  const stop = () => {
    clearInterval(timer)
    timer = undefined
  }
  return {
    watch(live: Live): void {
      if (!pingTurns.add(live, tick + 1 + (count % pingTurns.length))) return
      keepTurns.add(live, tick + 1 + (count % keepTurns.length))
      count++
      timer ??= setInterval(turn, tickMs)
    },
    unwatch(live: Live): void {
      pingTurns.remove(live)
      keepTurns.remove(live)
      if (!pingTurns.size()) stop()
    },
    close: stop,
  }
}

/** Sockets spread over `length` turns: each tick takes the share whose turn it is. */
function shares(length: number) {
  const slots = Array.from({ length }, () => new Set<Live>())
  const slotOf = new Map<Live, Set<Live>>()
  return {
    length,
    /** False if the socket is watched already. */
    add(live: Live, tick: number): boolean {
      if (slotOf.has(live)) return false
      const slot = slots[tick % length]!
      slot.add(live)
      slotOf.set(live, slot)
      return true
    },
    remove(live: Live): void {
      slotOf.get(live)?.delete(live)
      slotOf.delete(live)
    },
    at: (tick: number): ReadonlySet<Live> => slots[tick % length]!,
    size: () => slotOf.size,
  }
}
