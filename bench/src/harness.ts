/**
 * What every mode of `npm run bench` shares: the command line, the profile (full or --quick), the
 * build check, the machine note, and one row run on both servers in alternating order.
 */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type LoadOptions, type LoadResult, TABLES } from './load/scenario.js'
import type { PhoneControl } from './load/protocol.js'
import type { BenchResult, Repetition } from './report.js'
import { REPO_ROOT, SERVER_MAIN } from './servers.js'
import { round } from './stats.js'

export const argv = process.argv.slice(2)
export const args = new Set(argv)
export const quick = args.has('--quick')
/** The number after an option (`--row 300`), or undefined. */
export const numberAfter = (option: string): number | undefined => {
  const i = argv.indexOf(option)
  const n = i >= 0 ? Number(argv[i + 1]) : Number.NaN
  return Number.isFinite(n) && n > 0 ? n : undefined
}
export const RESULTS = path.join(REPO_ROOT, 'bench/results')

/**
 * The phones' control plane on Tischrunde: carried on the board socket as the app does (default),
 * `--two-sockets` a Socket.IO socket beside it (the phone before #22), `--no-control` none at all.
 */
export const phoneControl = (): PhoneControl => (args.has('--no-control') ? 'none' : args.has('--two-sockets') ? 'socket.io' : 'carried')

/**
 * Fixed client counts and durations: every scenario is bounded and stops by itself. The full
 * profile's 30 s windows give 150 cards per row, so one card delayed by a stall of the shared machine
 * (its whole fan-out, < 1 % of the deliveries) does not decide the p99 alone.
 */
export const PROFILE = quick
  ? { phones: [30, 100, 300], durationMs: 2000, drainMs: 800, capacity: [] as number[], durability: { tables: TABLES, writersPerTable: 2, cardsPerWriter: 5 }, memoryPerTable: 100, phoneRuns: 1 }
  : { phones: [50, 300, 1000, 3000], durationMs: 30_000, drainMs: 3000, capacity: [4000, 6000, 8000], durability: { tables: TABLES, writersPerTable: 8, cardsPerWriter: 18 }, memoryPerTable: 1000, phoneRuns: 3 }
export const load = (phones: number, durationMs = PROFILE.durationMs): LoadOptions => ({ phones, durationMs, rate: 5, drainMs: PROFILE.drainMs, generators: 2, control: phoneControl() })
/**
 * Saturation: a whole hall writing into one table while everyone watches it (a plenary
 * "Kartenabfrage"): all phones at one table, 100 cards/s from 200 writers (0.5 cards/s each, the
 * participants' pace limit; every writer is a full Y.Doc client, and 400 of them held up the
 * generators), and every card must reach every other phone within the window + 3 s. 19 s keep one
 * board under its 2,000-card cap.
 */
export const saturation = (): LoadOptions =>
  quick
    ? { phones: 100, durationMs: 2000, rate: 20, writersPerTable: 40, tables: 1, drainMs: 3000, generators: 2, control: phoneControl() }
    : { phones: 1000, durationMs: 19_000, rate: 100, writersPerTable: 200, tables: 1, drainMs: 3000, generators: 2, control: phoneControl() }

/**
 * Runs of every load row per server, alternating the order between repetitions. At least two;
 * `BENCH_REPETITIONS=N` asks for more (a steadier mean on a noisy machine, N times the time).
 */
export const REPETITIONS = Math.max(2, Math.floor(Number(process.env.BENCH_REPETITIONS ?? 2)) || 2)

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** Builds when the server or client output is missing or older than a source file. */
export function buildIfNeeded(): void {
  const newest = (dir: string): number => {
    let t = 0
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue
      const p = path.join(dir, entry.name)
      t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
    }
    return t
  }
  const clientIndex = path.join(REPO_ROOT, 'client/dist/index.html')
  // `tsc -b` rewrites only the outputs of changed sources, so the server counts as built at its newest output, not main.js's.
  const built = existsSync(SERVER_MAIN) && existsSync(clientIndex) ? Math.min(newest(path.dirname(SERVER_MAIN)), statSync(clientIndex).mtimeMs) : 0
  const sources = Math.max(...['shared/src', 'fixtures/src', 'server/src', 'client/src'].map((d) => newest(path.join(REPO_ROOT, d))))
  if (built >= sources) return
  log('building (npm run build)')
  execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'inherit' })
}

export function machine(): BenchResult['machine'] {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    note: 'shared machine: other agents run tests on it at the same time; absolute times drift, ratios from one run hold',
  }
}

export const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0)
/** All phones connected and synced, in s: the slowest generator's connect time. */
export const connectSeconds = (l: LoadResult) => round(Math.max(...l.generators.map((g) => g.connectMs)) / 1000, 2)

/**
 * Runs one row REPETITIONS times on both servers in alternating order (Tischrunde first, then the
 * reference first, …), so drift on a shared machine hits both alike. Returns the mean of the
 * repetitions per server and every single run.
 */
export async function repeated(label: string, tischrunde: () => Promise<LoadResult>, reference: () => Promise<LoadResult>) {
  const t: LoadResult[] = []
  const r: LoadResult[] = []
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const order = rep % 2 === 0 ? (['tischrunde', 'reference'] as const) : (['reference', 'tischrunde'] as const)
    for (const side of order) {
      log(`${label} → ${side === 'tischrunde' ? 'Tischrunde' : 'reference @y/websocket-server 0.1.1'} (repetition ${rep + 1} of ${REPETITIONS})`)
      if (side === 'tischrunde') t.push(await tischrunde())
      else r.push(await reference())
    }
  }
  const brief = (l: LoadResult) => ({
    p50: l.latency.p50,
    p99: l.latency.p99,
    serverCpuPercent: l.server.cpuPercent,
    serverMainThreadCpuPercent: l.server.mainThreadCpuPercent,
    serverReducingGcs: l.server.reducingGcs,
    serverRssMb: l.server.rssMb,
    lostDeliveries: l.lostDeliveries,
    connectFailures: l.connectFailures,
    refusals: l.refusals,
    connectS: connectSeconds(l),
    kbPerPhone: l.kbPerPhone,
    connectCpuMs: l.connectCpuMs,
  })
  const runs: Repetition = { phones: t[0]!.phones, rate: t[0]!.rate, tischrunde: t.map(brief), reference: r.map(brief) }
  return { tischrunde: meanOf(t), reference: meanOf(r), runs }
}

/** One row from its repetitions: latencies and server use averaged, losses summed, completeness the worst. */
function meanOf(runs: LoadResult[]): LoadResult {
  const mean = (f: (l: LoadResult) => number) => round(runs.reduce((s, l) => s + f(l), 0) / runs.length, 2)
  const sum = (f: (l: LoadResult) => number) => runs.reduce((s, l) => s + f(l), 0)
  const first = runs[0]!
  return {
    ...first,
    cardsWritten: sum((l) => l.cardsWritten),
    latency: { ...first.latency, p50: mean((l) => l.latency.p50), p95: mean((l) => l.latency.p95), p99: mean((l) => l.latency.p99), max: Math.max(...runs.map((l) => l.latency.max)), count: sum((l) => l.latency.count) },
    projectorLatency: { ...first.projectorLatency, p50: mean((l) => l.projectorLatency.p50), p95: mean((l) => l.projectorLatency.p95), p99: mean((l) => l.projectorLatency.p99), max: Math.max(...runs.map((l) => l.projectorLatency.max)), count: sum((l) => l.projectorLatency.count) },
    deliveredPerSecond: mean((l) => l.deliveredPerSecond),
    kbPerPhone: mean((l) => l.kbPerPhone),
    connectCpuMs: mean((l) => l.connectCpuMs),
    completeness: Math.min(...runs.map((l) => l.completeness)),
    expectedDeliveries: sum((l) => l.expectedDeliveries),
    lostDeliveries: sum((l) => l.lostDeliveries),
    refusals: sum((l) => l.refusals),
    server: {
      cpuPercent: mean((l) => l.server.cpuPercent),
      mainThreadCpuPercent: mean((l) => l.server.mainThreadCpuPercent),
      rssMb: mean((l) => l.server.rssMb),
      rssMaxMb: Math.max(...runs.map((l) => l.server.rssMaxMb)),
      reducingGcs: runs.some((l) => l.server.reducingGcs === null) ? null : sum((l) => l.server.reducingGcs ?? 0),
    },
    generators: runs.flatMap((l) => l.generators),
    connectFailures: sum((l) => l.connectFailures),
    closedDuringRun: sum((l) => l.closedDuringRun),
    errors: runs.flatMap((l) => l.errors).slice(0, 10),
  }
}
