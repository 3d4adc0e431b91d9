/**
 * Reconnect storm: N phones (real y-websocket clients with the app's reconnect settings, each
 * carrying its control plane on its board socket as the phone does) and a projector per table (board
 * socket and Socket.IO control socket, as the projector app) on the 11 tables, one writer per table;
 * after their cards are acknowledged the server is killed (kill -9) while more cards are in flight,
 * and restarted on the same port. Measures how long until 99 % and all phones are synced again and
 * have their control plane back (the first `event:state` push after the kill; the phone then says
 * where it sits), when the projectors' Socket.IO is back, counts refusals (closes 4000–4999, a
 * control plane denied), and checks that no acknowledged card is lost.
 * `npx tsx bench/src/storm.ts [phones] [--two-sockets]` runs it alone.
 */
import * as decoding from 'lib0/decoding'
import { io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  CONTROL_QUERY_PARAM,
  CONTROL_QUERY_VALUE,
  ErrorCode,
  MESSAGE_CONTROL_ACK,
  MESSAGE_CONTROL_PUSH,
  MESSAGE_SAVED,
  WIRE_VERSION,
  boardDocName,
  encodeControlCommand,
  putCard,
  readControlAck,
  readControlPush,
  readSnapshot,
} from '@tischrunde/shared'
import type { PhoneControl } from './load/protocol.js'
import { freePort, freshDataDir, killStarted, removeDir, startTischrunde } from './servers.js'
import { type Percentiles, percentiles, round, wallNow } from './stats.js'
import { TABLES } from './load/scenario.js'
import { advanceRound, createEvent, joinMany, tokenOfLink } from './tischrunde-api.js'

export interface StormResult {
  phones: number
  cardsAcked: number
  /** Acknowledged before the kill and missing afterwards (must be 0). */
  ackedLost: number
  /** Kill → each phone synced again (ms). */
  resynced: Percentiles
  /** Kill → 99 % of the phones synced again (ms); null when fewer ever did. */
  ninetyNinePercentMs: number | null
  /** Phones not synced again within the bound. */
  notResynced: number
  /** Closes with a refusal code (4000–4999) after the restart. */
  refusals: number
  /**
   * How the phones reached the control plane: carried on the board socket (as the app; absent in
   * results written before #22) or a Socket.IO socket of its own (`--two-sockets`).
   */
  phoneControl?: PhoneControl
  /** Phones with a control plane (every phone). */
  controls: number
  /** Kill → each phone's control plane back (ms): its first `event:state` after the kill (carried), or its Socket.IO connected again. */
  controlBack: Percentiles
  /** Kill → 99 % of the phones' control planes back (ms); null when fewer ever did. */
  controlNinetyNinePercentMs: number | null
  /** Phones whose control plane was not back within the bound. */
  controlNotBack: number
  /** Phones' control planes refused after the restart (credential no longer accepted, `presence:table` answered with a failure). */
  controlDenied: number
  /** Projectors (one per table), each with a Socket.IO control socket as the projector app; absent in results written before #22. */
  projectors?: number
  /** Kill → each projector's Socket.IO connected again (ms). */
  projectorBack?: Percentiles
  /** Kill → 99 % of the projectors' Socket.IO back (ms); null when fewer ever did. */
  projectorNinetyNinePercentMs?: number | null
  projectorNotBack?: number
  projectorDenied?: number
  restartMs: number
}

const BOUND_MS = 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A control plane of one client: when it was back after the kill, whether it was refused, whether it still tries. */
interface ControlPlane {
  /** Connected and told the event's state (before the kill: ready for the run). */
  ready: () => boolean
  backAt: number | null
  denied: boolean
  trying: () => boolean
  close: () => void
}

export async function runStorm(opts: { phones: number; cardsPerWriter: number; control?: PhoneControl }): Promise<StormResult> {
  // Without a control plane (--no-control) the storm still measures the phones' one as the app has it.
  const phoneControl: PhoneControl = opts.control === 'socket.io' ? 'socket.io' : 'carried'
  const dataDir = freshDataDir('storm')
  const port = await freePort()
  let server = await startTischrunde({ dataDir, demo: false, port })
  const phones: { doc: Y.Doc; provider: WebsocketProvider; saved: Map<number, number>; resyncedAt: number | null; table: string }[] = []
  const controls: ControlPlane[] = []
  const projectorControls: ControlPlane[] = []
  const boards: { provider: WebsocketProvider; doc: Y.Doc }[] = []
  try {
    const tableNames = Array.from({ length: TABLES }, (_, i) => `Thementisch ${i + 1}`)
    const created = await createEvent(server.url, server.adminKey, 'Sturm', tableNames)
    await advanceRound(server.url, created.facilitatorToken)
    const tables = created.event.tables.map((t) => t.id)
    const joined = await joinMany(server.url, created.joinCode, opts.phones)
    const projectorToken = tokenOfLink(created.links.projector)
    let refusals = 0
    let killedAt = Number.POSITIVE_INFINITY
    const ws = `ws://127.0.0.1:${port}/yjs`
    const presence = (table: string) => ({ tableId: table, visits: { 'station-1': table } })
    // The board socket with the app's own settings (client/src/sync/board-connection.ts): reconnecting, backoff up to 5 s.
    const board = (table: string, token: string, carried: boolean) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(ws, boardDocName(created.event.id, table), doc, {
        params: { token, ...(carried ? { [CONTROL_QUERY_PARAM]: CONTROL_QUERY_VALUE } : {}) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 5000,
      })
      provider.awareness.setLocalState(null)
      provider.messageHandlers[MESSAGE_SAVED] = () => {}
      provider.on('connection-close', (event: { code: number } | null) => {
        if (event && event.code >= 4000 && event.code < 5000 && wallNow() > killedAt) refusals++
      })
      boards.push({ provider, doc })
      return { doc, provider }
    }
    // The control plane carried on the phone's board socket: the server pushes event:state on every
    // (re)connect, the phone answers with where it sits (Phone.tsx), and that must be answered ok.
    const carried = (provider: WebsocketProvider, table: string): ControlPlane => {
      let stateSinceOpen = false
      let nextId = 1
      const plane: ControlPlane = { ready: () => provider.wsconnected && stateSinceOpen, backAt: null, denied: false, trying: () => true, close: () => {} }
      provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected') stateSinceOpen = false
      })
      provider.messageHandlers[MESSAGE_CONTROL_PUSH] = (_encoder, decoder) => {
        if (readControlPush(decoder)?.name !== 'event:state') return
        stateSinceOpen = true
        if (wallNow() > killedAt && plane.backAt === null) plane.backAt = wallNow()
        nextId = (nextId % 1_000_000) + 1
        provider.ws?.send(encodeControlCommand(nextId, 'presence:table', presence(table)))
      }
      provider.messageHandlers[MESSAGE_CONTROL_ACK] = (_encoder, decoder) => {
        const answer = readControlAck(decoder)
        // Refused after the restart: an honest phone lost its seat.
        if (answer && !answer.ack.ok && wallNow() > killedAt) plane.denied = true
      }
      return plane
    }
    // A Socket.IO control socket (client/src/sync/control-connection.ts): WebSocket only, reconnecting
    // with a backoff up to 5 s; a phone says where it sits once connected (Phone.tsx), a projector does not.
    const socketIo = (token: string, table: string | null): ControlPlane => {
      const socket = io(`http://127.0.0.1:${port}`, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnectionDelayMax: 5000, query: { event: created.event.id } })
      const plane: ControlPlane = { ready: () => socket.connected, backAt: null, denied: false, trying: () => socket.active, close: () => socket.disconnect() }
      socket.on('connect', () => {
        if (wallNow() > killedAt && plane.backAt === null) plane.backAt = wallNow()
        if (table) socket.emit('presence:table', presence(table))
      })
      socket.on('connect_error', (error: Error) => {
        if (error.message !== ErrorCode.UNAUTHORIZED && error.message !== ErrorCode.INVALID_MESSAGE) return
        // The app gives up here ("denied"); after the restart that is a refusal of an honest client.
        if (wallNow() > killedAt) plane.denied = true
        socket.disconnect()
      })
      return plane
    }
    for (let i = 0; i < joined.length; i++) {
      const table = tables[i % tables.length]!
      const { doc, provider } = board(table, joined[i]!.token, phoneControl === 'carried')
      const phone = { doc, provider, saved: new Map<number, number>(), resyncedAt: null as number | null, table }
      provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
        phone.saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
      }
      provider.on('sync', (synced: boolean) => {
        if (synced && wallNow() > killedAt && phone.resyncedAt === null) phone.resyncedAt = wallNow()
      })
      phones.push(phone)
      controls.push(phoneControl === 'carried' ? carried(provider, table) : socketIo(joined[i]!.token, table))
      if (i % 50 === 49) await sleep(200)
    }
    for (const table of tables) {
      board(table, projectorToken, false)
      projectorControls.push(socketIo(projectorToken, null))
    }
    const until = wallNow() + BOUND_MS
    while ((boards.some((b) => !b.provider.synced) || [...controls, ...projectorControls].some((c) => !c.ready())) && wallNow() < until) await sleep(100)

    // One writer per table: cards acknowledged before the kill, then more in flight when it comes.
    const writers = phones.slice(0, tables.length)
    const clockOf = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID)
    const written: { id: string; writer: (typeof phones)[number]; clock: number; table: string }[] = []
    const write = (w: (typeof phones)[number], n: number) => {
      const id = `sturm-${w.table}-${n}`.slice(0, 40)
      putCard(w.doc, { id, stationId: 'station-1', columnId: 'laeuft-gut', text: `Sturmkarte ${n}`, subPoints: [], authorId: joined[phones.indexOf(w)]!.participantId, createdAt: Date.now(), position: n })
      written.push({ id, writer: w, clock: clockOf(w.doc), table: w.table })
    }
    for (let n = 0; n < opts.cardsPerWriter; n++) for (const w of writers) write(w, n)
    while (writers.some((w) => (w.saved.get(w.doc.clientID) ?? 0) < clockOf(w.doc)) && wallNow() < until + BOUND_MS) await sleep(50)
    for (const w of writers) write(w, opts.cardsPerWriter)

    killedAt = wallNow()
    await server.crash()
    const acked = written.filter((c) => c.clock <= (c.writer.saved.get(c.writer.doc.clientID) ?? 0))
    const t0 = wallNow()
    server = await startTischrunde({ dataDir, demo: false, port })
    const restartMs = round(wallNow() - t0)
    const bound = wallNow() + BOUND_MS
    const waiting = (c: ControlPlane) => c.backAt === null && c.trying()
    while ((phones.some((p) => p.resyncedAt === null) || controls.some(waiting) || projectorControls.some(waiting)) && wallNow() < bound) await sleep(100)
    // A phone whose presence:table is still unanswered when everything is back gets a moment more.
    await sleep(500)

    const times = phones.filter((p) => p.resyncedAt !== null).map((p) => p.resyncedAt! - killedAt)
    const sorted = [...times].sort((a, b) => a - b)
    const ninetyNine = Math.ceil(phones.length * 0.99)
    const back = (list: ControlPlane[]) => {
      const ms = list.filter((c) => c.backAt !== null).map((c) => c.backAt! - killedAt)
      const ordered = [...ms].sort((a, b) => a - b)
      const need = Math.ceil(list.length * 0.99)
      return { times: ms, ninetyNine: ordered.length >= need && need > 0 ? round(ordered[need - 1]!) : null, notBack: list.length - ms.length, denied: list.filter((c) => c.denied).length }
    }
    const phoneBack = back(controls)
    const projectorBack = back(projectorControls)
    // Every acknowledged card is on the restarted server: read each table as a projector would.
    let ackedLost = 0
    for (const table of tables) {
      const doc = new Y.Doc()
      const reader = new WebsocketProvider(ws, boardDocName(created.event.id, table), doc, {
        params: { token: tokenOfLink(created.links.projector) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      reader.messageHandlers[MESSAGE_SAVED] = () => {}
      const readUntil = wallNow() + 20_000
      while (!reader.synced && wallNow() < readUntil) await sleep(50)
      const ids = new Set(readSnapshot(doc).cards.map((c) => c.id))
      ackedLost += acked.filter((c) => c.table === table && !ids.has(c.id)).length
      reader.destroy()
      doc.destroy()
    }
    return {
      phones: phones.length,
      cardsAcked: acked.length,
      ackedLost,
      resynced: percentiles(times),
      ninetyNinePercentMs: sorted.length >= ninetyNine ? round(sorted[ninetyNine - 1]!) : null,
      notResynced: phones.length - times.length,
      refusals,
      phoneControl,
      controls: controls.length,
      controlBack: percentiles(phoneBack.times),
      controlNinetyNinePercentMs: phoneBack.ninetyNine,
      controlNotBack: phoneBack.notBack,
      controlDenied: phoneBack.denied,
      projectors: projectorControls.length,
      projectorBack: percentiles(projectorBack.times),
      projectorNinetyNinePercentMs: projectorBack.ninetyNine,
      projectorNotBack: projectorBack.notBack,
      projectorDenied: projectorBack.denied,
      restartMs,
    }
  } finally {
    for (const b of boards) {
      b.provider.destroy()
      b.doc.destroy()
    }
    for (const c of [...controls, ...projectorControls]) c.close()
    await server.stop()
    removeDir(dataDir)
  }
}

if (process.argv[1]?.endsWith('storm.ts')) {
  process.setMaxListeners(0)
  const phones = Number(process.argv[2] ?? 100)
  runStorm({ phones, cardsPerWriter: 5, control: process.argv.includes('--two-sockets') ? 'socket.io' : 'carried' }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error: unknown) => {
      killStarted()
      console.error(error)
      process.exit(1)
    },
  )
}
