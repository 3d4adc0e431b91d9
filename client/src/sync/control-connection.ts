import { io, type Socket } from 'socket.io-client'
import {
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  ErrorCode,
  WIRE_VERSION,
  fail,
  joinGuessingSchema,
  presenceCountsSchema,
  projectorDisplayMessageSchema,
  publicEventViewSchema,
  rotationSuggestionSchema,
  roundMessageSchema,
} from '@tischrunde/shared'
import { useTischStore } from '../store/index.js'
import { cacheEvent, cacheRound, readCachedEvent, readCachedRound } from './device-storage.js'
import { bindVoteMessages } from './vote-messages.js'

/** The control plane as the app sees it: send a command with an answer, and close. */
export interface ControlConnection {
  send<N extends ClientEventName>(name: N, payload: ClientEventPayload<N>): Promise<Ack>
  /** Listens to a server message (or `connect`) for a feature that checks it itself; returns the unsubscribe. */
  on(name: string, listener: (payload: unknown) => void): () => void
  close(): void
}

/** How long a command may wait for its answer, in ms. */
const ACK_TIMEOUT_MS = 8000

/**
 * Connects to the event's control plane and mirrors event state and presence into the store.
 * Every message from the server is checked with the shared schema before it is used.
 */
export function connectControl(token: string, eventId?: string): ControlConnection {
  // The event in the address: with several server nodes the connection is routed to the event's node.
  // WebSocket only: the boards need WebSockets anyway, and long-polling first would add a handshake
  // and an upgrade to every connect (the browser build leaves the polling transport out).
  const socket: Socket = io({ auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnectionDelayMax: 5000, ...(eventId ? { query: { event: eventId } } : {}) })
  // Offline (e.g. a reload on bad Wi-Fi), the screen starts from the last state it saw.
  if (eventId) hydrateFromCache(eventId)
  useTischStore.setState({ controlStatus: 'connecting' })

  socket.on('connect', () => useTischStore.setState({ controlStatus: 'online' }))
  socket.on('disconnect', (reason: string) => {
    if (useTischStore.getState().controlStatus === 'deleted') return
    useTischStore.setState({ controlStatus: 'offline' })
    // The server dropped this screen (its link was revoked): one new handshake tells whether the key
    // still opens the event, so the screen says so instead of "offline" for ever.
    if (reason === 'io server disconnect') socket.connect()
  })
  socket.on('connect_error', (error: Error) => {
    // A key that is malformed, wrong or revoked: no retry will help, say so.
    if (error.message === ErrorCode.UNAUTHORIZED || error.message === ErrorCode.INVALID_MESSAGE) {
      useTischStore.setState({ controlStatus: 'denied' })
      socket.disconnect()
    } else useTischStore.setState({ controlStatus: 'offline' })
  })
  socket.on('event:state', (payload: unknown) => {
    const parsed = publicEventViewSchema.safeParse(payload)
    if (!parsed.success) return
    useTischStore.setState({ event: parsed.data.event, role: parsed.data.role, joinCode: parsed.data.joinCode })
    cacheEvent(parsed.data.event.id, payload)
  })
  socket.on('round:state', (payload: unknown) => {
    const parsed = roundMessageSchema.safeParse(payload)
    // Timers run on the server's clock: remember how far this device's clock is off.
    if (!parsed.success) return
    useTischStore.setState({ round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
    const eventIdNow = useTischStore.getState().event?.id
    if (eventIdNow) cacheRound(eventIdNow, { round: parsed.data.round, clockOffsetMs: parsed.data.serverNow - Date.now() })
  })
  socket.on('access:guessing', (payload: unknown) => {
    const parsed = joinGuessingSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ joinGuessing: parsed.data })
  })
  socket.on('projector:display', (payload: unknown) => {
    const parsed = projectorDisplayMessageSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ projectorDisplay: parsed.data })
  })
  // The event was deleted: the timer stops (no round any more) and the screen says why.
  socket.on('event:deleted', () => {
    useTischStore.setState({ controlStatus: 'deleted', round: null })
    socket.disconnect()
  })
  socket.on('presence:counts', (payload: unknown) => {
    const parsed = presenceCountsSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ presence: parsed.data })
  })
  socket.on('rotation:suggestion', (payload: unknown) => {
    const parsed = rotationSuggestionSchema.safeParse(payload)
    if (parsed.success) useTischStore.setState({ suggestion: parsed.data })
  })
  bindVoteMessages(socket)

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
    on(name, listener) {
      socket.on(name, listener)
      return () => void socket.off(name, listener)
    },
    close: () => socket.disconnect(),
  }
}

/** Puts the last event and round state this device saw into the store (validated like fresh ones). */
function hydrateFromCache(eventId: string): void {
  const view = readCachedEvent(eventId)
  if (view) useTischStore.setState({ event: view.event, role: view.role, joinCode: view.joinCode })
  const cached = readCachedRound(eventId)
  if (cached) useTischStore.setState({ round: cached.round, clockOffsetMs: cached.clockOffsetMs })
}
