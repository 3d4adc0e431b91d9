/**
 * Several nodes on one Redis, next to one node, in the same run: `runMultiNode` runs 1, 2 and 3
 * nodes, phones spread over the nodes (every table has phones on every node), cards written at a
 * steady rate, and measures the time from a card's write to its arrival on phones at the same
 * table — for several nodes only on phones of *other* nodes than the writer's — deliveries, and
 * per-node CPU and RSS. Part of `npm run bench` (skipped with a note when `redis-server` is
 * missing); `npx tsx bench/src/multi-node.ts [--phones 90] [--seconds 20] [--rate 10] [--nodes 1,2,3]
 * [--kill-phones 120] [--kill-cards 10]` runs these rows and the node-kill row
 * (bench/src/multi-node-kill.ts) alone, with the full bench's sizes by default. Needs a built server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_REFUSED, MESSAGE_SAVED, boardDocName, putCard, readSnapshot } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { io } from 'socket.io-client'
import type { Ack, RoundMessage } from '@tischrunde/shared'
import { type NodeKillResult, runNodeKill } from './multi-node-kill.js'
import { type TischrundeServer, freePort, freshDataDir, killStarted, removeDir, startTischrunde } from './servers.js'
import { type Percentiles, percentiles, processMeter, round } from './stats.js'
import { createEvent, joinMany } from './tischrunde-api.js'

const TABLES = 6
const DRAIN_MS = 3000

const log = (m: string) => process.stderr.write(`[multi-node ${new Date().toISOString().slice(11, 19)}] ${m}\n`)

/** Whether Debian's `redis-server` is installed (the multi-node rows need one). */
export function redisAvailable(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  return probe.error === undefined && probe.status === 0
}

export interface BenchRedis {
  url: string
  stop: () => void
  dir: string
}

/** A Redis on a free port on 127.0.0.1, its append-only file fsync'd on every write (as production should). */
export async function startRedis(): Promise<BenchRedis> {
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

export interface MultiNodeOptions {
  phones: number
  /** Seconds of writing per row. */
  seconds: number
  /** Cards per second over all tables. */
  rate: number
  /** The node counts, in this order, each on a fresh set of nodes. @default [1, 2, 3] */
  nodeCounts?: number[]
}

export interface MultiNodeRow {
  nodes: number
  phones: number
  cards: number
  /** Write → arrival on phones at the same table; with several nodes only on other nodes than the writer's. */
  latency: Percentiles
  delivered: number
  expected: number
  /** delivered ÷ expected, in % */
  deliveryPercent: number
  perNode: { cpuPercent: number; rssMaxMb: number }[]
  /** CPU of the bench process itself (every phone's Y.Doc) over the window, in % of one core. */
  generatorCpuPercent: number
}

export interface MultiNodeResult {
  /** Why the rows were not run (no `redis-server`), or absent. */
  skipped?: string
  rows: MultiNodeRow[]
  kill: NodeKillResult | null
}

/** Starts `count` nodes on one Redis, sharing the first node's signing key. */
export async function startNodes(count: number, redisUrl: string, prefix: string, ports?: number[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ nodes: TischrundeServer[]; dirs: string[] }> {
  const dirs = Array.from({ length: count }, () => freshDataDir('node'))
  const nodes: TischrundeServer[] = []
  const env = { TISCHRUNDE_REDIS_URL: redisUrl, TISCHRUNDE_REDIS_PREFIX: prefix, TISCHRUNDE_CARDS_BURST: '1000', ...extraEnv }
  for (const [i, dir] of dirs.entries()) {
    if (i > 0) copyFileSync(path.join(dirs[0]!, 'server.key'), path.join(dir, 'server.key'))
    nodes.push(await startTischrunde({ dataDir: dir, demo: false, env, ...(ports ? { port: ports[i]! } : {}) }))
  }
  return { nodes, dirs }
}

async function scenario(nodeCount: number, redisUrl: string, opts: MultiNodeOptions): Promise<MultiNodeRow> {
  const { nodes, dirs } = await startNodes(nodeCount, redisUrl, `bench${nodeCount}-${Date.now()}:`)
  const [first] = nodes as [TischrundeServer]
  try {
    const cafe = await createEvent(
      first.url,
      first.adminKey,
      'Mehrere Knoten',
      Array.from({ length: TABLES }, (_, i) => `Tisch ${i + 1}`),
    )
    // The console on the first node opens the day: that node owns the event.
    const console_ = io(first.url, { auth: { token: cafe.facilitatorToken, wire: 1 }, query: { event: cafe.event.id }, transports: ['websocket'], reconnection: false })
    const state = await new Promise<RoundMessage>((resolve) => console_.once('round:state', resolve))
    const ack = (await console_.timeout(10_000).emitWithAck('round:advance', { expectedVersion: state.round.version })) as Ack
    if (!ack.ok) throw new Error(`round:advance refused: ${ack.code}`)
    console_.disconnect()

    const joined = await joinMany(first.url, cafe.joinCode, opts.phones)
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    let delivered = 0
    let expected = 0
    /** Per node of the reading phone: deliveries, and connections that closed during the row. */
    const byNode = Array.from({ length: nodeCount }, () => ({ delivered: 0, expected: 0, closes: 0 }))
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
      provider.on('connection-close', () => byNode[node]!.closes++)
      doc.on('update', () => {
        for (const card of readSnapshot(doc).cards) {
          if (seen.has(card.id)) continue
          seen.add(card.id)
          const t = sentAt.get(card.id)
          if (t === undefined) continue
          const [, writer, writerNode] = card.id.split('-')
          if (writer === String(i)) continue
          delivered++
          byNode[node]!.delivered++
          // Several nodes: only what crossed to another node counts for the latency.
          if (nodeCount === 1 || Number(writerNode) !== node) latencies.push(performance.now() - t)
        }
      })
      return phone
    })
    try {
      await Promise.all(phones.map((p) => new Promise<void>((resolve) => (p.provider.synced ? resolve() : p.provider.once('sync', () => resolve())))))
      log(`${nodeCount} node(s): ${opts.phones} phones synced, writing ${opts.rate} cards/s for ${opts.seconds} s`)

      const meters = nodes.map((n) => processMeter(n.pid))
      for (const m of meters) m.start()
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      // Two writers per table, on different nodes where there are several.
      const writers = phones.slice(0, TABLES * 2)
      const total = opts.rate * opts.seconds
      for (let n = 0; n < total; n++) {
        const w = writers[n % writers.length]!
        const writerIndex = phones.indexOf(w)
        const id = `c-${writerIndex}-${w.node}-${n}`.padEnd(10, 'x')
        sentAt.set(id, performance.now())
        putCard(w.doc, aCard({ id, text: `Karte ${n}`, authorId: w.participantId, position: n }))
        for (const p of phones) {
          if (p.table !== w.table || p === w) continue
          expected++
          byNode[p.node]!.expected++
        }
        await new Promise((r) => setTimeout(r, 1000 / opts.rate))
      }
      await new Promise((r) => setTimeout(r, DRAIN_MS))
      const perNode = meters.map((m) => {
        const { cpuPercent, rssMaxMb } = m.stop()
        return { cpuPercent, rssMaxMb }
      })
      log(`${nodeCount} node(s), per node of the reader: ${byNode.map((x, n) => `${n + 1}: ${x.delivered}/${x.expected} delivered, ${x.closes} closed`).join('; ')}`)
      const cpu = process.cpuUsage(cpu0)
      const generatorCpuPercent = round(((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100)
      return {
        nodes: nodeCount,
        phones: opts.phones,
        cards: total,
        latency: percentiles(latencies),
        delivered,
        expected,
        deliveryPercent: expected === 0 ? 0 : round((delivered / expected) * 100, 2),
        perNode,
        generatorCpuPercent,
      }
    } finally {
      for (const p of phones) {
        p.provider.destroy()
        p.doc.destroy()
      }
    }
  } finally {
    await Promise.all(nodes.map((n) => n.stop()))
    for (const d of dirs) removeDir(d)
  }
}

/**
 * The multi-node rows (1, 2 and 3 nodes) and the node-kill row, on one Redis of their own. Without
 * `redis-server` it runs nothing and says why (`skipped`).
 */
export async function runMultiNode(opts: MultiNodeOptions & { kill: { phones: number; cardsPerWriter: number } }): Promise<MultiNodeResult> {
  if (!redisAvailable()) return { skipped: 'redis-server is not installed (Debian: apt-get install redis-server)', rows: [], kill: null }
  const redis = await startRedis()
  try {
    const rows: MultiNodeRow[] = []
    for (const count of opts.nodeCounts ?? [1, 2, 3]) rows.push(await scenario(count, redis.url, opts))
    log(`node kill: kill -9 of the owner under ${opts.kill.phones} phones on two nodes`)
    const kill = await runNodeKill({ redisUrl: redis.url, ...opts.kill })
    return { rows, kill }
  } finally {
    redis.stop()
    removeDir(redis.dir)
  }
}

/** The rows as printed lines (a table, then the node-kill line). */
export function formatMultiNode(r: MultiNodeResult): string[] {
  if (r.skipped) return [`Several nodes on one Redis: skipped (${r.skipped})`]
  const one = r.rows.find((x) => x.nodes === 1)
  const ratio = (a: number, b: number | undefined) => (b ? `${round(a / b, 2)}×` : '–')
  const out = [
    'Several nodes on one Redis (latency: card → phones at its table on other nodes than the writer\'s; one node: all phones)',
    '| nodes | phones | cards | p50 ms | p99 ms | p99 : 1 node | delivered | CPU % per node | RSS max MB per node | bench CPU % |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.nodes} | ${x.phones} | ${x.cards} | ${x.latency.p50} | ${x.latency.p99} | ${ratio(x.latency.p99, one?.latency.p99)} | ${x.delivered}/${x.expected} (${x.deliveryPercent} %) | ${x.perNode.map((n) => n.cpuPercent).join(' / ')} | ${x.perNode.map((n) => n.rssMaxMb).join(' / ')} | ${x.generatorCpuPercent} |`,
    ),
  ]
  const k = r.kill
  if (k)
    out.push(
      `Node kill: kill -9 of the owner of the event under ${k.phones} phones on two nodes: all phones synced again ${k.allSyncedMs ?? '–'} ms after the kill (p50 ${k.resynced.p50} ms), not synced within ${k.boundS} s ${k.notResynced}; acknowledged cards lost ${k.ackedLost} of ${k.cardsAcked}; every card written saved in the end: ${k.unsaved === 0 ? 'yes' : `no, ${k.unsaved} not`}`,
    )
  return out
}

/** Losses the multi-node rows must not have (they fail `npm run bench -- --check`). */
export function multiNodeFailures(r: MultiNodeResult | undefined): string[] {
  if (!r || r.skipped) return []
  const failures: string[] = []
  for (const x of r.rows) if (x.delivered !== x.expected) failures.push(`multi-node, ${x.nodes} node(s): ${x.expected - x.delivered} of ${x.expected} deliveries lost`)
  if (!r.kill) failures.push('node kill: not run')
  else {
    if (r.kill.ackedLost !== 0) failures.push(`node kill: ${r.kill.ackedLost} of ${r.kill.cardsAcked} acknowledged cards lost`)
    if (r.kill.notResynced !== 0) failures.push(`node kill: ${r.kill.notResynced} phones not synced again within ${r.kill.boundS} s`)
    if (r.kill.cardsAcked === 0) failures.push('node kill: no card was acknowledged before the kill')
  }
  return failures
}

if (process.argv[1]?.endsWith('multi-node.ts')) {
  process.setMaxListeners(0)
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? Number(process.argv[i + 1]) : fallback
  }
  const nodesAt = process.argv.indexOf('--nodes')
  const nodeCounts = nodesAt > 0 ? process.argv[nodesAt + 1]!.split(',').map(Number) : [1, 2, 3]
  // The defaults are the full bench's sizes.
  runMultiNode({ phones: arg('phones', 90), seconds: arg('seconds', 20), rate: arg('rate', 10), nodeCounts, kill: { phones: arg('kill-phones', 120), cardsPerWriter: arg('kill-cards', 10) } }).then(
    (r) => {
      console.log(formatMultiNode(r).join('\n'))
      console.log(JSON.stringify(r, null, 2))
      const failures = multiNodeFailures(r)
      if (failures.length) {
        console.error(failures.join('\n'))
        process.exitCode = 1
      }
    },
    (error: unknown) => {
      console.error(error)
      killStarted()
      process.exit(1)
    },
  )
}
