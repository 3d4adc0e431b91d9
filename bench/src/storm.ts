/**
 * Reconnect storm: N phones (real y-websocket clients with the app's reconnect settings, each with
 * its control-plane socket as the phone opens it) on the 11 tables, one writer per table; after
 * their cards are acknowledged the server is killed (kill -9) while more cards are in flight, and
 * restarted on the same port. Measures how long until 99 % and all phones are synced again and
 * their control sockets are back, counts refusals (closes 4000–4999, a control socket denied), and
 * checks that no acknowledged card is lost. `npx tsx bench/src/storm.ts [phones]` runs it alone.
 */
import * as decoding from 'lib0/decoding'
import { type Socket as ControlSocket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ErrorCode, MESSAGE_SAVED, WIRE_VERSION, boardDocName, putCard, readSnapshot } from '@tischrunde/shared'
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
  /** Control-plane sockets (one per phone, as the phone opens it). */
  controls: number
  /** Kill → each control socket connected again (ms). */
  controlBack: Percentiles
  /** Kill → 99 % of the control sockets connected again (ms); null when fewer ever did. */
  controlNinetyNinePercentMs: number | null
  /** Control sockets not connected again within the bound. */
  controlNotBack: number
  /** Control sockets refused after the restart (their credential no longer accepted). */
  controlDenied: number
  restartMs: number
}

const BOUND_MS = 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runStorm(opts: { phones: number; cardsPerWriter: number }): Promise<StormResult> {
  const dataDir = freshDataDir('storm')
  const port = await freePort()
  let server = await startTischrunde({ dataDir, demo: false, port })
  const phones: { doc: Y.Doc; provider: WebsocketProvider; saved: Map<number, number>; resyncedAt: number | null; table: string }[] = []
  const controls: { socket: ControlSocket; backAt: number | null }[] = []
  try {
    const tableNames = Array.from({ length: TABLES }, (_, i) => `Thementisch ${i + 1}`)
    const created = await createEvent(server.url, server.adminKey, 'Sturm', tableNames)
    await advanceRound(server.url, created.facilitatorToken)
    const tables = created.event.tables.map((t) => t.id)
    const joined = await joinMany(server.url, created.joinCode, opts.phones)
    let refusals = 0
    let controlDenied = 0
    let killedAt = Number.POSITIVE_INFINITY
    const ws = `ws://127.0.0.1:${port}/yjs`
    for (let i = 0; i < joined.length; i++) {
      const doc = new Y.Doc()
      const table = tables[i % tables.length]!
      // The phone's own settings (client/src/sync/board-connection.ts): reconnecting, backoff up to 5 s.
      const provider = new WebsocketProvider(ws, boardDocName(created.event.id, table), doc, {
        params: { token: joined[i]!.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 5000,
      })
      provider.awareness.setLocalState(null)
      const phone = { doc, provider, saved: new Map<number, number>(), resyncedAt: null as number | null, table }
      provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
        phone.saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
      }
      provider.on('connection-close', (event: { code: number } | null) => {
        if (event && event.code >= 4000 && event.code < 5000 && wallNow() > killedAt) refusals++
      })
      provider.on('sync', (synced: boolean) => {
        if (synced && wallNow() > killedAt && phone.resyncedAt === null) phone.resyncedAt = wallNow()
      })
      phones.push(phone)
      // The phone's control socket (client/src/sync/control-connection.ts): WebSocket only,
      // reconnecting with a backoff up to 5 s; once connected it says where it sits (Phone.tsx).
      const socket = io(`http://127.0.0.1:${port}`, { auth: { token: joined[i]!.token, wire: WIRE_VERSION }, transports: ['websocket'], reconnectionDelayMax: 5000, query: { event: created.event.id } })
      const control = { socket, backAt: null as number | null }
      socket.on('connect', () => {
        if (wallNow() > killedAt && control.backAt === null) control.backAt = wallNow()
        socket.emit('presence:table', { tableId: table, visits: { 'station-1': table } })
      })
      socket.on('connect_error', (error: Error) => {
        if (error.message !== ErrorCode.UNAUTHORIZED && error.message !== ErrorCode.INVALID_MESSAGE) return
        // The phone gives up here ("denied"); after the restart that is a refusal of an honest phone.
        if (wallNow() > killedAt) controlDenied++
        socket.disconnect()
      })
      controls.push(control)
      if (i % 50 === 49) await sleep(200)
    }
    const until = wallNow() + BOUND_MS
    while ((phones.some((p) => !p.provider.synced) || controls.some((c) => !c.socket.connected)) && wallNow() < until) await sleep(100)

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
    while ((phones.some((p) => p.resyncedAt === null) || controls.some((c) => c.backAt === null && c.socket.active)) && wallNow() < bound) await sleep(100)

    const times = phones.filter((p) => p.resyncedAt !== null).map((p) => p.resyncedAt! - killedAt)
    const sorted = [...times].sort((a, b) => a - b)
    const ninetyNine = Math.ceil(phones.length * 0.99)
    const controlTimes = controls.filter((c) => c.backAt !== null).map((c) => c.backAt! - killedAt)
    const controlSorted = [...controlTimes].sort((a, b) => a - b)
    const controlNinetyNine = Math.ceil(controls.length * 0.99)
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
      controls: controls.length,
      controlBack: percentiles(controlTimes),
      controlNinetyNinePercentMs: controlSorted.length >= controlNinetyNine ? round(controlSorted[controlNinetyNine - 1]!) : null,
      controlNotBack: controls.length - controlTimes.length,
      controlDenied,
      restartMs,
    }
  } finally {
    for (const p of phones) {
      p.provider.destroy()
      p.doc.destroy()
    }
    for (const c of controls) c.socket.disconnect()
    await server.stop()
    removeDir(dataDir)
  }
}

if (process.argv[1]?.endsWith('storm.ts')) {
  process.setMaxListeners(0)
  const phones = Number(process.argv[2] ?? 100)
  runStorm({ phones, cardsPerWriter: 5 }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error: unknown) => {
      killStarted()
      console.error(error)
      process.exit(1)
    },
  )
}
