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
 *               against both servers, twice in alternating order, with ratios (bench/results/row.json),
 *               after the row itself for 20 s as an unmeasured warm-up (`--short-warm-up`: 50 phones, 3 s);
 *               `--two-sockets`: Tischrunde's phones open a Socket.IO control socket beside the board
 *               socket (the phone before #22) instead of carrying the control plane on it;
 *               `--no-control`: no control plane at all (board sockets only, projectors too)
 *   --saturation instead: only the saturation row (all phones at one table, 100 cards/s from 200
 *               writers) against both servers, twice alternating (bench/results/row.json);
 *               `--phones N`, `--rate R`, `--seconds S`, `--writers W` scale it down
 *   --connect   instead: only the connect phase — 300 and 1,000 phones (`--phones N` for one count)
 *               connect and sync with no cards written, against both servers, twice in alternating
 *               order, each run on freshly started servers after an unmeasured warm-up: connect time,
 *               the server's CPU time while they connected, and KB per phone (bench/results/connect.json);
 *               `--two-sockets`, `--no-control` as for --row; `--baseline <main.js>` adds another server build (A/B)
 *   --memory    instead: only the RSS per 1,000 stored cards (`--cards C` per table, default 1,000)
 *   --help      prints this and runs nothing
 *
 * BENCH_REPETITIONS=N runs every load and connect row N times per server instead of twice (at least 2).
 * BENCH_SERVER_IMPORT=<file> loads a module into every server the bench starts, Tischrunde and the
 * reference alike, in every mode (e.g. a probe that logs the process's collections or per-thread CPU).
 * BENCH_SERVER_NODE_ARGS="<flags>" gives every server these node and V8 flags (`--perf-basic-prof`
 * lets `perf record` name both servers' JavaScript functions); BENCH_BASELINE_NODE_ARGS gives them
 * only to the `--baseline` side (the same build with another V8 flag, say).
 *
 * A phone seated at a table carries its control plane on its board's doc socket (`?control=`), as
 * the app does: one connection per phone, two per projector (board and Socket.IO). The reference
 * server gets the same phones without the control plane. `--two-sockets` and `--no-control` change
 * Tischrunde's phones in every mode (the reconnect storm knows only the first).
 *
 * The multi-node rows (1, 2, 3 nodes on one Redis and a node kill) need `redis-server`; without it
 * they are skipped with a note. `npx tsx bench/src/multi-node.ts` runs only them.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runColdPaths } from './cold.js'
import { connectRun } from './connect-mode.js'
import { runDurability } from './durability.js'
import { formatExportSizes, runExportSizes } from './export-sizes.js'
import { PROFILE, RESULTS, args, buildIfNeeded, connectSeconds, load, log, machine, numberAfter, phoneControl, quick, ratio, repeated, saturation } from './harness.js'
import { type LoadOptions, type LoadResult, runLoad } from './load/scenario.js'
import { runMemory } from './memory.js'
import { hotFunctions } from './profile.js'
import { runMultiNode } from './multi-node.js'
import { type BenchResult, CAPACITY_P99_MS, type CapacityStep, type Repetition, evaluateTargets, formatTable, lossesWhereNoneAllowed, missingFigures } from './report.js'
import { REPO_ROOT, freshDataDir, killStarted, removeDir, startReference, startTischrunde } from './servers.js'
import { round } from './stats.js'
import { runStorm } from './storm.js'
import { rowRun } from './row-mode.js'

// Every WebsocketProvider the bench opens in this process adds an exit listener.
process.setMaxListeners(0)

/** The phone count of the stress row and of the "server at 1,000 phones" figures (300 in --quick). */
const STRESS_PHONES = quick ? 300 : 1000
/**
 * Fan-out stress: ten times the card rate at the largest phone count, spread over 18 writers per
 * table (≤ 0.25 cards/s each, a human pace). Ten times the samples make its p99 ratio the steadier one.
 */
const stress = (): LoadOptions => ({ ...load(STRESS_PHONES, Math.min(PROFILE.durationMs, 15_000)), rate: 50, writersPerTable: 18 })

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
  const storm = await runStorm({ phones: stormPhones, cardsPerWriter: quick ? 3 : 10, control: phoneControl() })
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
  const ratios = [...tischrunde, stressed.tischrunde, saturated.tischrunde].map((t, i) => {
    const r = i < reference.length ? reference[i]! : i === reference.length ? stressed.reference : saturated.reference
    return {
      phones: t.phones,
      rate: t.rate,
      p50: ratio(t.latency.p50, r.latency.p50),
      p99: ratio(t.latency.p99, r.latency.p99),
      serverCpu: ratio(t.server.cpuPercent, r.server.cpuPercent),
      serverRss: ratio(t.server.rssMb, r.server.rssMb),
      connect: ratio(connectSeconds(t), connectSeconds(r)),
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
  // BENCH_PROFILE_IMPORT=<file> loads a module into the profiled server first (a probe of one call's cost).
  const nodeArgs = [...(process.env.BENCH_PROFILE_IMPORT ? [`--import=${path.resolve(process.env.BENCH_PROFILE_IMPORT)}`] : []), '--cpu-prof', '--cpu-prof-dir', dir, `--cpu-prof-interval=${Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 1000)}`]
  // BENCH_PROFILE_REFERENCE=1 profiles the stock server under the same load instead (no durability).
  const reference = process.env.BENCH_PROFILE_REFERENCE === '1'
  const tischrunde = reference ? undefined : await startTischrunde({ dataDir, demo: false, nodeArgs })
  // The stock server has no SIGTERM handler; without an orderly exit node writes no profile.
  const server = tischrunde ?? (await startReference([...nodeArgs, `--import=data:text/javascript,process.on('SIGTERM',()=>process.exit(0))`]))
  let loadResult: LoadResult
  try {
    log(`profile: ${phones} phones at ${rate} cards/s`)
    loadResult = await runLoad(server, { ...load(phones, Number(process.env.BENCH_PROFILE_SECONDS ?? 15) * 1000), rate })
    // BENCH_PROFILE_DURABILITY=0 leaves it out (e.g. a profile of connecting phones only).
    if (tischrunde && process.env.BENCH_PROFILE_DURABILITY !== '0') {
      log('profile: durability')
      await runDurability(tischrunde, PROFILE.durability)
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
