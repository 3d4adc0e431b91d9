/**
 * `npm run bench -- --row N` / `--saturation`: one load row against both servers (twice,
 * alternating, after an unmeasured warm-up of both): a quick before/after figure for one change, not
 * a replacement for the full run. The warm-up is the row itself for WARM_UP_S seconds
 * (`--short-warm-up`: the full run's 50 phones for 3 s instead): after the short one the
 * first run of Tischrunde still ran its card path as V8's baseline code and met V8's
 * memory-reducing collections that follow the heap's growth to 1,000 phones, while the reference
 * was steady already (RESULTS.md, session 35). `--baseline <main.js>` adds another build of the server as a third
 * side, run in turn with the other two (an A/B of a change in one run; ratios to the reference).
 * Writes bench/results/row.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { REPETITIONS, args, argv, buildIfNeeded, connectSeconds, load, log, machine, numberAfter, ratio, repeated, RESULTS, saturation } from './harness.js'
import { type LoadOptions, type LoadResult, TABLES, connectionsOf, runLoad } from './load/scenario.js'
import { freshDataDir, nodeArgsOf, removeDir, startReference, startTischrunde } from './servers.js'

/** Seconds of the row itself, unmeasured, before the measured runs. */
const WARM_UP_S = 20

/** The unmeasured load every side gets first (see WARM_UP_S), logged. */
function warmUpOf(options: LoadOptions): LoadOptions {
  if (args.has('--short-warm-up')) {
    log('warm-up: every side, 50 phones for 3 s, unmeasured')
    return load(50, 3000)
  }
  log(`warm-up: every side, the row for ${WARM_UP_S} s, unmeasured`)
  return { ...options, durationMs: WARM_UP_S * 1000 }
}

export async function rowRun(): Promise<void> {
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
  }
  const baselineAt = argv.indexOf('--baseline')
  if (baselineAt >= 0) return abRun(options, path.resolve(argv[baselineAt + 1] ?? ''))
  const dataDir = freshDataDir('row')
  try {
    const server = await startTischrunde({ dataDir, demo: false })
    const ref = await startReference()
    try {
      const warmUp = warmUpOf(options)
      await runLoad(server, warmUp)
      await runLoad(ref, warmUp)
      const tables = options.tables ?? TABLES
      const both = await repeated(`${sat ? 'saturation' : 'row'}: ${phones} phones at ${tables} table(s), ${options.rate} cards/s, phones' control ${options.control}`, () => runLoad(server, options), () => runLoad(ref, options))
      const t = both.tischrunde
      const r = both.reference
      const row = {
        date: new Date().toISOString(),
        machine: machine(),
        options,
        connections: { tischrunde: connectionsOf('tischrunde', options.control ?? 'carried', phones, tables), reference: connectionsOf('reference', 'none', phones, tables) },
        runs: both.runs,
        connectS: { tischrunde: connectSeconds(t), reference: connectSeconds(r) },
        ratios: { p50: ratio(t.latency.p50, r.latency.p50), p99: ratio(t.latency.p99, r.latency.p99), serverCpu: ratio(t.server.cpuPercent, r.server.cpuPercent), serverRss: ratio(t.server.rssMb, r.server.rssMb), connect: ratio(connectSeconds(t), connectSeconds(r)), kbPerPhone: ratio(t.kbPerPhone, r.kbPerPhone) },
        means: {
          tischrunde: { p50: t.latency.p50, p99: t.latency.p99, cpu: t.server.cpuPercent, mainThreadCpu: t.server.mainThreadCpuPercent, reducingGcs: t.server.reducingGcs, rssMb: t.server.rssMb, kbPerPhone: t.kbPerPhone, lost: t.lostDeliveries, refusals: t.refusals, connectFailures: t.connectFailures },
          reference: { p50: r.latency.p50, p99: r.latency.p99, cpu: r.server.cpuPercent, mainThreadCpu: r.server.mainThreadCpuPercent, reducingGcs: r.server.reducingGcs, rssMb: r.server.rssMb, kbPerPhone: r.kbPerPhone, lost: r.lostDeliveries, refusals: r.refusals, connectFailures: r.connectFailures },
        },
        errors: [...t.errors, ...r.errors].slice(0, 5),
      }
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(path.join(RESULTS, 'row.json'), `${JSON.stringify(row, null, 2)}\n`)
      console.log(JSON.stringify({ connections: row.connections, runs: row.runs, connectS: row.connectS, means: row.means, ratios: row.ratios, errors: row.errors }, null, 2))
    } finally {
      await server.stop()
      await ref.stop()
    }
  } finally {
    removeDir(dataDir)
  }
}

/** The row against this build, the reference and `baseline` (another build), in turn, REPETITIONS times. */
async function abRun(options: LoadOptions, baseline: string): Promise<void> {
  const dataDirs = [freshDataDir('row'), freshDataDir('row-baseline')]
  try {
    const servers = {
      tischrunde: await startTischrunde({ dataDir: dataDirs[0]!, demo: false }),
      reference: await startReference(),
      // BENCH_BASELINE_NODE_ARGS: node and V8 flags for this side only (the same build with a V8 flag, say).
      baseline: await startTischrunde({ dataDir: dataDirs[1]!, demo: false, main: baseline, nodeArgs: nodeArgsOf(process.env.BENCH_BASELINE_NODE_ARGS) }),
    }
    type Side = keyof typeof servers
    const sides = Object.keys(servers) as Side[]
    try {
      const warmUp = warmUpOf(options)
      for (const side of sides) await runLoad(servers[side], warmUp)
      const runs = new Map<Side, LoadResult[]>(sides.map((side) => [side, []]))
      for (let rep = 0; rep < REPETITIONS; rep++) {
        for (const side of rep % 2 === 0 ? sides : [...sides].reverse()) {
          log(`row: ${options.phones} phones, ${options.rate} cards/s → ${side} (repetition ${rep + 1} of ${REPETITIONS})`)
          runs.get(side)!.push(await runLoad(servers[side], options))
        }
      }
      const mean = (side: Side, f: (l: LoadResult) => number) => {
        const list = runs.get(side)!
        return Math.round((list.reduce((sum, l) => sum + f(l), 0) / list.length) * 100) / 100
      }
      const figures = {
        p50: (l: LoadResult) => l.latency.p50,
        p99: (l: LoadResult) => l.latency.p99,
        cpu: (l: LoadResult) => l.server.cpuPercent,
        mainThreadCpu: (l: LoadResult) => l.server.mainThreadCpuPercent,
        rssMb: (l: LoadResult) => l.server.rssMb,
        connectS: connectSeconds,
        lost: (l: LoadResult) => l.lostDeliveries + l.connectFailures + l.refusals,
      }
      const means = Object.fromEntries(sides.map((side) => [side, Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, mean(side, f)]))]))
      const ratios = Object.fromEntries(
        (['tischrunde', 'baseline'] as const).map((side) => [side, Object.fromEntries((['p50', 'p99', 'cpu', 'rssMb', 'connectS'] as const).map((name) => [name, ratio(means[side]![name]!, means.reference![name]!)]))]),
      )
      const each = Object.fromEntries(sides.map((side) => [side, runs.get(side)!.map((l) => ({ p50: l.latency.p50, p99: l.latency.p99, cpu: l.server.cpuPercent, mainThreadCpu: l.server.mainThreadCpuPercent, reducingGcs: l.server.reducingGcs, connectS: connectSeconds(l) }))]))
      const row = { date: new Date().toISOString(), machine: machine(), options, baseline, runs: each, means, ratios }
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(path.join(RESULTS, 'row.json'), `${JSON.stringify(row, null, 2)}\n`)
      console.log(JSON.stringify({ runs: each, means, ratios }, null, 2))
    } finally {
      for (const side of sides) await servers[side].stop()
    }
  } finally {
    for (const dir of dataDirs) removeDir(dir)
  }
}
