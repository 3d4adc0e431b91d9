import {
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  ErrorCode,
  fail,
  joinGuessingSchema,
  presenceCountsSchema,
  projectorDisplayMessageSchema,
  publicEventViewSchema,
  rotationSuggestionSchema,
  roundMessageSchema,
} from '@tischrunde/shared'
import { useTischStore } from '../store/index.js'
import { api } from './api.js'
import { type CarriedBoard, openCarriedTransport } from './control-carried.js'
import type { ControlTransport, TransportSink } from './control-transport.js'
import { cacheEvent, cacheRound, readCachedEvent, readCachedRound } from './device-storage.js'
import { type ControlOn, bindVoteMessages } from './vote-messages.js'
import { bindModerationGate } from './moderation-gate.js'
import { loadPart } from '../lib/load-part.js'
import { browserOffline, followBrowserOnline } from './browser-online.js'

export type { CarriedBoard } from './control-carried.js'

/** The control plane as the app sees it: send a command with an answer, and close. */
export interface ControlConnection {
  send<N extends ClientEventName>(name: N, payload: ClientEventPayload<N>): Promise<Ack>
  /** Sends a command nobody waits for the answer of (a seat); it goes once a connection is up, within the command timeout. */
  tell<N extends ClientEventName>(name: N, payload: ClientEventPayload<N>): void
  /** Listens to a server message (or `connect`) for a feature that checks it itself; returns the unsubscribe. */
  on(name: string, listener: (payload: unknown) => void): () => void
  close(): void
}

/** A control connection that can move between Socket.IO and a seated phone's board socket. */
export interface SwitchableControl extends ControlConnection {
  /**
   * Carries the control plane on this board's socket; null: over Socket.IO, after `deferMs` (a
   * phone at the table choice: picked quickly, it never loads Socket.IO); 0 starts it now.
   */
  carry(board: CarriedBoard | null, deferMs?: number): void
}

/** How long a command may wait for its answer (and for a connection to send it on), in ms. */
const ACK_TIMEOUT_MS = 8000

interface Way {
  key: string
  transport: ControlTransport & { hurry?: () => void }
}

/**
 * Connects to the event's control plane and mirrors event state and presence into the store.
 * Every message from the server is checked with the shared schema before it is used. The
 * messages come over Socket.IO or, for a phone seated at a table, over the table's board socket
 * (`carry`); the store, the listeners and the commands waiting for an answer stay across a switch.
 * Nothing connects before the first `carry`.
 */
export function connectControl(token: string, eventId?: string): SwitchableControl {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const waiting = new Set<() => void>()
  let active: Way | null = null
  let next: Way | null = null
  let closed = false
  /** The seat last announced: a new transport announces it again (presence belongs to a connection). */
  let presence: unknown = null

  const on = (name: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(name) ?? new Set()
    listeners.set(name, set)
    set.add(listener)
    return () => void set.delete(listener)
  }
  const emit = (name: string, payload: unknown) => {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
  }
  const setStatus = (said: 'connecting' | 'online' | 'offline' | 'denied' | 'outdated') => {
    // Trying to connect without a network is being offline, for the person holding the phone.
    const status = said === 'connecting' && browserOffline() ? 'offline' : said
    const now = useTischStore.getState().controlStatus
    if (now === 'deleted' || ((now === 'denied' || now === 'outdated') && status !== 'online') || now === status) return
    useTischStore.setState({ controlStatus: status })
  }
  const flush = () => {
    for (const attempt of [...waiting]) attempt()
  }
  const tellOn = (way: Way, name: string, payload: unknown) => {
    if (way.transport.tell) way.transport.tell(name, payload)
    else void way.transport.send(name, payload, ACK_TIMEOUT_MS)
  }

  const open = (key: string, board: CarriedBoard | null, deferMs: number): Way => {
    const way: Way = { key, transport: undefined as unknown as ControlTransport }
    const isActive = () => active === way
    const sink: TransportSink = {
      push: (name, payload) => emit(name, payload),
      online() {
        if (next === way) {
          // The new way is online: the old one closes, the seat is announced on the new one.
          active?.transport.close()
          active = way
          next = null
          if (presence) tellOn(way, 'presence:table', presence)
        }
        if (!isActive()) return
        setStatus('online')
        flush()
        emit('connect', undefined)
      },
      ready: () => isActive() && flush(),
      status(status) {
        if (isActive()) setStatus(status)
        else if (status === 'denied' && next === way) sink.lost()
      },
      lost() {
        // The board is gone: over Socket.IO, which tells whether the event still is.
        if (isActive() || next === way) switchTo(null)
      },
    }
    way.transport = board ? openCarriedTransport(board, sink) : lazySocket(token, eventId, sink, deferMs)
    return way
  }
  const switchTo = (board: CarriedBoard | null, deferMs = 0) => {
    if (closed) return
    const key = board ? `board:${board.eventId}/${board.tableId}` : 'socket'
    if (active?.key === key) {
      if (!deferMs) active.transport.hurry?.()
      next?.transport.close()
      next = null
      return
    }
    if (next?.key === key) {
      if (!deferMs) next.transport.hurry?.()
      return
    }
    next?.transport.close()
    next = null
    const way = open(key, board, deferMs)
    if (active && useTischStore.getState().controlStatus === 'online') next = way
    else {
      // Nothing online to keep meanwhile: the new way takes over at once.
      active?.transport.close()
      active = way
      if (way.transport.ready()) flush()
    }
  }

  // Offline (e.g. a reload on bad Wi-Fi), the screen starts from the last state it saw. A new
  // phone asks the API (the table choice shows before any connection is up).
  if (eventId) hydrateFromCache(eventId)
  if (eventId && !useTischStore.getState().event)
    api.publicView(eventId, token).then(
      (view) => {
        if (closed || useTischStore.getState().event) return
        useTischStore.setState({ event: view.event, role: view.role, joinCode: view.joinCode })
        // The day's state too, until the socket tells it (the table choice waits a few seconds for it).
        if (view.round && !useTischStore.getState().round) useTischStore.setState({ round: view.round.round, clockOffsetMs: view.round.serverNow - Date.now() })
      },
      () => {},
    )
  // A device without network says so at once (opened offline, or its Wi-Fi gone): the socket
  // notices a silent network only after half a minute, and taps meanwhile seemed to do nothing.
  useTischStore.setState({ controlStatus: browserOffline() ? 'offline' : 'connecting' })
  const stopFollowing = followBrowserOnline({
    offline: () => setStatus('offline'),
    online: () => {
      if (active?.transport.ready()) setStatus('online')
    },
  })
  bindControlMessages(on)
  // The event was deleted: the timer stops (no round any more) and the screen says why.
  on('event:deleted', () => {
    useTischStore.setState({ controlStatus: 'deleted', round: null })
    active?.transport.close()
    next?.transport.close()
  })

  return {
    carry: switchTo,
    send(name, payload) {
      if (name === 'presence:table') presence = payload
      const deadline = Date.now() + ACK_TIMEOUT_MS
      return new Promise<Ack>((resolve) => {
        let done = false
        const finish = (ack: Ack) => {
          if (done) return
          done = true
          waiting.delete(attempt)
          clearTimeout(timer)
          resolve(ack)
        }
        const timer = setTimeout(() => finish(fail(ErrorCode.NETWORK, {}, 'no answer in time')), ACK_TIMEOUT_MS)
        // A command waits for a connection to go on (a switch, a reconnect), up to the same timeout.
        function attempt() {
          const way = active
          if (done || !way || !way.transport.ready()) return void waiting.add(attempt)
          waiting.delete(attempt)
          void way.transport.send(name, payload, Math.max(1, deadline - Date.now())).then(finish)
        }
        attempt()
      })
    },
    tell(name, payload) {
      if (name === 'presence:table') presence = payload
      const deadline = Date.now() + ACK_TIMEOUT_MS
      // Like a command, it waits for a connection to go on, up to the same timeout.
      function attempt() {
        waiting.delete(attempt)
        const way = active
        if (Date.now() > deadline) return
        if (!way || !way.transport.ready()) return void waiting.add(attempt)
        tellOn(way, name, payload)
      }
      attempt()
    },
    on,
    close() {
      closed = true
      stopFollowing()
      active?.transport.close()
      next?.transport.close()
      active = next = null
      waiting.clear()
    },
  }
}

/** Socket.IO, loaded on demand (after `deferMs`, or on `hurry`): a phone seated at a table never downloads it. */
function lazySocket(token: string, eventId: string | undefined, sink: TransportSink, deferMs: number): ControlTransport & { hurry: () => void } {
  let closed = false
  let started = false
  let socket: ControlTransport | null = null
  const start = () => {
    clearTimeout(timer)
    if (started || closed) return
    started = true
    // Until its part arrives (the network away), the screen says it has no connection.
    loadPart(
      () => import('./control-socketio.js'),
      () => !closed && sink.status('offline'),
    ).then(
      (m) => {
        if (closed) return
        socket = m.openSocketTransport(token, eventId, sink)
        sink.ready()
      },
      // The server answers but no longer has this code (updated meanwhile): the screen offers a reload.
      () => !closed && sink.status('outdated'),
    )
  }
  const timer = setTimeout(start, deferMs)
  if (!deferMs) start()
  return {
    hurry: start,
    ready: () => socket !== null,
    send: (name, payload, timeoutMs) => socket!.send(name, payload, timeoutMs),
    close() {
      closed = true
      clearTimeout(timer)
      socket?.close()
    },
  }
}

/** Mirrors the event's messages into the store, each checked by its schema, whichever transport brings them. */
export function bindControlMessages(on: ControlOn): void {
  on('event:state', (payload: unknown) => {
    const parsed = publicEventViewSchema.safeParse(payload)
    if (!parsed.success) return
    useTischStore.setState({ event: parsed.data.event, role: parsed.data.role, joinCode: parsed.data.joinCode })
    cacheEvent(parsed.data.event.id, payload)
  })
  on('round:state', (payload: unknown) => {
    const parsed = roundMessageSchema.safeParse(payload)
    // Timers run on the server's clock: remember how far this device's clock is off.
    if (!parsed.success) return
    useTischStore.setState({ round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
    const eventIdNow = useTischStore.getState().event?.id
    if (eventIdNow) cacheRound(eventIdNow, { round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
  })
  on('access:guessing', (payload: unknown) => {
    const parsed = joinGuessingSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ joinGuessing: parsed.data })
  })
  on('projector:display', (payload: unknown) => {
    const parsed = projectorDisplayMessageSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ projectorDisplay: parsed.data })
  })
  on('presence:counts', (payload: unknown) => {
    const parsed = presenceCountsSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ presence: parsed.data })
  })
  on('rotation:suggestion', (payload: unknown) => {
    const parsed = rotationSuggestionSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ suggestion: parsed.data })
  })
  bindVoteMessages(on)
  bindModerationGate(on)
}

/** Puts the last event and round state this device saw into the store (validated like fresh ones). */
function hydrateFromCache(eventId: string): void {
  const view = readCachedEvent(eventId)
  if (view) useTischStore.setState({ event: view.event, role: view.role, joinCode: view.joinCode })
  const cached = readCachedRound(eventId)
  if (cached) useTischStore.setState({ round: cached.round, clockOffsetMs: cached.clockOffsetMs })
}
