/**
 * Node kill: two nodes on one Redis behind a load balancer (a TCP proxy here, as nginx's
 * `proxy_next_upstream`: a connection goes to its node, or to the other one when that refuses).
 * Phones on both nodes, one writer per table; once their cards are acknowledged, more are written
 * and the node that owns the event is killed (kill -9) while they are in flight. Measures how long
 * until every phone is synced again (through the other node, which takes the event over) and
 * checks that no acknowledged card is lost and that every card written is saved in the end.
 */
import { type Server, type Socket, connect, createServer } from 'node:net'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_REFUSED, MESSAGE_SAVED, boardDocName, putCard, readSnapshot } from '@tischrunde/shared'
import { startNodes } from './multi-node.js'
import { removeDir } from './servers.js'
import { type Percentiles, percentiles, round, wallNow } from './stats.js'
import { advanceRound, createEvent, joinMany, tokenOfLink } from './tischrunde-api.js'

export interface NodeKillResult {
  phones: number
  nodes: number
  /** Cards acknowledged ("gespeichert") before the kill. */
  cardsAcked: number
  /** Of those, missing afterwards (must be 0). */
  ackedLost: number
  /** Cards written (acknowledged or in flight at the kill) that were never saved within the bound (must be 0). */
  unsaved: number
  /** Kill → each phone synced again, in ms. */
  resynced: Percentiles
  /** Kill → the last phone synced again, in ms; null when not all were. */
  allSyncedMs: number | null
  notResynced: number
  /** How long the scenario waits for phones to come back, in s. */
  boundS: number
}

const TABLES = 6
const BOUND_MS = 30_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A load balancer entry: connections go to the first upstream that takes them (`host:port` of each). */
async function entry(upstreams: URL[]): Promise<{ url: string; close: () => void }> {
  const open = new Set<Socket>()
  const server: Server = createServer((client) => {
    open.add(client)
    client.pause()
    const tryUpstream = (i: number) => {
      if (i >= upstreams.length) return client.destroy()
      const target = upstreams[i]!
      const upstream = connect({ host: target.hostname, port: Number(target.port) })
      upstream.once('connect', () => {
        open.add(upstream)
        client.pipe(upstream).pipe(client)
        client.resume()
        const both = () => (client.destroy(), upstream.destroy())
        upstream.once('close', both)
        client.once('close', both)
        upstream.on('error', both)
        client.on('error', both)
      })
      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && !upstream.remoteAddress) tryUpstream(i + 1)
      })
    }
    tryUpstream(0)
    client.once('close', () => open.delete(client))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of open) s.destroy()
      server.close()
    },
  }
}

export async function runNodeKill(opts: { redisUrl: string; phones: number; cardsPerWriter: number }): Promise<NodeKillResult> {
  if (opts.phones < TABLES * 2) throw new Error(`the node-kill row needs at least ${TABLES * 2} phones`)
  return killScenario(opts)
}

async function killScenario(opts: { redisUrl: string; phones: number; cardsPerWriter: number }): Promise<NodeKillResult> {
  const { nodes, dirs } = await startNodes(2, opts.redisUrl, `benchkill-${Date.now()}:`)
  const [a, b] = nodes as [(typeof nodes)[number], (typeof nodes)[number]]
  // Two entries of the balancer: each prefers its node and falls back to the other.
  const viaA = await entry([new URL(a.url), new URL(b.url)])
  const viaB = await entry([new URL(b.url), new URL(a.url)])
  const phones: { doc: Y.Doc; provider: WebsocketProvider; saved: number; table: string; closedAfterKill: boolean; resyncedAt: number | null }[] = []
  try {
    const cafe = await createEvent(a.url, a.adminKey, 'Knotenausfall', Array.from({ length: TABLES }, (_, i) => `Tisch ${i + 1}`))
    // The console reaches node A first: A owns the event.
    await advanceRound(viaA.url, cafe.facilitatorToken)
    const tables = cafe.event.tables.map((t) => t.id)
    const joined = await joinMany(viaA.url, cafe.joinCode, opts.phones)
    let killedAt = Number.POSITIVE_INFINITY
    for (const [i, j] of joined.entries()) {
      const doc = new Y.Doc()
      const table = tables[i % TABLES]!
      const via = Math.floor(i / TABLES) % 2 === 0 ? viaA : viaB
      // The phone's own reconnect settings (client/src/sync/board-connection.ts).
      const provider = new WebsocketProvider(`${via.url.replace(/^http/, 'ws')}/yjs`, boardDocName(cafe.event.id, table), doc, {
        params: { token: j.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 5000,
      })
      provider.awareness.setLocalState(null)
      const phone = { doc, provider, saved: 0, table, closedAfterKill: false, resyncedAt: null as number | null }
      provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
        phone.saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? 0
      }
      provider.messageHandlers[MESSAGE_REFUSED] = () => {}
      provider.on('connection-close', () => {
        if (wallNow() > killedAt) phone.closedAfterKill = true
      })
      provider.on('sync', (synced: boolean) => {
        if (synced && phone.closedAfterKill) phone.resyncedAt = wallNow()
      })
      phones.push(phone)
      // The first phone reaches node A before any other: A takes the event (its owner, to be killed).
      if (i === 0) while (!provider.synced && wallNow() < killedAt) await sleep(20)
    }
    const until = wallNow() + BOUND_MS
    while (phones.some((p) => !p.provider.synced) && wallNow() < until) await sleep(100)

    // One writer per table, on both nodes; acknowledged cards first, then more in flight at the kill.
    const writers = tables.map((_, t) => phones[t % 2 === 0 ? t : t + TABLES]!)
    const clockOf = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID)
    const written: { id: string; writer: (typeof phones)[number]; clock: number; table: string }[] = []
    const write = (w: (typeof phones)[number], n: number) => {
      const id = `knoten-${phones.indexOf(w)}-${n}`.padEnd(10, 'x')
      putCard(w.doc, { id, stationId: 'station-1', columnId: 'laeuft-gut', text: `Karte ${n}`, subPoints: [], authorId: joined[phones.indexOf(w)]!.participantId, createdAt: Date.now(), position: n })
      written.push({ id, writer: w, clock: clockOf(w.doc), table: w.table })
    }
    for (let n = 0; n < opts.cardsPerWriter; n++) {
      for (const w of writers) write(w, n)
      await sleep(50)
    }
    while (writers.some((w) => w.saved < clockOf(w.doc)) && wallNow() < until + BOUND_MS) await sleep(50)
    for (const w of writers) write(w, opts.cardsPerWriter)

    killedAt = wallNow()
    await a.crash()
    const acked = written.filter((c) => c.clock <= c.writer.saved)
    const bound = wallNow() + BOUND_MS
    const back = (p: (typeof phones)[number]) => (p.closedAfterKill ? p.resyncedAt !== null : p.provider.synced)
    while ((phones.some((p) => !back(p)) || writers.some((w) => w.saved < clockOf(w.doc))) && wallNow() < bound) await sleep(50)
    const times = phones.filter(back).map((p) => (p.resyncedAt ?? killedAt) - killedAt)
    const unsaved = written.filter((c) => c.clock > c.writer.saved).length

    // Every acknowledged card is on the board, read through the node that is left.
    let ackedLost = 0
    for (const table of tables) {
      const doc = new Y.Doc()
      const reader = new WebsocketProvider(`${viaB.url.replace(/^http/, 'ws')}/yjs`, boardDocName(cafe.event.id, table), doc, {
        params: { token: tokenOfLink(cafe.links.projector) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      reader.messageHandlers[MESSAGE_SAVED] = () => {}
      reader.messageHandlers[MESSAGE_REFUSED] = () => {}
      const readUntil = wallNow() + 20_000
      while (!reader.synced && wallNow() < readUntil) await sleep(50)
      const ids = new Set(readSnapshot(doc).cards.map((c) => c.id))
      ackedLost += acked.filter((c) => c.table === table && !ids.has(c.id)).length
      reader.destroy()
      doc.destroy()
    }
    return {
      phones: phones.length,
      nodes: 2,
      cardsAcked: acked.length,
      ackedLost,
      unsaved,
      resynced: percentiles(times),
      allSyncedMs: times.length === phones.length ? round(Math.max(...times)) : null,
      notResynced: phones.length - times.length,
      boundS: BOUND_MS / 1000,
    }
  } finally {
    for (const p of phones) {
      p.provider.destroy()
      p.doc.destroy()
    }
    viaA.close()
    viaB.close()
    await Promise.all(nodes.map((n) => n.stop()))
    for (const d of dirs) removeDir(d)
  }
}
