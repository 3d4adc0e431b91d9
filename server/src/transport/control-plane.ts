import type { Server as HttpServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import {
  type Ack,
  type ClientEventName,
  ErrorCode,
  type PublicEventView,
  type RoundMessage,
  type StoredEvent,
  clientEvents,
  describeFirstIssue,
  handshakeAuthSchema,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import { originAllowed } from '../access/origin.js'
import { RateLimiter } from '../access/rate-limit.js'
import type { ConnectionBudget, Limits } from '../config/limits.js'
import type { EventService } from '../events/event-service.js'
import type { ControlSession, HandlerContext } from '../handlers/handler.js'
import { handlers } from '../handlers/index.js'
import { Presence } from '../presence/presence.js'
import type { RoundService } from '../rounds/round-service.js'

/**
 * Largest Socket.IO message, in bytes. Commands are small JSON objects (board contents go over Yjs);
 * the largest is an event setup at every schema maximum (60 agenda items, 60 tables, 8 stations),
 * about 225 KiB in the widest UTF-8 (control-message-size.test.ts). Larger frames are dropped.
 * @default 256 KiB
 */
export const CONTROL_MESSAGE_MAX = 256 * 1024
/** Presence counts go out at most this often per event, in ms. */
const PRESENCE_INTERVAL_MS = 1000

const eventRoom = (eventId: string) => `event:${eventId}`
const staffRoom = (eventId: string) => `staff:${eventId}`

/**
 * The facilitation control plane over Socket.IO: a credential in the handshake, one room per
 * event, commands validated by the shared schemas, presence as counts.
 */
export function createControlPlane(
  httpServer: HttpServer,
  deps: {
    events: EventService
    rounds: RoundService
    log: Logger
    now: () => number
    limits: Limits
    budget: ConnectionBudget
    publicUrl: string | undefined
  },
) {
  const io = new Server(httpServer, {
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: CONTROL_MESSAGE_MAX,
    // Connection-state recovery stays off: every reconnect is a new handshake whose credential is
    // checked again, so a revoked link or a deleted event cannot slip back in with an old session.
    // Engine.io sessions over the cap are refused before any Socket.IO work (a flood that never
    // completes the Socket.IO handshake still costs memory).
    allowRequest: (_req, callback) => callback(io.engine.clientsCount >= deps.limits.maxConnections ? ErrorCode.SERVER_FULL : null, io.engine.clientsCount < deps.limits.maxConnections),
  })
  const presence = new Presence()
  const pendingPresence = new Map<string, NodeJS.Timeout>()

  const sendPresence = (eventId: string) => {
    if (pendingPresence.has(eventId)) return
    pendingPresence.set(
      eventId,
      setTimeout(() => {
        pendingPresence.delete(eventId)
        io.to(staffRoom(eventId)).emit('presence:counts', presence.counts(eventId))
      }, PRESENCE_INTERVAL_MS),
    )
  }

  const ctx: HandlerContext = {
    events: deps.events,
    rounds: deps.rounds,
    now: deps.now,
    seat(session, tableId) {
      if (presence.seat(session.claims.e, session.socketId, tableId)) sendPresence(session.claims.e)
    },
    publishEvent(eventId) {
      // Right after this process's own write: the state it just stored.
      const stored = deps.events.current(eventId)
      if (stored) publishEvent(stored)
    },
  }
  const roundMessage = (stored: StoredEvent): RoundMessage => ({ round: stored.round, serverNow: deps.now() })

  /** Sends the current event and round state to every screen of it (after a change). */
  function publishEvent(stored: StoredEvent): void {
    for (const socket of io.of('/').sockets.values()) {
      const s = socket.data.session as ControlSession | undefined
      if (s?.claims.e !== stored.event.id) continue
      socket.emit('event:state', publicView(stored, s.claims.r))
      socket.emit('round:state', roundMessage(stored))
    }
  }

  io.use(async (socket, next) => {
    // Pages of other sites are refused with a named error the client can show.
    const { origin, host } = socket.handshake.headers
    if (!originAllowed(origin, host, deps.publicUrl)) return next(new Error(ErrorCode.BAD_ORIGIN))
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth)
    if (!auth.success) return next(new Error(ErrorCode.INVALID_MESSAGE))
    const checked = await deps.events.authenticate(auth.data.token)
    if (!checked) return next(new Error(ErrorCode.UNAUTHORIZED))
    // Counted last, so refused handshakes never hold a slot.
    const release = deps.budget.take()
    if (!release) return next(new Error(ErrorCode.SERVER_FULL))
    socket.once('disconnect', release)
    socket.data.session = { socketId: socket.id, claims: checked.claims } satisfies ControlSession
    socket.data.token = auth.data.token
    next()
  })

  io.on('connection', (socket: Socket) => {
    const session = socket.data.session as ControlSession
    const { e: eventId, r: role } = session.claims
    void socket.join(eventRoom(eventId))
    if (role === 'facilitator' || role === 'projector') void socket.join(staffRoom(eventId))
    presence.join(eventId, socket.id, role)
    sendPresence(eventId)
    // Read by the handshake just now; listeners below must be bound in this tick.
    const stored = deps.events.current(eventId)
    if (stored) {
      socket.emit('event:state', publicView(stored, role))
      socket.emit('round:state', roundMessage(stored))
    }
    if (role === 'facilitator' || role === 'projector') socket.emit('presence:counts', presence.counts(eventId))

    const pace = new RateLimiter(deps.limits.controlMessagesBurst, deps.limits.controlMessagesPerSecond, 1)
    let refusedInARow = 0
    for (const name of Object.keys(clientEvents) as ClientEventName[]) {
      socket.on(name, async (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {}
        // A link revoked or an event deleted while this socket was open: nothing more from it.
        if (!(await deps.events.authenticate(socket.data.token as string))) {
          reply({ ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Dieser Link gilt nicht mehr.' })
          return void socket.disconnect(true)
        }
        if (!pace.take('socket', Date.now())) {
          reply({ ok: false, code: ErrorCode.RATE_LIMITED, message: 'Zu viele Befehle in kurzer Zeit.' })
          // A client that keeps hammering is cut off; a person clicking fast only waits.
          if (++refusedInARow >= 100) socket.disconnect(true)
          return
        }
        refusedInARow = 0
        const parsed = clientEvents[name].safeParse(payload)
        if (!parsed.success) {
          const first = describeFirstIssue(parsed.error)
          return reply({ ok: false, code: ErrorCode.INVALID_MESSAGE, message: first.message, path: first.path })
        }
        try {
          reply(await (handlers[name] as (c: HandlerContext, s: ControlSession, p: unknown) => Ack | Promise<Ack>)(ctx, session, parsed.data))
        } catch (error) {
          deps.log.error({ err: error, event: name }, 'Fehler in einem Befehl')
          reply({ ok: false, code: ErrorCode.INTERNAL, message: 'Interner Fehler.' })
        }
      })
    }
    socket.on('disconnect', () => {
      presence.leave(eventId, socket.id)
      sendPresence(eventId)
    })
  })

  /** Disconnects every screen of an event (deleted or its links revoked); their reconnects are refused. */
  function dropEvent(eventId: string): void {
    for (const socket of io.of('/').sockets.values()) {
      const s = socket.data.session as ControlSession | undefined
      if (s?.claims.e === eventId) socket.disconnect(true)
    }
  }

  return {
    io,
    publishEvent,
    dropEvent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of pendingPresence.values()) clearTimeout(t)
        void io.close(() => resolve())
      }),
  }
}

function publicView(stored: StoredEvent, role: ControlSession['claims']['r']): PublicEventView {
  return { event: stored.event, role, joinCode: role === 'participant' ? null : stored.joinCode }
}
