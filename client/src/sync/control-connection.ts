import { io, type Socket } from 'socket.io-client'
import {
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  ErrorCode,
  WIRE_VERSION,
  fail,
  presenceCountsSchema,
  publicEventViewSchema,
  roundMessageSchema,
  roundStateSchema,
} from '@tischrunde/shared'
import { useTischStore } from '../store/index.js'

/** The control plane as the app sees it: send a command with an answer, and close. */
export interface ControlConnection {
  send<N extends ClientEventName>(name: N, payload: ClientEventPayload<N>): Promise<Ack>
  close(): void
}

/** How long a command may wait for its answer, in ms. */
const ACK_TIMEOUT_MS = 8000

/**
 * Connects to the event's control plane and mirrors event state and presence into the store.
 * Every message from the server is checked with the shared schema before it is used.
 */
export function connectControl(token: string, eventId?: string): ControlConnection {
  const socket: Socket = io({ auth: { token, wire: WIRE_VERSION }, reconnectionDelayMax: 5000 })
  // Offline (e.g. a reload on bad Wi-Fi), the screen starts from the last state it saw.
  if (eventId) hydrateFromCache(eventId)
  useTischStore.setState({ controlStatus: 'connecting' })

  socket.on('connect', () => useTischStore.setState({ controlStatus: 'online' }))
  socket.on('disconnect', () => useTischStore.setState({ controlStatus: 'offline' }))
  socket.on('connect_error', (error: Error) => {
    if (error.message === ErrorCode.UNAUTHORIZED) {
      useTischStore.setState({ controlStatus: 'denied' })
      socket.disconnect()
    } else useTischStore.setState({ controlStatus: 'offline' })
  })
  socket.on('event:state', (payload: unknown) => {
    const parsed = publicEventViewSchema.safeParse(payload)
    if (!parsed.success) return
    useTischStore.setState({ event: parsed.data.event, role: parsed.data.role, joinCode: parsed.data.joinCode })
    cache(parsed.data.event.id, 'event', payload)
  })
  socket.on('round:state', (payload: unknown) => {
    const parsed = roundMessageSchema.safeParse(payload)
    // Timers run on the server's clock: remember how far this device's clock is off.
    if (!parsed.success) return
    useTischStore.setState({ round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
    const eventIdNow = useTischStore.getState().event?.id
    if (eventIdNow) cache(eventIdNow, 'round', { round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
  })
  socket.on('presence:counts', (payload: unknown) => {
    const parsed = presenceCountsSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ presence: parsed.data })
  })

  return {
    send(name, payload) {
      return socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(name, payload)
        .then(
          (ack: Ack) => ack,
          (): Ack => fail(ErrorCode.NETWORK, {}, 'no answer in time'),
        )
    },
    close: () => socket.disconnect(),
  }
}

const cacheKey = (eventId: string, kind: string) => `tischrunde.cache.${kind}.${eventId}`

function cache(eventId: string, kind: 'event' | 'round', value: unknown): void {
  try {
    window.localStorage.setItem(cacheKey(eventId, kind), JSON.stringify(value))
  } catch {
    // A full or blocked storage only costs the offline start.
  }
}

/** Puts the last event and round state this device saw into the store (validated like fresh ones). */
function hydrateFromCache(eventId: string): void {
  try {
    const event = publicEventViewSchema.safeParse(JSON.parse(window.localStorage.getItem(cacheKey(eventId, 'event')) ?? 'null'))
    if (event.success) useTischStore.setState({ event: event.data.event, role: event.data.role, joinCode: event.data.joinCode })
    const stored = JSON.parse(window.localStorage.getItem(cacheKey(eventId, 'round')) ?? 'null') as { round?: unknown; clockOffsetMs?: unknown } | null
    const round = roundStateSchema.safeParse(stored?.round)
    if (round.success) useTischStore.setState({ round: round.data, clockOffsetMs: typeof stored?.clockOffsetMs === 'number' ? stored.clockOffsetMs : 0 })
  } catch {
    // Nothing usable cached: the screen waits for the server.
  }
}
