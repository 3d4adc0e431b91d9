/**
 * `npm run bench` — builds if needed, runs every scenario against the built server on 127.0.0.1,
 * prints the table and writes bench/results/latest.json (or quick.json).
 *
 *   --quick     small, bounded profile (≤ ~60 s) that keeps the harness working in `npm test`
 *   --check     exit non-zero unless the JSON holds every figure (targets are reported, not enforced)
 *   --exports   instead: only the export times at 422, 844, 1,688 and 3,376 cards
 *   --profile   instead: run 1,000 phones and the durability scenario against a server started with
 *               `node --cpu-prof`, and print its hot functions (bench/results/profile.json);
 *               BENCH_PROFILE_PHONES, BENCH_PROFILE_RATE, BENCH_PROFILE_SECONDS (15),
 *               BENCH_PROFILE_DURABILITY=0 (leave the durability scenario out)
 *   --row N     instead: one load row (N phones over 11 tables, 5 cards/s; `--rate R`, `--seconds S`)
 *               against both servers, twice in alternating order, with ratios (bench/results/row.json);
 *               `--no-control`: Tischrunde's phones open no control-plane socket (board sockets only)
 *   --saturation instead: only the saturation row (all phones at one table, 100 cards/s from 200
 *               writers) against both servers, twice alternating (bench/results/row.json);
 *               `--phones N`, `--rate R`, `--seconds S`, `--writers W` scale it down
 *   --connect   instead: only the connect phase — 300 and 1,000 phones (`--phones N` for one count)
 *               connect and sync with no cards written, against both servers, twice in alternating
 *               order, each run on freshly started servers after an unmeasured warm-up: connect time,
 *               the server's CPU time while they connected, and KB per phone (bench/results/connect.json);
 *               `--no-control` as for --row; `--baseline <main.js>` adds another server build (A/B)
 *   --memory    instead: only the RSS per 1,000 stored cards (`--cards C` per table, default 1,000)
 *   --help      prints this and runs nothing
 *
 * The multi-node rows (1, 2, 3 nodes on one Redis and a node kill) need `redis-server`; without it
 * they are skipped with a note. `npx tsx bench/src/multi-node.ts` runs only them.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runColdPaths } from './cold.js'
import { runDurability } from './durability.js'
import { formatExportSizes, runExportSizes } from './export-sizes.js'
import { type LoadOptions, type LoadResult, TABLES, runLoad } from './load/scenario.js'
import { runMemory } from './memory.js'
import { hotFunctions } from './profile.js'
import { runMultiNode } from './multi-node.js'
import { type BenchResult, CAPACITY_P99_MS, type CapacityStep, type Repetition, evaluateTargets, formatTable, lossesWhereNoneAllowed, missingFigures } from './report.js'
import { REPO_ROOT, SERVER_MAIN, freshDataDir, killStarted, removeDir, startReference, startTischrunde } from './servers.js'
import { round } from './stats.js'
import { runStorm } from './storm.js'

// Every WebsocketProvider the bench opens in this process adds an exit listener.
process.setMaxListeners(0)
const argv = process.argv.slice(2)
const args = new Set(argv)
const quick = args.has('--quick')
/** The number after an option (`--row 300`), or undefined. */
const numberAfter = (option: string): number | undefined => {
  const i = argv.indexOf(option)
  const n = i >= 0 ? Number(argv[i + 1]) : Number.NaN
  return Number.isFinite(n) && n > 0 ? n : undefined
}
const RESULTS = path.join(REPO_ROOT, 'bench/results')

/**
 * Fixed client counts and durations: every scenario is bounded and stops by itself. The full
 * profile's 30 s windows give 150 cards per row, so one card delayed by a stall of the shared machine
 * (its whole fan-out, < 1 % of the deliveries) does not decide the p99 alone.
 */
const PROFILE = quick
  ? { phones: [30, 100, 300], durationMs: 2000, drainMs: 800, capacity: [] as number[], durability: { tables: TABLES, writersPerTable: 2, cardsPerWriter: 5 }, memoryPerTable: 100, phoneRuns: 1 }
  : { phones: [50, 300, 1000, 3000], durationMs: 30_000, drainMs: 3000, capacity: [4000, 6000, 8000], durability: { tables: TABLES, writersPerTable: 8, cardsPerWriter: 18 }, memoryPerTable: 1000, phoneRuns: 3 }
const load = (phones: number, durationMs = PROFILE.durationMs): LoadOptions => ({ phones, durationMs, rate: 5, drainMs: PROFILE.drainMs, generators: 2 })
/**
 * Fan-out stress: ten times the card rate at the largest phone count, spread over 18 writers per
 * table (≤ 0.25 cards/s each, a human pace). Ten times the samples make its p99 ratio the steadier one.
 */
/**
 * Saturation: a whole hall writing into one table while everyone watches it (a plenary
 * "Kartenabfrage"): all phones at one table, 100 cards/s from 200 writers (0.5 cards/s each, the
 * participants' pace limit; every writer is a full Y.Doc client, and 400 of them held up the
 * generators), and every card must reach every other phone within the window + 3 s. 19 s keep one
 * board under its 2,000-card cap.
 */
const saturation = (): LoadOptions =>
  quick
    ? { phones: 100, durationMs: 2000, rate: 20, writersPerTable: 40, tables: 1, drainMs: 3000, generators: 2 }
    : { phones: 1000, durationMs: 19_000, rate: 100, writersPerTable: 200, tables: 1, drainMs: 3000, generators: 2 }
/** The phone count of the stress row and of the "server at 1,000 phones" figures (300 in --quick). */
const STRESS_PHONES = quick ? 300 : 1000
const stress = (): LoadOptions => ({ ...load(STRESS_PHONES, Math.min(PROFILE.durationMs, 15_000)), rate: 50, writersPerTable: 18 })

/** Runs of every load row per server, alternating the order between repetitions. */
const REPETITIONS = 2

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** Builds when the server or client output is missing or older than a source file. */
function buildIfNeeded(): void {
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
  const built = existsSync(SERVER_MAIN) && existsSync(clientIndex) ? Math.min(statSync(SERVER_MAIN).mtimeMs, statSync(clientIndex).mtimeMs) : 0
  const sources = Math.max(...['shared/src', 'fixtures/src', 'server/src', 'client/src'].map((d) => newest(path.join(REPO_ROOT, d))))
  if (built >= sources) return
  log('building (npm run build)')
  execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'inherit' })
}

function machine(): BenchResult['machine'] {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    note: 'shared machine: other agents run tests on it at the same time; absolute times drift, ratios from one run hold',
  }
}

/**
 * Runs one row REPETITIONS times on both servers in alternating order (Tischrunde first, then the
 * reference first, …), so drift on a shared machine hits both alike. Returns the mean of the
 * repetitions per server and every single run.
 */
async function repeated(label: string, tischrunde: () => Promise<LoadResult>, reference: () => Promise<LoadResult>) {
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
    serverRssMb: l.server.rssMb,
    lostDeliveries: l.lostDeliveries,
    connectFailures: l.connectFailures,
    refusals: l.refusals,
    connectS: round(Math.max(...l.generators.map((g) => g.connectMs)) / 1000, 2),
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
    server: { cpuPercent: mean((l) => l.server.cpuPercent), rssMb: mean((l) => l.server.rssMb), rssMaxMb: Math.max(...runs.map((l) => l.server.rssMaxMb)) },
    generators: runs.flatMap((l) => l.generators),
    connectFailures: sum((l) => l.connectFailures),
    closedDuringRun: sum((l) => l.closedDuringRun),
    errors: runs.flatMap((l) => l.errors).slice(0, 10),
  }
}

async function runLoadScenarios() {
  const dataDir = freshDataDir('load')
  const tischrunde: LoadResult[] = []
  const reference: LoadResult[] = []
  const steps: CapacityStep[] = []
  const repetitions: Repetition[] = []
  try {
    const server = await startTischrunde({ dataDir, demo: false })
    const ref = await startReference()
    try {
      // Unmeasured warm-up of both fresh processes (JIT, first board docs), so the first row measures
      // the same steady state as the others; the cold start has its own figures below.
      // (--quick skips it: it only keeps the harness working.)
      if (!quick) {
        log('warm-up: both servers, unmeasured')
        await runLoad(server, load(PROFILE.phones[0]!, 3000))
        await runLoad(ref, load(PROFILE.phones[0]!, 3000))
      }
      for (const phones of PROFILE.phones) {
        const both = await repeated(`load: ${phones} phones`, () => runLoad(server, load(phones)), () => runLoad(ref, load(phones)))
        tischrunde.push(both.tischrunde)
        reference.push(both.reference)
        repetitions.push(both.runs)
      }
      const stressBoth = await repeated(`stress: ${STRESS_PHONES} phones at 50 cards/s`, () => runLoad(server, stress()), () => runLoad(ref, stress()))
      const stressed = { tischrunde: stressBoth.tischrunde, reference: stressBoth.reference }
      repetitions.push(stressBoth.runs)
      const saturationBoth = await repeated(`saturation: ${saturation().phones} phones at one table, ${saturation().rate} cards/s`, () => runLoad(server, saturation()), () => runLoad(ref, saturation()))
      const saturated = { tischrunde: saturationBoth.tischrunde, reference: saturationBoth.reference }
      repetitions.push(saturationBoth.runs)
      for (const phones of PROFILE.capacity) {
        log(`capacity: ${phones} phones → Tischrunde`)
        const r = await runLoad(server, load(phones, Math.min(PROFILE.durationMs, 8_000)))
        const held = r.latency.p99 <= CAPACITY_P99_MS && r.completeness >= 100 && r.connectFailures === 0
        steps.push({ phones, connections: r.connections, p99: r.latency.p99, completeness: r.completeness, connectFailures: r.connectFailures, serverCpuPercent: r.server.cpuPercent, serverRssMb: r.server.rssMb, held })
        if (!held) break
      }
      log('durability: fsync\'d acks')
      const durability = await runDurability(server, PROFILE.durability)
      return { tischrunde, reference, stressed, saturated, steps, durability, repetitions }
    } finally {
      await server.stop()
      await ref.stop()
    }
  } finally {
    removeDir(dataDir)
  }
}

function capacityOf(tischrunde: LoadResult[], steps: CapacityStep[]): BenchResult['capacity'] {
  // The load scenarios count as the first steps of the capacity ladder.
  const ladder: CapacityStep[] = [
    ...tischrunde.map((r) => ({
      phones: r.phones,
      connections: r.connections,
      p99: r.latency.p99,
      completeness: r.completeness,
      connectFailures: r.connectFailures,
      serverCpuPercent: r.server.cpuPercent,
      serverRssMb: r.server.rssMb,
      held: r.latency.p99 <= CAPACITY_P99_MS && r.completeness >= 100 && r.connectFailures === 0,
    })),
    ...steps,
  ]
  const firstFail = ladder.findIndex((s) => !s.held)
  const held = (firstFail === -1 ? ladder : ladder.slice(0, firstFail)).at(-1)
  const limit = firstFail === -1 ? `every step held; the largest step (${ladder.at(-1)!.phones} phones) is the bench's bound, not the server's` : `failed at ${ladder[firstFail]!.phones} phones`
  return { steps: ladder, heldPhones: held?.phones ?? 0, heldConnections: held?.connections ?? 0, limit }
}

async function fullRun(): Promise<void> {
  buildIfNeeded()
  const started = Date.now()
  const { tischrunde, reference, stressed, saturated, steps, durability, repetitions } = await runLoadScenarios()
  const stormPhones = quick ? 60 : 1000
  log(`reconnect storm: kill -9 and restart under ${stormPhones} phones`)
  const storm = await runStorm({ phones: stormPhones, cardsPerWriter: quick ? 3 : 10 })
  log('memory: RSS per 1,000 stored cards')
  const memory = await runMemory({ cardsPerTable: PROFILE.memoryPerTable })
  log('cold paths: start, first card in Chromium, JavaScript size, export')
  const cold = await runColdPaths({ phoneRuns: PROFILE.phoneRuns, largeExport: quick ? { tables: 3, cards: 60, longWordEvery: 10 } : { tables: 30, cards: 3000, longWordEvery: 10 } })
  log('export time by size: 422 to 3,376 cards')
  const exportSizes = await runExportSizes(quick ? [1, 2] : [1, 2, 4, 8])
  log('several nodes on one Redis: one, two and three nodes, then kill -9 of the owner of an event')
  const multiNode = await runMultiNode(
    quick
      ? { phones: 24, seconds: 2, rate: 10, nodeCounts: [2], kill: { phones: 12, cardsPerWriter: 3 } }
      : { phones: 90, seconds: 20, rate: 10, kill: { phones: 120, cardsPerWriter: 10 } },
  )
  if (multiNode.skipped) log(`several nodes: skipped, ${multiNode.skipped}`)
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0)
  const ratios = [...tischrunde, stressed.tischrunde, saturated.tischrunde].map((t, i) => {
    const r = i < reference.length ? reference[i]! : i === reference.length ? stressed.reference : saturated.reference
    const connectS = (l: LoadResult) => Math.max(...l.generators.map((g) => g.connectMs))
    return {
      phones: t.phones,
      rate: t.rate,
      p50: ratio(t.latency.p50, r.latency.p50),
      p99: ratio(t.latency.p99, r.latency.p99),
      serverCpu: ratio(t.server.cpuPercent, r.server.cpuPercent),
      serverRss: ratio(t.server.rssMb, r.server.rssMb),
      connect: ratio(connectS(t), connectS(r)),
      kbPerPhone: ratio(t.kbPerPhone, r.kbPerPhone),
    }
  })
  const thousand = tischrunde.find((l) => l.phones === STRESS_PHONES) ?? tischrunde.at(-1)!
  const partial: Omit<BenchResult, 'targets'> = {
    profile: quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    machine: machine(),
    load: { tischrunde, reference },
    repetitions,
    stress: stressed,
    saturation: saturated,
    storm,
    ratios,
    capacity: capacityOf(tischrunde, steps),
    atThousandPhones: { phones: thousand.phones, serverCpuPercent: thousand.server.cpuPercent, serverRssMb: thousand.server.rssMb },
    memory,
    durability,
    cold,
    exportSizes,
    multiNode,
  }
  const result: BenchResult = { ...partial, targets: evaluateTargets(partial) }
  mkdirSync(RESULTS, { recursive: true })
  const file = path.join(RESULTS, quick ? 'quick.json' : 'latest.json')
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  console.log(formatTable(result))
  console.log(`\n${path.relative(REPO_ROOT, file)} written; the run took ${round((Date.now() - started) / 1000)} s`)
  if (args.has('--check')) {
    const missing = missingFigures(result)
    if (missing.length) {
      console.error(`bench: the result lacks figures:\n  ${missing.join('\n  ')}`)
      process.exitCode = 1
    }
    const losses = lossesWhereNoneAllowed(result)
    if (losses.warnings.length) console.error(`bench: the reference lost in these rows (their comparison is not clean):\n  ${losses.warnings.join('\n  ')}`)
    if (losses.failures.length) {
      console.error(`bench: Tischrunde lost in rows that must have no losses:\n  ${losses.failures.join('\n  ')}`)
      process.exitCode = 1
    }
  }
}

/** The server under `node --cpu-prof` at 1,000 phones and in the durability scenario; prints its hot functions. */
async function profileRun(): Promise<void> {
  buildIfNeeded()
  const dir = path.join(RESULTS, 'profile')
  removeDir(dir)
  const dataDir = freshDataDir('profile')
  const phones = Number(process.env.BENCH_PROFILE_PHONES ?? 1000)
  const rate = Number(process.env.BENCH_PROFILE_RATE ?? 5)
  const server = await startTischrunde({ dataDir, demo: false, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] })
  let loadResult: LoadResult
  try {
    log(`profile: ${phones} phones at ${rate} cards/s`)
    loadResult = await runLoad(server, { ...load(phones, Number(process.env.BENCH_PROFILE_SECONDS ?? 15) * 1000), rate })
    // BENCH_PROFILE_DURABILITY=0 leaves it out (e.g. a profile of connecting phones only).
    if (process.env.BENCH_PROFILE_DURABILITY !== '0') {
      log('profile: durability')
      await runDurability(server, PROFILE.durability)
    }
  } finally {
    await server.stop()
    removeDir(dataDir)
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error('the server wrote no .cpuprofile')
  const hot = hotFunctions(path.join(dir, file))
  writeFileSync(path.join(RESULTS, 'profile.json'), `${JSON.stringify({ date: new Date().toISOString(), phones, rate, load: loadResult, ...hot }, null, 2)}\n`)
  console.log(`server busy ${hot.busyMs} ms, idle ${hot.idleMs} ms; p99 ${loadResult.latency.p99} ms; top self time:`)
  for (const f of hot.functions) console.log(`  ${String(f.selfPercent).padStart(5)} %  ${String(f.selfMs).padStart(8)} ms  ${f.name}  ${f.where}`)
  console.log('inclusive time of our own functions:')
  for (const f of hot.ownInclusive) console.log(`  ${String(f.selfPercent).padStart(5)} %  ${String(f.selfMs).padStart(8)} ms  ${f.name}  ${f.where}`)
}

/** Only the export times by size (`npm run bench -- --exports`). */
async function exportsRun(): Promise<void> {
  buildIfNeeded()
  const steps = await runExportSizes()
  mkdirSync(RESULTS, { recursive: true })
  writeFileSync(path.join(RESULTS, 'exports.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), exportSizes: steps }, null, 2)}\n`)
  console.log(formatExportSizes(steps).join('\n'))
}

/**
 * One load row against both servers (twice, alternating, after an unmeasured warm-up of both): a
 * quick before/after figure for one change, not a replacement for the full run.
 */
async function rowRun(): Promise<void> {
  buildIfNeeded()
  const sat = args.has('--saturation')
  const base = sat ? saturation() : load(numberAfter('--row') ?? 300, 10_000)
  const phones = numberAfter('--phones') ?? numberAfter('--row') ?? base.phones
  const options: LoadOptions = {
    ...base,
    phones,
    durationMs: (numberAfter('--seconds') ?? base.durationMs / 1000) * 1000,
    rate: numberAfter('--rate') ?? base.rate,
    writersPerTable: numberAfter('--writers') ?? base.writersPerTable,
    controlPlane: !args.has('--no-control'),
  }
  const dataDir = freshDataDir('row')
  try {
    const server = await startTischrunde({ dataDir, demo: false })
    const ref = await startReference()
    try {
      log('warm-up: both servers, unmeasured')
      await runLoad(server, load(50, 3000))
      await runLoad(ref, load(50, 3000))
      const both = await repeated(`${sat ? 'saturation' : 'row'}: ${phones} phones at ${options.tables ?? TABLES} table(s), ${options.rate} cards/s`, () => runLoad(server, options), () => runLoad(ref, options))
      const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0)
      const connectS = (l: LoadResult) => round(Math.max(...l.generators.map((g) => g.connectMs)) / 1000, 2)
      const t = both.tischrunde
      const r = both.reference
      const row = {
        date: new Date().toISOString(),
        machine: machine(),
        options,
        runs: both.runs,
        connectS: { tischrunde: connectS(t), reference: connectS(r) },
        ratios: { p50: ratio(t.latency.p50, r.latency.p50), p99: ratio(t.latency.p99, r.latency.p99), serverCpu: ratio(t.server.cpuPercent, r.server.cpuPercent), serverRss: ratio(t.server.rssMb, r.server.rssMb), connect: ratio(connectS(t), connectS(r)), kbPerPhone: ratio(t.kbPerPhone, r.kbPerPhone) },
        means: {
          tischrunde: { p50: t.latency.p50, p99: t.latency.p99, cpu: t.server.cpuPercent, rssMb: t.server.rssMb, kbPerPhone: t.kbPerPhone, lost: t.lostDeliveries, refusals: t.refusals, connectFailures: t.connectFailures },
          reference: { p50: r.latency.p50, p99: r.latency.p99, cpu: r.server.cpuPercent, rssMb: r.server.rssMb, kbPerPhone: r.kbPerPhone, lost: r.lostDeliveries, refusals: r.refusals, connectFailures: r.connectFailures },
        },
      }
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(path.join(RESULTS, 'row.json'), `${JSON.stringify(row, null, 2)}\n`)
      console.log(JSON.stringify({ runs: row.runs, connectS: row.connectS, means: row.means, ratios: row.ratios }, null, 2))
    } finally {
      await server.stop()
      await ref.stop()
    }
  } finally {
    removeDir(dataDir)
  }
}

/**
 * Only the connect phase (`--connect`): phones (and a projector per table) connect and sync, no card
 * is written. Every run starts fresh servers and warms them up unmeasured, so the memory per phone is
 * the growth of a process that had not held that many sockets before (a reused server reads lower).
 * `--baseline <main.js>` adds another build of the server as a third side (an A/B in one run).
 */
async function connectRun(): Promise<void> {
  buildIfNeeded()
  const only = numberAfter('--phones')
  const counts = only ? [only] : [300, 1000]
  const baselineAt = argv.indexOf('--baseline')
  const baseline = baselineAt >= 0 ? path.resolve(argv[baselineAt + 1] ?? '') : null
  type Side = 'tischrunde' | 'reference' | 'baseline'
  const sides: Side[] = ['tischrunde', 'reference', ...(baseline ? (['baseline'] as const) : [])]
  const rows = []
  for (const phones of counts) {
    const options: LoadOptions = { ...load(phones, 0), drainMs: 0, controlPlane: !args.has('--no-control') }
    const fresh = async (side: Side): Promise<LoadResult> => {
      const dataDir = freshDataDir('connect')
      const server = side === 'reference' ? await startReference() : await startTischrunde({ dataDir, demo: false, ...(side === 'baseline' && baseline ? { main: baseline } : {}) })
      try {
        await runLoad(server, { ...options, phones: 50 })
        return await runLoad(server, options)
      } finally {
        await server.stop()
        removeDir(dataDir)
      }
    }
    const runs = new Map<Side, { connectS: number; connectCpuMs: number; kbPerPhone: number; connectFailures: number; errors: string[] }[]>(sides.map((s) => [s, []]))
    for (let rep = 0; rep < REPETITIONS; rep++) {
      for (const side of rep % 2 === 0 ? sides : [...sides].reverse()) {
        log(`connect: ${phones} phones → ${side} (repetition ${rep + 1} of ${REPETITIONS})`)
        const l = await fresh(side)
        runs.get(side)!.push({ connectS: round(Math.max(...l.generators.map((g) => g.connectMs)) / 1000, 2), connectCpuMs: l.connectCpuMs, kbPerPhone: l.kbPerPhone, connectFailures: l.connectFailures, errors: l.errors })
      }
    }
    const mean = (side: Side) => {
      const list = runs.get(side)!
      const avg = (f: (x: (typeof list)[number]) => number, digits: number) => round(list.reduce((sum, x) => sum + f(x), 0) / list.length, digits)
      return { connectS: avg((x) => x.connectS, 2), connectCpuMs: avg((x) => x.connectCpuMs, 0), kbPerPhone: avg((x) => x.kbPerPhone, 1), connectFailures: list.reduce((sum, x) => sum + x.connectFailures, 0) }
    }
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0)
    const means = Object.fromEntries(sides.map((side) => [side, mean(side)])) as Record<Side, ReturnType<typeof mean>>
    const ratios = Object.fromEntries(
      sides.filter((side) => side !== 'reference').map((side) => [side, { connect: ratio(means[side].connectS, means.reference.connectS), connectCpu: ratio(means[side].connectCpuMs, means.reference.connectCpuMs), kbPerPhone: ratio(means[side].kbPerPhone, means.reference.kbPerPhone) }]),
    )
    rows.push({ phones, runs: Object.fromEntries(runs), means, ratios, errors: [...runs.values()].flatMap((list) => list.flatMap((x) => x.errors)).slice(0, 5) })
  }
  mkdirSync(RESULTS, { recursive: true })
  writeFileSync(path.join(RESULTS, 'connect.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), baseline, rows }, null, 2)}\n`)
  for (const row of rows) {
    console.log(`${row.phones} phones (means of ${REPETITIONS} runs; ratios to the reference):`)
    for (const [side, m] of Object.entries(row.means)) {
      const r = (row.ratios as Record<string, { connect: number; connectCpu: number; kbPerPhone: number }>)[side]
      const each = row.runs[side as Side]!.map((x) => `${x.connectS} s / ${x.connectCpuMs} ms / ${x.kbPerPhone} KB`).join(', ')
      console.log(`  ${side.padEnd(10)} connect ${m.connectS} s, server CPU ${m.connectCpuMs} ms, ${m.kbPerPhone} KB/phone${m.connectFailures ? `, ${m.connectFailures} failed` : ''}${r ? `  (${r.connect}× / ${r.connectCpu}× / ${r.kbPerPhone}×)` : ''}  [${each}]`)
    }
    if (row.errors.length) console.log(`  errors: ${row.errors.join(' | ')}`)
  }
}

/** Only the RSS per 1,000 stored cards. */
async function memoryRun(): Promise<void> {
  buildIfNeeded()
  const memory = await runMemory({ cardsPerTable: numberAfter('--cards') ?? 1000 })
  console.log(JSON.stringify(memory, null, 2))
}

async function helpRun(): Promise<void> {
  const source = readFileSync(new URL(import.meta.url), 'utf8')
  console.log(/\/\*\*\n([\s\S]*?)\*\//.exec(source)?.[1]?.replace(/^ \* ?/gm, '') ?? '')
}

const main = args.has('--help')
  ? helpRun
  : args.has('--row') || args.has('--saturation')
    ? rowRun
    : args.has('--connect')
      ? connectRun
      : args.has('--memory')
      ? memoryRun
      : args.has('--profile')
        ? profileRun
        : args.has('--exports')
          ? exportsRun
          : fullRun
main().catch((error: unknown) => {
  killStarted()
  console.error(error)
  process.exit(1)
})
