/**
 * One load scenario: N phones over the tables of one event, writers adding cards at a fixed total
 * rate, every other client at the same table observing. Runs the generator in child processes and
 * measures the server process from outside (/proc).
 */
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { type Percentiles, percentiles, processCpuMs, processMeter, processRssMb, round, wallNow } from '../stats.js'
import { type RunningServer, nodeArgsOf } from '../servers.js'
import { advanceRound, createEvent, joinMany, tokenOfLink } from '../tischrunde-api.js'
import { CONNECT_BATCH, CONNECT_TIMEOUT_MS, type FromWorker, type ObserverReport, type PhoneControl, type PhoneSpec, type WorkerDone, type WorkerReady, type WorkerSetup } from './protocol.js'

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url))
/** Theme tables of the Winnenden day. */
export const TABLES = 11
/** Writers per table: the ~5 cards/s are spread so no participant exceeds a human rate (≤ 0.25 cards/s). */
const WRITERS_PER_TABLE = 2
const WIRE_VERSION = 1

export interface LoadOptions {
  phones: number
  durationMs: number
  /** Cards per second over all writers. */
  rate: number
  /** @default 2 — raise it with the rate so each participant stays at a human pace. */
  writersPerTable?: number
  /** Tables the phones sit at. @default 11 (TABLES); 1 for a whole hall writing into one table. */
  tables?: number
  drainMs: number
  generators: number
  /**
   * The phones' control plane on Tischrunde (see PhoneControl). @default 'carried' (one connection per
   * phone, as the app); 'socket.io' measures the two-connection phone, 'none' no control plane at all.
   */
  control?: PhoneControl
}

/** Connections the clients of a row open: a phone one (two with its own Socket.IO), a projector two on Tischrunde. */
export function connectionsOf(target: LoadResult['target'], control: PhoneControl, phones: number, projectors: number): number {
  if (target === 'reference' || control === 'none') return phones + projectors
  return phones * (control === 'socket.io' ? 2 : 1) + projectors * 2
}

export interface LoadResult {
  target: 'tischrunde' | 'reference'
  phones: number
  /** Cards per second over all writers, and how many writers. */
  rate: number
  writers: number
  projectors: number
  connections: number
  durationMs: number
  cardsWritten: number
  /** Card → every observer at its table (phones and projectors). */
  latency: Percentiles
  /** Card → projector only. */
  projectorLatency: Percentiles
  deliveredPerSecond: number
  /** Delivered / expected deliveries, in % (must be 100); rounded: see `lostDeliveries` for the exact count. */
  completeness: number
  /** Deliveries expected (every card to every other client at its table, failed connects included). */
  expectedDeliveries: number
  /** Expected deliveries that did not arrive, exactly (an observer that failed to connect loses all of its table's). */
  lostDeliveries: number
  /** Writes refused and sockets closed with a refusal code (4000–4999) during the window. */
  refusals: number
  /** `mainThreadCpuPercent`: the part on the main thread (the rest: garbage collection, compiler, thread pool). */
  server: {
    cpuPercent: number
    mainThreadCpuPercent: number
    rssMb: number
    rssMaxMb: number
    /** V8's memory-reducing collections inside the measured window (see `RunningServer.reducingGcsBetween`); null: not read. */
    reducingGcs: number | null
  }
  /**
   * Server memory per connected phone, in KB: its RSS growth from just before the phones (and
   * projectors) connect until all of them are connected and synced, divided by their number.
   * Memory a server kept from an earlier row is reused first, so later rows may read lower.
   */
  kbPerPhone: number
  /**
   * Server CPU time (user + system, ms) from just before the generators start until every phone
   * and projector is connected and synced: what connecting them cost the server, unlike the connect
   * time not stretched by other load on a shared machine.
   */
  connectCpuMs: number
  generators: { cpuPercent: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number; connectMs: number }[]
  connectFailures: number
  closedDuringRun: number
  errors: string[]
}

/** Sets up an event for the run: on Tischrunde a real one (Station 1 open, phones joined); on the reference just names. */
async function prepare(server: RunningServer, opts: LoadOptions) {
  const tableNames = Array.from({ length: opts.tables ?? TABLES }, (_, i) => `Thementisch ${i + 1}`)
  if (server.kind === 'reference') {
    const eventId = `ref-${opts.phones}-${randomBytes(3).toString('hex')}`
    const tables = tableNames.map((_, i) => `thementisch-${i + 1}`)
    const creds = Array.from({ length: opts.phones }, () => ({ token: null as string | null, participantId: randomBytes(12).toString('base64url') }))
    return { eventId, tables, creds, projectorToken: null as string | null }
  }
  if (!('adminKey' in server) || typeof server.adminKey !== 'string') throw new Error('a Tischrunde server without its admin key')
  const created = await createEvent(server.url, server.adminKey, `Bench ${opts.phones} Telefone`, tableNames)
  await advanceRound(server.url, created.facilitatorToken)
  const joined = await joinMany(server.url, created.joinCode, opts.phones)
  return {
    eventId: created.event.id,
    tables: created.event.tables.map((t) => t.id),
    creds: joined.map((j) => ({ token: j.token as string | null, participantId: j.participantId })),
    projectorToken: tokenOfLink(created.links.projector) as string | null,
  }
}

function forkGenerator(): ChildProcess {
  // `BENCH_GENERATOR_NODE_ARGS`: node flags for the generators (`--cpu-prof`, to see what the clients cost).
  return fork(GENERATOR, [], { execArgv: ['--import', 'tsx', ...nodeArgsOf(process.env.BENCH_GENERATOR_NODE_ARGS)], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
}

function next<T extends FromWorker['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`generator sent no "${type}" within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (m: FromWorker) => {
      if (m.type === 'error') return done(() => reject(new Error(`generator failed: ${m.message}`)))
      if (m.type === type) done(() => resolve(m as Extract<FromWorker, { type: T }>))
    }
    const onExit = (code: number | null) => done(() => reject(new Error(`generator exited (${code}) while waiting for "${type}"`)))
    const done = (then: () => void) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      then()
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

export async function runLoad(server: RunningServer, opts: LoadOptions): Promise<LoadResult> {
  const { eventId, tables, creds, projectorToken } = await prepare(server, opts)
  const writerCount = Math.min(opts.phones, tables.length * (opts.writersPerTable ?? WRITERS_PER_TABLE))
  // Phone i sits at table i mod 11; the first 22 phones (two per table) write.
  const phones: PhoneSpec[] = creds.map((c, i) => ({
    table: tables[i % tables.length]!,
    token: c.token,
    participantId: c.participantId,
    writer: i < writerCount,
    writerIndex: i,
  }))
  const projectors = tables.map((table) => ({ table, token: projectorToken }))
  const n = opts.generators
  const rssBeforeMb = processRssMb(server.pid)
  const cpuBeforeMs = processCpuMs(server.pid)
  const children = Array.from({ length: n }, forkGenerator)
  try {
    // A slow connect is a figure (connect s), not a failure: wait as long as every batch of this
    // generator's share may take (both sockets of each phone at their own timeout).
    const batches = Math.ceil((phones.length + projectors.length) / n / CONNECT_BATCH)
    const readies = children.map((c) => next(c, 'ready', Math.max(120_000, batches * 2 * CONNECT_TIMEOUT_MS + 30_000)))
    children.forEach((child, k) => {
      const setup: WorkerSetup = {
        type: 'setup',
        target: server.kind,
        httpUrl: server.url,
        eventId,
        phones: phones.filter((_, i) => i % n === k),
        projectors: projectors.filter((_, i) => i % n === k),
        control: server.kind === 'tischrunde' ? (opts.control ?? 'carried') : 'none',
        wireVersion: WIRE_VERSION,
      }
      child.send(setup)
    })
    const ready: WorkerReady[] = await Promise.all(readies)
    const connectCpuMs = Math.round(processCpuMs(server.pid) - cpuBeforeMs)
    const kbPerPhone = round(((processRssMb(server.pid) - rssBeforeMb) * 1024) / (phones.length + projectors.length))
    // Let connection setup settle before the window opens.
    const t0 = wallNow() + 1000
    const meter = processMeter(server.pid)
    const meterStart = setTimeout(() => meter.start(), t0 - wallNow())
    const dones = children.map((c) => next(c, 'done', opts.durationMs + opts.drainMs + 60_000))
    for (const child of children) child.send({ type: 'start', t0, durationMs: opts.durationMs, rate: opts.rate, writers: writerCount, drainMs: opts.drainMs })
    const done: WorkerDone[] = await Promise.all(dones)
    clearTimeout(meterStart)
    const serverUse = { ...meter.stop(), reducingGcs: server.reducingGcsBetween(t0, wallNow()) }
    return { ...summarise(server.kind, opts, { phones: phones.length, projectors: projectors.length, writers: writerCount }, ready, done, serverUse), kbPerPhone, connectCpuMs }
  } finally {
    for (const child of children) if (child.connected) child.send({ type: 'stop' })
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((resolve) => c.once('exit', resolve)))))
  }
}

function summarise(
  target: LoadResult['target'],
  opts: LoadOptions,
  { phones, projectors, writers }: { phones: number; projectors: number; writers: number },
  ready: WorkerReady[],
  done: WorkerDone[],
  server: LoadResult['server'],
): Omit<LoadResult, 'kbPerPhone' | 'connectCpuMs'> {
  const writtenAt = new Map<string, string[]>()
  for (const d of done) for (const w of d.written) writtenAt.set(w.table, [...(writtenAt.get(w.table) ?? []), w.id])
  const all: number[] = []
  const atProjector: number[] = []
  let expected = 0
  let delivered = 0
  const count = (o: ObserverReport) => {
    const own = new Set(o.own)
    const want = new Set((writtenAt.get(o.table) ?? []).filter((id) => !own.has(id)))
    expected += want.size
    for (let i = 0; i < o.received.length; i += 2) {
      if (!want.has(o.received[i] as string)) continue
      delivered++
      all.push(o.received[i + 1] as number)
      if (o.projector) atProjector.push(o.received[i + 1] as number)
    }
  }
  for (const d of done) for (const o of d.observers) count(o)
  // An observer that never connected still sat at its table: everything written there is lost for it.
  for (const r of ready) for (const table of r.failedObserverTables) expected += writtenAt.get(table)?.length ?? 0
  return {
    target,
    phones,
    rate: opts.rate,
    writers,
    projectors,
    connections: connectionsOf(target, opts.control ?? 'carried', phones, projectors),
    durationMs: opts.durationMs,
    cardsWritten: [...writtenAt.values()].reduce((s, ids) => s + ids.length, 0),
    latency: percentiles(all),
    projectorLatency: percentiles(atProjector),
    deliveredPerSecond: round(delivered / (opts.durationMs / 1000)),
    completeness: expected === 0 ? 0 : round((delivered / expected) * 100, 2),
    expectedDeliveries: expected,
    lostDeliveries: expected - delivered,
    refusals: done.reduce((s, d) => s + d.refusals, 0),
    server,
    generators: done.map((d, i) => ({
      cpuPercent: d.cpuPercent,
      eventLoopDelayP99Ms: d.eventLoopDelay.p99,
      eventLoopDelayMaxMs: d.eventLoopDelay.max,
      connectMs: ready[i]!.connectMs,
    })),
    connectFailures: ready.reduce((s, r) => s + r.failed, 0),
    closedDuringRun: done.reduce((s, d) => s + d.closed, 0),
    errors: [...ready.flatMap((r) => r.errors), ...done.flatMap((d) => d.errors)].slice(0, 10),
  }
}
