import type { WebSocket } from 'ws'
import type { BoardPeer } from '../boards/doc-room.js'
import { KEEP_ALIVE_MESSAGE } from '../boards/sync-messages.js'

/** Ping interval; a peer that misses a pong is dropped. */
const PING_MS = 30_000

/** An open socket as the shared ping and keep-alive timers see it. */
export interface Live {
  ws: WebSocket
  /** Whether it answered the last ping. */
  alive: boolean
  lastSent: () => number
  peer: BoardPeer
}

/**
 * Pings and keep-alives of every open doc socket, from two timers for all of them instead of two
 * per socket: a peer that missed the last ping's pong is dropped; a quiet board still says
 * something before the client's 30 s without a message run out.
 */
export function createSocketWatch(keepAliveMs: number) {
  const watched = new Set<Live>()
  let timers: NodeJS.Timeout[] = []
  const stop = () => {
    for (const t of timers) clearInterval(t)
    timers = []
  }
  return {
    watch(live: Live): void {
      watched.add(live)
      if (timers.length) return
      timers = [
        setInterval(() => {
          for (const l of watched) {
            if (!l.alive) {
              l.ws.terminate()
              continue
            }
            l.alive = false
            l.ws.ping()
          }
        }, PING_MS),
        setInterval(() => {
          const now = Date.now()
          for (const l of watched) if (now - l.lastSent() >= (keepAliveMs * 2) / 3) l.peer.send(KEEP_ALIVE_MESSAGE)
        }, keepAliveMs / 3),
      ]
    },
    unwatch(live: Live): void {
      watched.delete(live)
      if (!watched.size) stop()
    },
    close: stop,
  }
}
