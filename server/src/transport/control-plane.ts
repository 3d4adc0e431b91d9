import type { Server as HttpServer } from 'node:http'
import type { Socket } from 'socket.io'
import {
  type Ack,
  COMMAND_RIGHTS,
  type ClientEventName,
  ErrorCode,
  type EventActor,
  type Role,
  type ProjectorDisplayMessage,
  type RoundMessage,
  type StoredEvent,
  actorFromClaims,
  audienceRoles,
  displayAfterMove,
  everyClientEvent,
  fail,
  invalidMessage,
  handshakeAuthSchema,
  may,
  openedWith,
  publicEventView,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import { originAllowed } from '../access/origin.js'
import { TokenBucket } from '../access/rate-limit.js'
import { Offenders, offenderKeyOf } from '../boards/offenders.js'
import { type ConnectionBudget, type Limits, personOf } from '../config/limits.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventService } from '../events/event-service.js'
import type { ControlSession, HandlerContext } from '../handlers/handler.js'
import { handlers } from '../handlers/index.js'
import type { Hub, HubMessage } from '../hub/hub.js'
import { Presence } from '../presence/presence.js'
import { RotationPlans } from '../presence/rotation-plans.js'
import type { RoundService } from '../rounds/round-service.js'
import { EngineGate, openControlServer } from './engine-gate.js'
import { closeScreensWhere, hostWithoutTable } from './ended-screens.js'
import { createProgrammeBroadcast } from '../programme/programme-broadcast.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import { isStorageFailure } from '../storage/storage-error.js'
import type { TreeMembers } from '../tree/tree-members.js'
import type { VoteService } from '../harvest/vote-service.js'
import type { GroupService } from '../harvest/group-service.js'
import { VoteDelivery } from '../harvest/vote-delivery.js'
import { EventStateFrames } from './event-state-frames.js'
import { type Screen, ScreenRooms, participantRoom, socketScreen } from './screens.js'
import { DOC_COMMANDS } from './doc-commands.js'
import { CONTROL_EVENT_PARAM } from '../cluster/event-of-request.js'
import { ModerationDelivery } from '../moderation/moderation-delivery.js'
import { installedModeration } from '../moderation/moderation-service.js'

/**
 * Largest Socket.IO message, in bytes. Commands are small JSON objects (board contents go over Yjs);
 * the largest is an event setup at every schema maximum (60 agenda items, 60 tables, 8 stations),
 * about 225 KiB in the widest UTF-8 (control-message-size.test.ts). Larger frames are dropped.
 * @default 256 KiB
 */
export const CONTROL_MESSAGE_MAX = 256 * 1024
/** What a refused handshake carries when the credential's event was deleted (`connect_error`'s `data`). */
const EVENT_DELETED_DATA = { what: 'event', deleted: true }
/** Presence counts go out at most this often per event, in ms. */
const PRESENCE_INTERVAL_MS = 1000
/** Rotation suggestions wait this long for more reports before they are computed, in ms. */
const SUGGESTION_DELAY_MS = 200

/** One Socket.IO room per event and role: delivery to an audience is delivery to its roles' rooms. */
const roleRoom = (eventId: string, role: Role) => `event:${eventId}:${role}`

/**
 * The facilitation control plane over Socket.IO: a credential in the handshake, one room per
 * event and role, commands validated by the shared schemas and authorised by the policy, presence
 * as counts. What reaches the screens comes from the hub.
 */
export function createControlPlane(
  httpServer: HttpServer,
  deps: {
    events: EventService
    rounds: RoundService
    programme: ProgrammeService
    rooms: DocRooms
    hub: Hub
    log: Logger
    now: () => number
    limits: Limits
    budget: ConnectionBudget
    publicUrl: string | undefined
    treeMembers: TreeMembers
    votes: VoteService
    groups: GroupService
    /** Senders waiting out a backoff, shared with the board sockets (a flood on either counts on both). */
    offenders?: Offenders
    /** Whether a credential is validly signed for an event that was deleted (its screens are told so). */
    isDeletedLink?: (token: string) => Promise<boolean>
    /** Several nodes: whether this node serves the event (absent: one node serves every event). */
    owns?: (eventId: string) => Promise<boolean>
  },
) {
  const offenders = deps.offenders ?? new Offenders()
  const io = openControlServer(httpServer, CONTROL_MESSAGE_MAX, new EngineGate(deps.limits.maxConnections, deps.budget.maxPerPerson, (token) => deps.events.claimsOf(token)))
  const presence = new Presence()
  const screens = new ScreenRooms(io)
  // What the console last asked the projectors to show, per event. Kept in this process only: a
  // restart or another node starts from the projectors' own choice until the console sends again.
  const displays = new Map<string, ProjectorDisplayMessage>()
  let displaySeq = 0
  const pendingPresence = new Map<string, NodeJS.Timeout>()
  const plans = new RotationPlans()
  const pendingSuggestions = new Map<string, NodeJS.Timeout>()
  /** What each socket was last suggested, so a recompute sends only changes. */
  const lastSuggestion = new Map<string, string>()

  /** Sends each phone that has to move at the running station its own suggested table. */
  const sendSuggestions = (eventId: string) => {
    if (pendingSuggestions.has(eventId)) return
    pendingSuggestions.set(
      eventId,
      setTimeout(() => {
        pendingSuggestions.delete(eventId)
        const stored = deps.events.current(eventId)
        if (!stored) return
        for (const [socketId, suggestion] of plans.suggest(stored, presence.phones(eventId))) {
          const key = `${suggestion.stationId}/${suggestion.tableId}`
          if (lastSuggestion.get(socketId) === key) continue
          lastSuggestion.set(socketId, key)
          screens.to(socketId).emit('rotation:suggestion', suggestion)
        }
      }, SUGGESTION_DELAY_MS),
    )
  }

  const sendPresence = (eventId: string) => {
    if (pendingPresence.has(eventId)) return
    pendingPresence.set(
      eventId,
      setTimeout(() => {
        pendingPresence.delete(eventId)
        // Several nodes: presence is counted where the event is served; another node's count (a
        // screen that reached it naming no event) would overwrite the true one on every console.
        void (deps.owns ? deps.owns(eventId).catch(() => false) : Promise.resolve(true)).then((serves) => {
          if (serves) screens.to(audienceRoles('staff').map((role) => roleRoom(eventId, role))).emit('presence:counts', presence.counts(eventId))
        })
      }, PRESENCE_INTERVAL_MS),
    )
  }

  const ctx: HandlerContext = {
    events: deps.events,
    rounds: deps.rounds,
    programme: deps.programme,
    rooms: deps.rooms,
    treeMembers: deps.treeMembers,
    now: deps.now,
    log: deps.log,
    seat(session, tableId, visits) {
      if (presence.seat(session.actor.eventId, session.socketId, tableId, visits)) sendPresence(session.actor.eventId)
      sendSuggestions(session.actor.eventId)
    },
    publishEvent(eventId) {
      deps.hub.publish({ eventId, topic: 'event', audience: 'everyone' })
    },
    showOnProjectors(eventId, display, languageOnly = false) {
      // A change of language alone keeps what the projectors were last told to show.
      const shown = languageOnly ? { ...(displays.get(eventId)?.display ?? display), language: display.language } : display
      displays.set(eventId, { display: shown, seq: ++displaySeq, ...(languageOnly ? { languageOnly } : {}) })
      deps.hub.publish({ eventId, topic: 'display', audience: 'staff' })
    },
    dayMovedOn(eventId, treePhase) {
      const next = displayAfterMove(displays.get(eventId), treePhase, ++displaySeq)
      if (!next) return
      displays.set(eventId, next)
      deps.hub.publish({ eventId, topic: 'display', audience: 'staff' })
    },
    votes: deps.votes,
    publishVotes(eventId, what) {
      deps.hub.publish({ eventId, topic: 'votes', audience: 'everyone', ...what })
    },
    groups: deps.groups,
    publishGroups(eventId, column) {
      deps.hub.publish({ eventId, topic: 'groups', audience: 'everyone', column })
    },
  }
  const voteDelivery = new VoteDelivery(screens, deps.votes, roleRoom, deps.log, deps.groups)
  const moderation = installedModeration(deps.rooms)
  const moderationDelivery = moderation && new ModerationDelivery(screens, deps.rooms, moderation, roleRoom, deps.log)
  if (moderation) moderation.onChanged = ({ eventId, tableId, participantId }) => deps.hub.publish({ eventId, topic: 'moderation', audience: 'everyone', tableId, participantId })
  const roundMessage = (stored: StoredEvent): RoundMessage => ({ round: stored.round, serverNow: deps.now() })
  const eventStateFrames = new EventStateFrames()

  /** Sends the current event and round state to the screens of an audience, each role the view it may see. */
  function deliverEvent(stored: StoredEvent, roles: readonly Role[]): void {
    const round = roundMessage(stored)
    for (const role of roles) {
      const room = roleRoom(stored.event.id, role)
      const viewer: EventActor = { type: 'event', eventId: stored.event.id, role, participantId: null, tableId: null }
      screens.to(room).emit('event:state', publicEventView(viewer, stored.event, stored.joinCode))
      screens.to(room).emit('round:state', round)
    }
  }

  function onHubMessage(message: HubMessage): void {
    const roles = audienceRoles(message.audience)
    if (message.topic === 'event') {
      // Read from the store, not this node's memory: the change may come from another node.
      void deps.events.get(message.eventId).then(
        (stored) => {
          if (!stored) return
          closeScreensWhere(io, screens, roles.map((role) => roleRoom(stored.event.id, role)), (actor) => hostWithoutTable(actor, stored.event))
          deliverEvent(stored, roles)
          sendSuggestions(stored.event.id)
        },
        (error: unknown) => deps.log.error({ err: error, event: message.eventId }, 'could not read a changed event'),
      )
    } else if (message.topic === 'presence') sendPresence(message.eventId)
    else if (message.topic === 'programme') programmeBroadcast.changed(message.eventId, message.what, message.participantIds)
    else if (message.topic === 'display') {
      const display = displays.get(message.eventId)
      if (display) screens.to(roles.map((role) => roleRoom(message.eventId, role))).emit('projector:display', display)
    } else if (message.topic === 'deleted') dropEvent(message.eventId, true)
    else if (message.topic === 'revoked') {
      // The screens opened with a renewed link (each node closes its own): their next handshake is refused.
      closeScreensWhere(io, screens, roles.map((role) => roleRoom(message.eventId, role)), (actor) => openedWith(actor, message.link))
    } else if (message.topic === 'votes') voteDelivery.changed(message.eventId, message.stepId, message.participantId)
    else if (message.topic === 'groups') voteDelivery.groupsChanged(message.eventId, message.column)
    else if (message.topic === 'moderation') moderationDelivery?.changed(message.eventId, message.tableId, message.participantId)
    else if (message.topic === 'guessing')
      screens.to(roles.map((role) => roleRoom(message.eventId, role))).emit('access:guessing', { wrongCodes: message.wrongCodes, windowSeconds: message.windowSeconds })
  }
  const programmeBroadcast = createProgrammeBroadcast(screens, deps.programme, roleRoom, deps.log)
  const unsubscribe = deps.hub.subscribe(onHubMessage)

  io.use(async (socket, next) => {
    // Pages of other sites are refused with a named error the client can show.
    const { origin, host } = socket.handshake.headers
    if (!originAllowed(origin, host, deps.publicUrl)) return next(new Error(ErrorCode.BAD_ORIGIN))
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth)
    if (!auth.success) return next(new Error(ErrorCode.INVALID_MESSAGE))
    const checked = await deps.events.authenticate(auth.data.token)
    if (!checked) {
      // A screen of a deleted event (it was away when it went): "gelöscht", not "wrong key".
      if (await deps.isDeletedLink?.(auth.data.token)) return next(Object.assign(new Error(ErrorCode.NOT_FOUND), { data: EVENT_DELETED_DATA }))
      return next(new Error(ErrorCode.UNAUTHORIZED))
    }
    // Counted last, so refused handshakes never hold a slot.
    const actor = actorFromClaims(checked.claims)
    // The event the address names routes the connection (several nodes): it must be the credential's.
    const named = socket.handshake.query[CONTROL_EVENT_PARAM]
    if (named !== undefined && named !== actor.eventId) return next(new Error(ErrorCode.UNAUTHORIZED))
    // Closed for flooding a moment ago (here or on a doc socket): it waits out the backoff.
    if (offenders.waiting(offenderKeyOf(actor.eventId, actor), Date.now())) return next(new Error(ErrorCode.RATE_LIMITED))
    const participant = actor.role === 'participant'
    const release = deps.budget.take(personOf(actor), participant, actor.eventId)
    if (!release) return next(new Error(deps.budget.fullFor(participant, actor.eventId) ? ErrorCode.SERVER_FULL : ErrorCode.RATE_LIMITED))
    socket.once('disconnect', release)
    socket.data.session = { socketId: socket.id, actor } satisfies ControlSession
    socket.data.token = auth.data.token
    next()
  })

  /**
   * Opens a screen of the control plane (a Socket.IO connection or a doc socket that carries it):
   * its rooms, presence and first messages. `command` runs a client command as every screen's are
   * run (the credential checked again, the pace, the schema, the handler); `detach` when it closes.
   */
  function attachScreen(screen: Screen, token: string) {
    const { session } = screen
    const { actor } = session
    const { eventId } = actor
    screens.join(screen, roleRoom(eventId, actor.role))
    if (actor.participantId) screens.join(screen, participantRoom(eventId, actor.participantId))
    presence.join(eventId, screen.id, actor)
    sendPresence(eventId)
    // Read by the handshake just now; listeners must be bound in this tick.
    const stored = deps.events.current(eventId)
    if (stored) {
      if (screen.frame) screen.frame(eventStateFrames.of(stored, actor.role))
      else screen.emit('event:state', publicEventView(actor, stored.event, stored.joinCode))
      screen.emit('round:state', roundMessage(stored))
    }
    if (may(actor, 'presence:watch', { eventId })) {
      screen.emit('presence:counts', presence.counts(eventId))
      const display = displays.get(eventId)
      if (display) screen.emit('projector:display', { display: display.display, seq: display.seq, initial: true })
    }

    /** Resolves once the first messages read from the store (votes, groups, moderation) are sent. */
    const opened = Promise.all([voteDelivery.connected(screen, actor), moderationDelivery?.connected(screen, actor, screen.docName)]).then(() => {})
    const pace = new TokenBucket(deps.limits.controlMessagesBurst, deps.limits.controlMessagesPerSecond, Date.now())
    let refusedInARow = 0
    const command = async (name: ClientEventName, payload: unknown, reply: (a: Ack) => void) => {
      // A link revoked or an event deleted while this screen was open: nothing more from it.
      // The store unreadable (a disk fault) is answered like a handler's storage failure, never left unhandled.
      const authenticated = await deps.events.authenticate(token).catch((error: unknown) => (deps.log.error({ err: error, event: name }, 'credential not read'), undefined))
      if (authenticated === undefined) return reply(fail(ErrorCode.STORAGE_FAILED))
      if (!authenticated) {
        reply(fail(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
        // Deleted just now (this command overtook the hub's message): the screen is told so, not only dropped.
        if (!(await deps.events.get(eventId))) {
          screen.emit('event:deleted', {})
          return void screen.disconnect('deleted')
        }
        return void screen.disconnect('revoked')
      }
      if (!pace.take(Date.now())) {
        reply(fail(ErrorCode.RATE_LIMITED, { what: 'commands' }))
        // A client that keeps hammering is cut off; a person clicking fast only waits.
        if (++refusedInARow >= 100) {
          // Its reconnects wait out the backoff, over Socket.IO and on a doc socket alike.
          offenders.flooded(offenderKeyOf(eventId, actor), Date.now())
          screen.disconnect()
        }
        return
      }
      refusedInARow = 0
      // The role first: who may never send this command learns nothing of its fields and limits.
      if (!may(actor, COMMAND_RIGHTS[name].action, { eventId })) return reply(fail(ErrorCode.FORBIDDEN, { needs: COMMAND_RIGHTS[name].needs }))
      const parsed = everyClientEvent[name].safeParse(payload)
      if (!parsed.success) return reply(invalidMessage(parsed.error))
      // A screen of an older app reached a node that does not serve its event (it named none): what
      // works on the event's docs runs only where they are kept, or it would act on a stale copy.
      if (deps.owns && DOC_COMMANDS.has(name) && !(await deps.owns(eventId).catch(() => false))) return reply(fail(ErrorCode.CONFLICT, {}, 'another node serves this event; reload the page'))
      try {
        reply(await (handlers[name] as (c: HandlerContext, s: ControlSession, p: unknown) => Ack | Promise<Ack>)(ctx, session, parsed.data))
      } catch (error) {
        deps.log.error({ err: error, event: name }, 'command failed')
        reply(fail(isStorageFailure(error) ? ErrorCode.STORAGE_FAILED : ErrorCode.INTERNAL))
      }
    }
    return {
      command,
      opened,
      detach: () => {
        lastSuggestion.delete(screen.id)
        presence.leave(eventId, screen.id)
        sendPresence(eventId)
      },
    }
  }

  io.on('connection', (socket: Socket) => {
    const { command, detach } = attachScreen(socketScreen(socket, socket.data.session as ControlSession), socket.data.token as string)
    // One listener for every command (not one per command and socket).
    socket.onAny((name: string, payload: unknown, ack?: unknown) => byName(command)(name, payload, typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {}))
    socket.on('disconnect', detach)
  })

  /**
   * Opens a carried screen (a doc socket with the control plane on it); it uses the doc socket's
   * slot of the connection budget. Unknown command names are answered INVALID_MESSAGE (its client
   * waits for every answer).
   */
  function carry(screen: Screen, token: string) {
    screens.add(screen)
    const { command, detach, opened } = attachScreen(screen, token)
    return {
      opened,
      command: byName(command),
      detach: () => {
        screens.remove(screen)
        detach()
      },
    }
  }

  /** Runs a command by its name, on either transport; a name no command has is answered as such. */
  const byName = (command: (name: ClientEventName, payload: unknown, reply: (a: Ack) => void) => Promise<void>) => (name: string, payload: unknown, reply: (a: Ack) => void): void =>
    Object.hasOwn(everyClientEvent, name) ? void command(name as ClientEventName, payload, reply) : reply(fail(ErrorCode.INVALID_MESSAGE, undefined, 'unknown command'))

  /** Disconnects every screen of an event (deleted or its links revoked); their reconnects are refused. */
  function dropEvent(eventId: string, deleted: boolean): void {
    displays.delete(eventId)
    // Screens say so and stop their timers (a revoked link only drops them: their reconnect is refused).
    const rooms = audienceRoles('everyone').map((role) => roleRoom(eventId, role))
    if (deleted) screens.to(rooms).emit('event:deleted', {})
    screens.disconnect(rooms, deleted ? 'deleted' : undefined)
    plans.drop(eventId)
  }

  return {
    io,
    carry,
    offenders,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        programmeBroadcast.close()
        for (const t of [...pendingPresence.values(), ...pendingSuggestions.values()]) clearTimeout(t)
        voteDelivery.close()
        void io.close(() => resolve())
      }),
  }
}
