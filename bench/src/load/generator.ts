/**
 * A load-generator process (forked by the orchestrator). It opens its share of phones and
 * projectors against one server, writes cards on the shared schedule, and reports what every
 * observer received and how busy this process itself was.
 *
 * Projectors are real y-websocket clients (Y.Doc + WebsocketProvider) with a Socket.IO control
 * socket, as the projector app. Phones are lightweight protocol-level clients: they speak the same
 * sync protocol but only decode incoming updates instead of keeping a Y.Doc, so 1,000 of them do not
 * make the generator the bottleneck. Against Tischrunde a phone seated at a table carries its control
 * plane on that board socket (`?control=`), as the app does: one connection per phone.
 */
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { type Socket as ControlSocket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  CONTROL_QUERY_PARAM,
  CONTROL_QUERY_VALUE,
  MESSAGE_CONTROL_ACK,
  MESSAGE_CONTROL_PUSH,
  MESSAGE_REFUSED,
  MESSAGE_SAVED,
  boardDocName,
  CONTROL_ID_UNANSWERED,
  encodeControlCommand,
  putCard,
  readControlPush,
} from '@tischrunde/shared'
import { wallNow } from '../stats.js'
import { cardsOf, receive } from './received-cards.js'
import { CONNECT_BATCH, CONNECT_TIMEOUT_MS, type FromWorker, type ObserverReport, type PhoneSpec, type ToWorker, type WorkerSetup, type WorkerStart, cardText } from './protocol.js'

const MESSAGE_SYNC = 0
/** The station and column every bench card goes to (Station 1 is open during the run). */
const STATION = 'station-1'
const COLUMN = 'laeuft-gut'

const send = (m: FromWorker) => process.send!(m)
// Every WebsocketProvider adds an exit listener.
process.setMaxListeners(0)

interface Observer {
  report: ObserverReport
  close(): void
  isOpen(): boolean
}

let setup: WorkerSetup
const observers: Observer[] = []
/** A writer phone: its cards' doc, and the last position seen in the column, below which it places a card as the app does (`nextPosition`; Tischrunde's server corrects any other place). */
interface Writer {
  spec: PhoneSpec
  doc: Y.Doc
  report: ObserverReport
  own: Set<string>
  seen: { last: number }
}
const writers: Writer[] = []
const controls: ControlSocket[] = []
const errors: string[] = []
let closed = 0
let refusals = 0
/** Tables of observers that never synced (their cards count as lost). */
const failedObserverTables: string[] = []

function boardUrl(table: string, token: string | null, carried = false): { base: string; room: string; params: Record<string, string> } {
  const ws = setup.httpUrl.replace(/^http/, 'ws')
  const room = boardDocName(setup.eventId, table)
  // Tischrunde serves boards under /yjs/ with the credential as a query parameter; the stock server
  // takes the room name as the whole path.
  if (setup.target !== 'tischrunde') return { base: ws, room, params: {} }
  return { base: `${ws}/yjs`, room, params: { token: token ?? '', ...(carried ? { [CONTROL_QUERY_PARAM]: CONTROL_QUERY_VALUE } : {}) } }
}

/** The phone's `presence:table` at its table (Phone.tsx): Station 1 is visited there. */
const presenceAt = (table: string) => ({ tableId: table, visits: { [STATION]: table } })

/** A real y-websocket client (a writer phone or a projector); resolves once synced. */
function realClient(
  table: string,
  token: string | null,
  projector: boolean,
): Promise<{ doc: Y.Doc; report: ObserverReport; own: Set<string>; close: () => void; provider: WebsocketProvider }> {
  const doc = new Y.Doc()
  const { base, room, params } = boardUrl(table, token)
  const report: ObserverReport = { table, projector, received: [], own: [] }
  const seen = new Set<string>()
  const own = new Set<string>()
  const cards = doc.getMap<{ id?: string; text?: string }>('cards')
  cards.observe((event) => {
    const now = wallNow()
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add' || own.has(key)) continue
      const card = cards.get(key)
      receive(report, seen, card?.id, card?.text, now)
    }
  })
  const provider = new WebsocketProvider(base, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  })
  // No presence on either server: the stock server would forward every renewal to every socket,
  // Tischrunde ignores it, so presence on would make the reference do extra work.
  provider.awareness.setLocalState(null)
  provider.on('connection-close', (event: { code: number } | null) => {
    closed++
    if (event && event.code >= 4000 && event.code < 5000) refusals++
  })
  // Tischrunde's "saved" acks and refusals (the stock y-websocket client logs unknown types).
  provider.messageHandlers[MESSAGE_SAVED] = () => {}
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    refusals++
    if (errors.length < 20) errors.push(`refused on ${room}: ${decoding.readVarString(decoder)}`)
  }
  const close = () => {
    provider.destroy()
    doc.destroy()
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync on ${room} within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve({ doc, report, own, close, provider })
    })
  })
}

const syncMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A protocol-level phone: asks for the board, answers the server's sync step 1, decodes every
 * update. A writer (`own` given) keeps a Y.Doc of its own cards only and sends each new card as an
 * update, as the y-websocket client does — without integrating everyone else's cards, which with
 * 200 writers at one table made the generators, not the server, the bottleneck.
 *
 * With `carried` the board socket also carries the phone's control plane: the phone counts as
 * connected once the board is synced and the first `event:state` push has arrived, on which it
 * sends its `presence:table` command without waiting for an answer, as the app does.
 */
function lightClient(spec: PhoneSpec, own: Y.Doc | null, carried: boolean, seen: { last: number } = { last: 0 }): Promise<Observer> {
  const { base, room, params } = boardUrl(spec.table, spec.token, carried)
  const query = new URLSearchParams(params).toString()
  const ws = new WebSocket(`${base}/${room}${query ? `?${query}` : ''}`)
  ws.binaryType = 'nodebuffer'
  const report: ObserverReport = { table: spec.table, projector: false, received: [], own: [] }
  const received = new Set<string>()
  const local = own ?? EMPTY_DOC
  let synced = false
  /** The control plane's part: done at once without it. */
  let seated = !carried
  let onReady: () => void = () => {}
  let onFailed: (e: Error) => void = () => {}
  let stateSeen = false
  own?.on('update', (update: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)))
  })
  ws.on('message', (data: Buffer) => {
    const now = wallNow()
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_REFUSED) {
      refusals++
      if (errors.length < 20) errors.push(`refused on ${room}: ${decoding.readVarString(decoder)}`)
      return
    }
    if (type === MESSAGE_CONTROL_PUSH) {
      // Every push is read as the app reads it; the first event:state seats the phone.
      const push = readControlPush(decoder)
      if (!push) return void onFailed(new Error(`unreadable control push on ${room}`))
      if (push.name === 'event:state' && !stateSeen) {
        stateSeen = true
        // As the app does: the seat goes without waiting for an answer.
        ws.send(encodeControlCommand(CONTROL_ID_UNANSWERED, 'presence:table', presenceAt(spec.table)))
        seated = true
        if (synced) onReady()
      }
      return
    }
    // The phone waits for no answer (an older server build answers the seat: ignored, for A/B runs).
    if (type === MESSAGE_CONTROL_ACK) return
    if (type !== MESSAGE_SYNC) return // saved acks, awareness
    const kind = decoding.readVarUint(decoder)
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // "Send me what I lack": everything of this phone's own the server has not got.
      const stateVector = decoding.readVarUint8Array(decoder)
      ws.send(syncMessage((e) => syncProtocol.writeSyncStep2(e, local, stateVector)))
      return
    }
    const update = decoding.readVarUint8Array(decoder)
    for (const card of cardsOf(update, data.toString('latin1'))) {
      receive(report, received, card.id, card.text, now)
      if (typeof card.position === 'number' && card.position > seen.last) seen.last = card.position
    }
    if (kind === syncProtocol.messageYjsSyncStep2 && !synced) {
      synced = true
      if (seated) onReady()
    }
  })
  ws.on('close', (code: number) => {
    closed++
    if (code >= 4000 && code < 5000) refusals++
  })
  ws.on('error', (e) => errors.length < 20 && errors.push(String(e)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${synced ? 'no seat (event:state)' : 'no sync'} on ${room} within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS)
    ws.once('open', () => {
      // Like a fresh phone: "this is what I have, send me the rest of the board".
      ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, local)))
    })
    onReady = () => {
      clearTimeout(timer)
      resolve({ report, close: () => ws.terminate(), isOpen: () => ws.readyState === ws.OPEN })
    }
    onFailed = (e) => {
      clearTimeout(timer)
      reject(e)
    }
    ws.once('error', onFailed)
    ws.once('close', (code: number) => onFailed(new Error(`${room} closed (${code}) before the phone was ready`)))
  })
}
const EMPTY_DOC = new Y.Doc()

/** How long the phone waits for a command's answer (client/src/sync/control-connection.ts). */
const ACK_TIMEOUT_MS = 8000

/**
 * The phone's control-plane socket with the app's own settings (client/src/sync/control-connection.ts):
 * WebSocket only (no long-polling first), reconnecting with its backoff, the event in the address,
 * the server's own ping settings. Like the app it gives up only when the key is refused, and a phone
 * at a table says so (`presence:table` with its visit, answered). Resolves once the phone knows the
 * event (its first `event:state`) and, at a table, its seat is answered.
 */
function controlSocket(token: string, table: string | null): Promise<ControlSocket> {
  const socket = io(setup.httpUrl, { auth: { token, wire: setup.wireVersion }, transports: ['websocket'], reconnectionDelayMax: 5000, query: { event: setup.eventId } })
  controls.push(socket)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`control socket not ready within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS)
    const fail = (e: Error) => {
      clearTimeout(timer)
      reject(e)
    }
    socket.on('connect_error', (e: Error) => {
      if (e.message === 'UNAUTHORIZED' || e.message === 'INVALID_MESSAGE') fail(e)
    })
    socket.once('event:state', () => {
      if (!table) {
        clearTimeout(timer)
        return resolve(socket)
      }
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('presence:table', presenceAt(table))
        .then((ack: { ok: boolean }) => {
          if (!ack.ok) return fail(new Error(`presence:table refused: ${JSON.stringify(ack)}`))
          clearTimeout(timer)
          resolve(socket)
        }, fail)
    })
  })
}

async function connectAll(): Promise<number> {
  let failed = 0
  const tasks: (() => Promise<void>)[] = []
  // Projectors: board and Socket.IO control socket at once, as the projector app. Phones: the
  // control plane carried on the board socket, or (--two-sockets, the phone before #22) a Socket.IO
  // control socket opened at once with the board; connected once both are ready.
  const control = (token: string | null, table: string | null) => (token && (table ? setup.control === 'socket.io' : setup.control !== 'none') ? controlSocket(token, table) : Promise.resolve(null))
  for (const p of setup.projectors) {
    tasks.push(async () => {
      const board = realClient(p.table, p.token, true).then(
        (c) => void observers.push({ report: c.report, close: c.close, isOpen: () => c.provider.wsconnected }),
        (e: unknown) => {
          failedObserverTables.push(p.table)
          throw e
        },
      )
      await Promise.all([board, control(p.token, null)])
    })
  }
  for (const spec of setup.phones) {
    tasks.push(async () => {
      const own = spec.writer ? new Y.Doc() : null
      const seen = { last: 0 }
      const board = lightClient(spec, own, setup.control === 'carried' && spec.token !== null, seen).then(
        (c) => {
          if (own) writers.push({ spec, doc: own, report: c.report, own: new Set(), seen })
          observers.push(c)
        },
        (e: unknown) => {
          if (!own) failedObserverTables.push(spec.table)
          throw e
        },
      )
      await Promise.all([board, control(spec.token, spec.table)])
    })
  }
  for (let i = 0; i < tasks.length; i += CONNECT_BATCH) {
    const results = await Promise.allSettled(tasks.slice(i, i + CONNECT_BATCH).map((t) => t()))
    for (const r of results) {
      if (r.status === 'rejected') {
        failed++
        if (errors.length < 20) errors.push(String(r.reason))
      }
    }
  }
  return failed
}

const sleepUntil = (t: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, t - wallNow())))

async function run(start: WorkerStart): Promise<void> {
  const written: { id: string; table: string }[] = []
  const interval = (1000 * start.writers) / start.rate
  const end = start.t0 + start.durationMs
  const loop = monitorEventLoopDelay({ resolution: 5 })
  await sleepUntil(start.t0)
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  loop.enable()
  closed = 0
  refusals = 0
  // Each writer's next slot; slots of all writers interleave evenly at `rate` cards per second.
  const queue = writers.map((w) => ({ w, at: start.t0 + (w.spec.writerIndex * 1000) / start.rate }))
  for (;;) {
    queue.sort((a, b) => a.at - b.at)
    const next = queue[0]
    if (!next || next.at >= end) break
    // A generator that fell behind writes every card that is due at once instead of one per turn
    // of its event loop (which, busy with deliveries, once stretched a 19 s schedule past the timeout).
    if (next.at > wallNow()) await sleepUntil(next.at)
    const id = randomBytes(15).toString('base64url')
    const sentAt = wallNow()
    next.w.own.add(id)
    next.w.report.own.push(id)
    putCard(next.w.doc, {
      id,
      stationId: STATION,
      columnId: COLUMN,
      text: cardText(sentAt),
      subPoints: [],
      authorId: next.w.spec.participantId,
      createdAt: Math.floor(sentAt),
      // Below the last card this phone has seen in the column, as the app places a card.
      position: next.w.seen.last + 1,
    })
    next.w.seen.last += 1
    written.push({ id, table: next.w.spec.table })
    next.at += interval
  }
  await sleepUntil(end + start.drainMs)
  loop.disable()
  const cpu = process.cpuUsage(cpu0)
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 100
  const ms = (ns: number) => Math.round(ns / 1e4) / 100
  send({
    type: 'done',
    written,
    observers: observers.map((o) => o.report),
    cpuPercent: Math.round(cpuPercent * 10) / 10,
    eventLoopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    closed,
    refusals,
    errors,
  })
}

process.on('message', (m: ToWorker) => {
  if (m.type === 'setup') {
    setup = m
    const t0 = performance.now()
    connectAll().then(
      (failed) => send({ type: 'ready', connectMs: Math.round(performance.now() - t0), failed, failedObserverTables, errors }),
      (e: unknown) => send({ type: 'error', message: String(e) }),
    )
  } else if (m.type === 'start') {
    run(m).catch((e: unknown) => send({ type: 'error', message: String(e) }))
  } else {
    for (const o of observers) o.close()
    for (const c of controls) c.disconnect()
    setTimeout(() => process.exit(0), 200)
  }
})
process.on('disconnect', () => process.exit(0))
