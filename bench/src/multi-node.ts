/**
 * `npx tsx bench/src/multi-node.ts [--phones 60] [--seconds 10] [--rate 10]` — one node and two
 * nodes on one Redis, in the same run: phones spread over the nodes, cards written at a steady
 * rate, the time from a card's write to its arrival on phones at the same table (for two nodes:
 * on the other node only), deliveries, and per-node CPU and RSS. Prints a table with the two-node
 * figures as ratios to one node. Needs `redis-server` and a built server (`npm run build`).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_REFUSED, MESSAGE_SAVED, boardDocName, putCard, readSnapshot } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { io } from 'socket.io-client'
import type { Ack, RoundMessage } from '@tischrunde/shared'
import { type TischrundeServer, freePort, freshDataDir, killStarted, removeDir, startTischrunde } from './servers.js'
import { type Percentiles, percentiles, processMeter, round } from './stats.js'
import { createEvent, joinMany } from './tischrunde-api.js'

process.setMaxListeners(0)
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const PHONES = arg('phones', 60)
const SECONDS = arg('seconds', 10)
/** Cards per second over all tables. */
const RATE = arg('rate', 10)
const TABLES = 6
const DRAIN_MS = 3000

const log = (m: string) => process.stderr.write(`[multi-node ${new Date().toISOString().slice(11, 19)}] ${m}\n`)

async function startRedis(): Promise<{ url: string; stop: () => void; dir: string }> {
  const dir = freshDataDir('redis')
  const port = await freePort()
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], { stdio: ['ignore', 'pipe', 'ignore'] })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.once('error', reject)
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      if (/Ready to accept connections/.test(out)) resolve()
    })
  })
  return { url: `redis://127.0.0.1:${port}`, dir, stop: () => child.kill('SIGKILL') }
}

interface Row {
  nodes: number
  latency: Percentiles
  delivered: number
  expected: number
  perNode: { cpuPercent: number; rssMaxMb: number }[]
}

async function scenario(nodeCount: number, redisUrl: string): Promise<Row> {
  const dirs = Array.from({ length: nodeCount }, () => freshDataDir('node'))
  const nodes: TischrundeServer[] = []
  const env = { TISCHRUNDE_REDIS_URL: redisUrl, TISCHRUNDE_REDIS_PREFIX: `bench${nodeCount}:`, TISCHRUNDE_CARDS_BURST: '1000' }
  for (const [i, dir] of dirs.entries()) {
    if (i > 0) copyFileSync(path.join(dirs[0]!, 'server.key'), path.join(dir, 'server.key'))
    nodes.push(await startTischrunde({ dataDir: dir, demo: false, env }))
  }
  const [first] = nodes as [TischrundeServer]
  const cafe = await createEvent(
    first.url,
    first.adminKey,
    'Zwei Knoten',
    Array.from({ length: TABLES }, (_, i) => `Tisch ${i + 1}`),
  )
  // The console on the first node opens the day: that node owns the event.
  const console_ = io(first.url, { auth: { token: cafe.facilitatorToken, wire: 1 }, query: { event: cafe.event.id }, transports: ['websocket'], reconnection: false })
  const state = await new Promise<RoundMessage>((resolve) => console_.once('round:state', resolve))
  const ack = (await console_.timeout(10_000).emitWithAck('round:advance', { expectedVersion: state.round.version })) as Ack
  if (!ack.ok) throw new Error(`round:advance refused: ${ack.code}`)
  console_.disconnect()

  const joined = await joinMany(first.url, cafe.joinCode, PHONES)
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let delivered = 0
  let expected = 0
  const phones = joined.map((j, i) => {
    // Every table has phones on every node.
    const node = Math.floor(i / TABLES) % nodeCount
    const table = cafe.event.tables[i % TABLES]!.id
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${nodes[node]!.url.replace(/^http/, 'ws')}/yjs`, boardDocName(cafe.event.id, table), doc, {
      params: { token: j.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    // The server's "saved" and "refused" messages (not y-websocket's own).
    provider.messageHandlers[MESSAGE_SAVED] = () => {}
    provider.messageHandlers[MESSAGE_REFUSED] = () => {}
    const seen = new Set<string>()
    const phone = { node, table, doc, provider, participantId: j.participantId, seen }
    doc.on('update', () => {
      for (const card of readSnapshot(doc).cards) {
        if (seen.has(card.id)) continue
        seen.add(card.id)
        const t = sentAt.get(card.id)
        if (t === undefined) continue
        const writer = card.id.split('-')[1]
        if (writer === String(i)) continue
        delivered++
        // Two nodes: only what crossed to the other node counts for the latency.
        if (nodeCount === 1 || Number(card.id.split('-')[2]) !== node) latencies.push(performance.now() - t)
      }
    })
    return phone
  })
  await Promise.all(phones.map((p) => new Promise<void>((resolve) => (p.provider.synced ? resolve() : p.provider.once('sync', () => resolve())))))
  log(`${nodeCount} node(s): ${PHONES} phones synced, writing ${RATE} cards/s for ${SECONDS} s`)

  const meters = nodes.map((n) => processMeter(n.pid))
  for (const m of meters) m.start()
  const writers = phones.filter((_, i) => i < TABLES * 2)
  const total = RATE * SECONDS
  for (let n = 0; n < total; n++) {
    const w = writers[n % writers.length]!
    const writerIndex = phones.indexOf(w)
    const id = `c-${writerIndex}-${w.node}-${n}`.padEnd(10, 'x')
    sentAt.set(id, performance.now())
    putCard(w.doc, aCard({ id, text: `Karte ${n}`, authorId: w.participantId, position: n }))
    expected += phones.filter((p) => p.table === w.table && p !== w).length
    await new Promise((r) => setTimeout(r, 1000 / RATE))
  }
  await new Promise((r) => setTimeout(r, DRAIN_MS))
  const perNode = meters.map((m) => {
    const { cpuPercent, rssMaxMb } = m.stop()
    return { cpuPercent, rssMaxMb }
  })
  for (const p of phones) {
    p.provider.destroy()
    p.doc.destroy()
  }
  await Promise.all(nodes.map((n) => n.stop()))
  for (const d of dirs) removeDir(d)
  return { nodes: nodeCount, latency: percentiles(latencies), delivered, expected, perNode }
}

async function main(): Promise<void> {
  const redis = await startRedis()
  try {
    const one = await scenario(1, redis.url)
    const two = await scenario(2, redis.url)
    const ratio = (a: number, b: number) => (b === 0 ? '–' : `${round(a / b, 2)}×`)
    const lines = [
      `| nodes | phones | cards | p50 ms | p99 ms | delivered | CPU % per node | RSS max MB per node |`,
      `|---|---|---|---|---|---|---|---|`,
      ...[one, two].map(
        (r) =>
          `| ${r.nodes} | ${PHONES} | ${RATE * SECONDS} | ${r.latency.p50} | ${r.latency.p99} | ${r.delivered}/${r.expected} | ${r.perNode.map((n) => n.cpuPercent).join(' / ')} | ${r.perNode.map((n) => n.rssMaxMb).join(' / ')} |`,
      ),
      `| 2 : 1 | | | ${ratio(two.latency.p50, one.latency.p50)} | ${ratio(two.latency.p99, one.latency.p99)} | | | |`,
    ]
    console.log(lines.join('\n'))
  } finally {
    killStarted()
    redis.stop()
    removeDir(redis.dir)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  killStarted()
  process.exit(1)
})
