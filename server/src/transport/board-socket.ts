import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { type WebSocket, WebSocketServer } from 'ws'
import {
  type CredentialClaims,
  type DocKind,
  type DocScope,
  type EventActor,
  WriteRefusal,
  boardClose,
  encodeSaved,
  encodeControlPush,
  MESSAGE_CONTROL_COMMAND,
  actorFromClaims,
  checkStateVector,
  clientRoots,
  docAccess,
  may,
  openAccessEnded,
  openedWith,
  resolveDocName,
  writerKeyOf,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import { originAllowed } from '../access/origin.js'
import { TokenBucket } from '../access/rate-limit.js'
import { type ConnectionBudget, DEFAULT_LIMITS, type Limits, personOf } from '../config/limits.js'
import type { BoardPeer, DocRoom } from '../boards/doc-room.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import { Offenders, SOFT_REFUSALS_BURST, SOFT_REFUSALS_PER_SECOND, offenderKeyOf } from '../boards/offenders.js'
import { holdEarlyFrames } from './early-frames.js'
import { sendOn } from './ws-frame.js'
import { receiveUpdate } from '../boards/receive-update.js'
import { personPace } from '../boards/person-pace.js'
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../boards/sync-messages.js'
import type { EventService } from '../events/event-service.js'
import type { Hub } from '../hub/hub.js'
import type { TreeMembers } from '../tree/tree-members.js'
import { type Carry, carryControl, wantsControl } from './carried-control.js'
import { firstFlight, refuseUpgrade } from './upgrade-answer.js'
import { eventSituations } from './event-situations.js'
import { docNameOfUrl } from './doc-socket-path.js'
import { type Live, createSocketWatch } from './socket-watch.js'

export { BOARD_SOCKET_PREFIX } from './doc-socket-path.js'
/**
 * Largest board message accepted, in bytes. A whole board of a long day is far smaller; larger
 * frames are refused by ws before they are buffered.
 * @default 2 MiB
 */
export const BOARD_MESSAGE_MAX = 2 * 1024 * 1024
/**
 * Bytes a socket may have waiting to be sent (a phone in a dead spot, a paused tab). Beyond it the
 * socket is dropped instead of queueing ever more: its client reconnects and catches up with one
 * merged sync reply, so a slow reader costs bounded memory and the others nothing.
 * @default 4 MiB
 */
export const SLOW_SOCKET_BYTES = 4 * 1024 * 1024

const DEFAULT_KEEPALIVE_MS = DEFAULT_LIMITS.boardKeepAliveMs!

/** Who a doc socket belongs to and which doc it opens, settled before the upgrade. */
interface DocAccessGrant {
  docName: string
  kind: DocKind
  scope: DocScope
  actor: EventActor
  /** The credential's epoch and generation: a revoked one ends the socket (see `openAccessEnded`). */
  claims: CredentialClaims
  /** The credential as sent, and whether the socket carries the control plane too (`?control=`). */
  token: string
  control: boolean
  /** A carried screen's push of the event's deletion, set once it is open. */
  pushDeleted?: () => void
}

/**
 * Serves the y-websocket protocol for docs of every registered kind. Which doc a credential may
 * open, and whether it may write there, is asked of the access policy on the HTTP upgrade, before
 * any document byte is sent (401 wrong credential, 404 no such doc, 403 not for this role), and
 * again for every message.
 */
export function createBoardSockets(deps: {
  rooms: DocRooms
  events: EventService
  hub: Hub
  log: Logger
  limits: Limits
  budget: ConnectionBudget
  publicUrl: string | undefined
  /** The server's clock, in ms. */
  now: () => number
  /** Which group each participant is in (tree method): a tree doc opens only for its group. */
  treeMembers: TreeMembers
  /** The day's workshops and their bookings: a workshop board opens for those who booked it. */
  programme?: Pick<ProgrammeService, 'prepare' | 'situationOf'>
  /** The control plane, for doc sockets that carry it (a seated phone); without it `?control=` is refused. */
  carry?: Carry
  /** Senders waiting out a backoff, shared with the control plane (its floods count here too). */
  offenders?: Offenders
  /** Whether a credential is validly signed for an event that was deleted (its upgrade is answered 410). */
  isDeletedLink?: (token: string) => Promise<boolean>
}) {
  // No compression: ws writes every frame at once, so finished frames (ws-frame) keep their order.
  const wss = new WebSocketServer({ noServer: true, maxPayload: BOARD_MESSAGE_MAX, perMessageDeflate: false })
  let peerSeq = 0
  /** Who opened every open socket, to close them when the event is deleted or their link revoked. */
  const byEvent = new Map<WebSocket, EventActor>()
  /** What each open socket was granted, to close it when its holder's access ends (a new group). */
  const grants = new Map<WebSocket, DocAccessGrant>()
  /** Senders closed for hostile input wait before they may open a socket again. */
  const offenders = deps.offenders ?? new Offenders()
  /** New cards and structs per participant of an event, over all their sockets. */
  const paceOf = personPace(deps.limits)

  const { watch, unwatch, close: closeWatch } = createSocketWatch(deps.limits.boardKeepAliveMs ?? DEFAULT_KEEPALIVE_MS)

  /**
   * The event as it stands now (rounds and locks change during the day): synchronous and in order
   * with the messages, the state this process last read or wrote.
   */
  const situations = eventSituations(deps)
  const situationOf = situations.of

  async function authorize(req: IncomingMessage): Promise<DocAccessGrant | { status: number; reason: string }> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const docName = docNameOfUrl(req.url ?? '')
    if (docName === undefined) return { status: 404, reason: 'Not Found' }
    const target = resolveDocName(docName, deps.rooms.kinds)
    if (!target) return { status: 404, reason: 'Not Found' }
    const control = wantsControl(url)
    if (control === null || (control && !deps.carry)) return { status: 400, reason: 'Bad Request' }
    const token = url.searchParams.get('token')
    const auth = await deps.events.authenticate(token)
    // A link of a deleted event: "gelöscht" (410), not "wrong key".
    if (!auth && token && (await deps.isDeletedLink?.(token))) return { status: 410, reason: 'Gone' }
    if (!auth || auth.claims.event !== target.scope.eventId) return { status: 401, reason: 'Unauthorized' }
    const actor = actorFromClaims(auth.claims)
    // The participant's group as stored (another node may have placed them), for kinds that open by group.
    if (actor.participantId) await deps.treeMembers.refresh(target.scope.eventId, actor.participantId)
    // The workshops and bookings as stored, for workshop boards.
    await deps.programme?.prepare(target.scope.eventId).catch(() => undefined)
    const situation = { event: auth.stored.event, round: auth.stored.round, treeGroupOf: deps.treeMembers.situationOf(target.scope.eventId), workshops: deps.programme?.situationOf(target.scope.eventId) }
    if (!target.kind.exists(target.scope, situation)) return { status: 404, reason: 'Not Found' }
    if (docAccess(actor, { ...target, situation }) === 'none') return { status: 403, reason: 'Forbidden' }
    return { docName, ...target, actor, claims: auth.claims, token: token ?? '', control }
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    void upgrade(req, socket, head).catch((error: unknown) => {
      deps.log.error({ err: error }, 'Board-Socket-Upgrade fehlgeschlagen')
      socket.destroy()
    })
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!originAllowed(req.headers.origin, req.headers.host, deps.publicUrl)) return refuseUpgrade(socket, 403, 'Forbidden Origin')
    const access = await authorize(req)
    // The client may have given up while the credential was checked.
    if (socket.destroyed) return
    if ('status' in access) return refuseUpgrade(socket, access.status, access.reason)
    if (offenders.waiting(offenderKeyOf(access.scope.eventId, access.actor), Date.now())) return refuseUpgrade(socket, 429, 'Too Many Requests')
    const participant = access.actor.role === 'participant'
    const release = deps.budget.take(personOf(access.actor), participant, access.scope.eventId)
    if (!release) return deps.budget.fullFor(participant, access.scope.eventId) ? refuseUpgrade(socket, 503, 'Service Unavailable') : refuseUpgrade(socket, 429, 'Too Many Requests')
    socket.once('close', release)
    const flight = firstFlight(socket)
    wss.handleUpgrade(req, socket, head, (ws) => void connect(ws, socket, access, flight))
  }

  async function connect(ws: WebSocket, socket: Duplex, access: DocAccessGrant, flight: ReturnType<typeof firstFlight>): Promise<void> {
    const { actor, kind: docKind, scope } = access
    const offenderKey = offenderKeyOf(access.scope.eventId, access.actor)
    /** Soft refusals (a closed station, a pace) a person may collect before the socket is cut off (see Offenders); a console's are its socket's own. */
    const ownBudget = new TokenBucket(SOFT_REFUSALS_BURST, SOFT_REFUSALS_PER_SECOND, Date.now())
    const softRefusal = offenderKey === null ? () => ownBudget.take(Date.now()) : () => offenders.softRefused(offenderKey, Date.now())
    const messages = new TokenBucket(deps.limits.boardMessagesBurst, deps.limits.boardMessagesPerSecond, Date.now())
    /** False (and the socket closing) when this socket sends faster than its limit. */
    const withinPace = () => {
      if (messages.take(Date.now())) return true
      if (ws.readyState === ws.OPEN) {
        deps.log.warn({ doc: access.docName, role: actor.role }, 'doc socket sends too fast, closed')
        // Its reconnects wait out the backoff (429), on this socket and over Socket.IO alike.
        offenders.flooded(offenderKey, Date.now())
        ws.close(...boardClose('TOO_MANY_MESSAGES'))
      }
      return false
    }
    // Messages that arrive while the doc loads wait, in order, up to a bound in bytes (past it: closed, noted).
    const early = holdEarlyFrames(ws, { withinPace, overflow: () => offenders.note(offenderKey, Date.now()), log: deps.log, doc: access.docName })
    ws.binaryType = 'nodebuffer'
    // ws reports an oversized frame or a protocol violation as an error and closes the socket itself
    // (1009, 1002): log it. Without a listener the error would end the whole process.
    ws.on('error', (error) => deps.log.warn({ err: error, doc: access.docName }, 'doc socket error'))
    byEvent.set(ws, actor)
    grants.set(ws, access)
    ws.once('close', () => (byEvent.delete(ws), grants.delete(ws)))
    let closedEarly = false
    ws.once('close', () => (closedEarly = true))

    let room: DocRoom
    try {
      room = await deps.rooms.acquire(access.docName)
    } catch (error) {
      deps.log.error({ err: error, doc: access.docName }, 'doc could not be loaded')
      ws.close(...boardClose('LOAD_FAILED'))
      return flight.land()
    }
    if (closedEarly) {
      flight.land()
      return deps.rooms.release(room)
    }
    // Facilitators may paste many cards at once; everyone else writes at a person's pace.
    const { admitNewRecords, admitStructs } = paceOf(actor, scope.eventId, may(actor, 'cards:unpaced', { eventId: scope.eventId }))
    const roots = clientRoots(docKind)
    let lastSent = Date.now()
    const peer: BoardPeer = {
      id: `${actor.role}:${actor.participantId ?? '-'}:${++peerSeq}`,
      send: (message, shared) => {
        if (ws.readyState !== ws.OPEN) return
        if (ws.bufferedAmount > SLOW_SOCKET_BYTES) {
          deps.log.warn({ doc: access.docName, role: actor.role, buffered: ws.bufferedAmount }, 'doc socket reads too slowly, dropped (it resyncs)')
          return ws.terminate()
        }
        sendOn(ws, socket, message, shared)
        lastSent = Date.now()
      },
      saved: (vector) => peer.send(encodeSaved(vector)),
    }
    room.peers.add(peer)

    let readCommand: ((decoder: decoding.Decoder) => boolean) | undefined
    const onMessage = (data: Buffer, binary: boolean, paced = false) => {
      // Once the server closed the socket (a refusal, a flood), what the sender still had in flight is dropped.
      if (ws.readyState !== ws.OPEN) return
      if (!paced && !withinPace()) return
      // The protocol is binary: a text frame is no client of ours.
      if (!binary) {
        offenders.note(offenderKey, Date.now())
        return ws.close(...boardClose('INVALID_MESSAGE'))
      }
      try {
        const reply = handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
        if (reply) peer.send(reply)
      } catch (error) {
        deps.log.warn({ err: error, peer: peer.id, doc: access.docName }, 'doc message refused')
        offenders.note(offenderKey, Date.now())
        ws.close(...boardClose('INVALID_MESSAGE'))
      }
    }
    const handleMessage = (message: Uint8Array): Uint8Array | null => {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      // Awareness and auth messages are known and ignored (presence travels over Socket.IO); anything else is no client of ours.
      if (type === MESSAGE_AWARENESS || type === MESSAGE_AUTH || type === MESSAGE_QUERY_AWARENESS) return null
      // A command of the carried control plane; garbage closes the socket like any other.
      if (type === MESSAGE_CONTROL_COMMAND && readCommand) {
        if (!readCommand(decoder)) throw new Error('invalid control command')
        return null
      }
      if (type !== MESSAGE_SYNC) throw new Error(`unknown message type ${type}`)
      const kind = decoding.readVarUint(decoder)
      if (kind === syncProtocol.messageYjsSyncStep1) {
        const vector = decoding.readVarUint8Array(decoder)
        const checked = checkStateVector(vector)
        if (!checked.ok) {
          offenders.note(offenderKey, Date.now())
          ws.close(...boardClose('MALFORMED_UPDATE', checked.problem))
          return null
        }
        // Answered with stored writes only: a crash cannot leave this peer holding what the server lost.
        if (room.answerSync(peer, vector, actor.role === 'participant' ? writerKeyOf(actor) : null)) return null
        deps.log.warn({ doc: room.name }, 'doc socket asks for the board too often, closed')
        offenders.flooded(offenderKey, Date.now())
        ws.close(...boardClose('TOO_MANY_MESSAGES'))
        return null
      }
      if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) throw new Error(`unknown sync message ${kind}`)
      const update = decoding.readVarUint8Array(decoder)
      // Every write is judged by the access as it is now (a booking switched, a link revoked): an
      // honest holder whose access ended is closed like the others are, and not marked as hostile.
      const situation = situationOf(scope.eventId)
      const ended = openAccessEnded(access, deps.events.current(scope.eventId), situation)
      if (ended) {
        deps.log.info({ peer: peer.id, doc: room.name, reason: ended }, 'doc write after the access ended, socket closed')
        ws.close(...boardClose(ended))
        return null
      }
      const outcome = receiveUpdate(room, update, {
        peer,
        actor,
        kind: docKind,
        scope,
        roots,
        situation,
        now: deps.now(),
        admitNewRecords,
        admitStructs,
        syncReply: kind === syncProtocol.messageYjsSyncStep2,
      })
      if (outcome.type === 'taken') return null
      if (outcome.type === 'close') {
        deps.log.warn({ peer: peer.id, doc: room.name, reason: outcome.reason, detail: outcome.detail }, 'doc update refused, socket closed')
        offenders.note(offenderKey, Date.now())
        ws.close(...boardClose(outcome.reason, outcome.detail))
        return null
      }
      deps.log.info({ peer: peer.id, doc: room.name, refusal: outcome.refusal }, 'doc write refused')
      // A sender refused again and again (a flood) is cut off before it costs everyone else.
      if (!softRefusal()) {
        offenders.note(offenderKey, Date.now())
        ws.close(...boardClose(WriteRefusal.TOO_FAST))
        return null
      }
      return outcome.reply
    }

    const held = early.stop()
    ws.on('message', (data: Buffer, binary: boolean) => onMessage(data, binary))
    const live: Live = { ws, alive: true, lastSent: () => lastSent, peer }
    ws.on('pong', () => (live.alive = true))
    watch(live)
    ws.on('close', () => {
      unwatch(live)
      room.peers.delete(peer)
      deps.rooms.release(room)
    })

    for (const message of room.greeting()) peer.send(message)
    let opened: Promise<void> | undefined
    if (access.control && deps.carry) {
      const carried = carryControl(ws, peer, actor, access.token, deps.carry, room.name)
      readCommand = carried.read
      opened = carried.opened
      access.pushDeleted = () => peer.send(encodeControlPush('event:deleted', {}))
    }
    for (const [data, binary] of held) onMessage(data, binary, true)
    flight.land(opened)
  }

  /** Closes every doc socket of an event (deleted): its credentials no longer open it. */
  function dropEvent(eventId: string): void {
    deps.treeMembers.drop(eventId)
    situations.forget(eventId)
    // A carried screen hears of it first (unless the control plane told it already and closed it).
    for (const [ws, actor] of byEvent) {
      if (actor.eventId !== eventId) continue
      grants.get(ws)?.pushDeleted?.()
      ws.close(...boardClose('EVENT_DELETED'))
    }
  }
  const unsubscribe = deps.hub.subscribe((message) => {
    if (message.topic === 'deleted') dropEvent(message.eventId)
    // A renewed link: the sockets opened with the old one close; their reconnects are refused (401).
    if (message.topic === 'revoked')
      for (const [ws, actor] of byEvent) if (actor.eventId === message.eventId && openedWith(actor, message.link)) ws.close(...boardClose('LINK_REVOKED'))
    // Stations writable again: peers re-send what was refused while they were closed.
    if (message.topic === 'reopened') void deps.rooms.resyncEvent(message.eventId)
    // The setup or the programme changed (a table or workshop removed, a booking switched): sockets whose access ended close at once.
    if (message.topic === 'event' || message.topic === 'programme') closeEnded(message.eventId)
  })

  /** Closes the event's sockets whose holders' access ended (see `openAccessEnded`). */
  function closeEnded(eventId: string): void {
    const stored = deps.events.current(eventId)
    // Not known here now (being read again after a failed write): a deletion has its own message.
    if (!stored) return
    const situation = situationOf(eventId)
    for (const [ws, grant] of grants) {
      if (grant.actor.eventId !== eventId || ws.readyState !== ws.OPEN) continue
      const ended = openAccessEnded(grant, stored, situation)
      if (ended) ws.close(...boardClose(ended))
    }
  }

  // A participant placed in another group: their sockets of docs they may no longer open close at once.
  const unsubscribeMembers = deps.treeMembers.onChange((eventId, participantId) => {
    const situation = situationOf(eventId)
    for (const [ws, grant] of grants) {
      if (grant.actor.eventId !== eventId || grant.actor.participantId !== participantId) continue
      if (!situation || docAccess(grant.actor, { kind: grant.kind, scope: grant.scope, situation }) === 'none') ws.close(...boardClose(WriteRefusal.READ_ONLY))
    }
  })

  return {
    handleUpgrade,
    close: () => {
      unsubscribe()
      unsubscribeMembers()
      closeWatch()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    },
    clients: () => wss.clients.size,
  }
}
