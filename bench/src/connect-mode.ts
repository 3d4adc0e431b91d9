/**
 * `npm run bench -- --connect`: only the connect phase — phones (and a projector per table) connect
 * and sync, no card is written. Every run starts fresh servers and warms them up unmeasured, so the
 * memory per phone is the growth of a process that had not held that many sockets before (a reused
 * server reads lower). `--baseline <main.js>` adds another build of the server as a third side (an
 * A/B in one run). Writes bench/results/connect.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { REPETITIONS, RESULTS, argv, buildIfNeeded, connectSeconds, load, log, machine, numberAfter, ratio } from './harness.js'
import { type LoadOptions, type LoadResult, TABLES, connectionsOf, runLoad } from './load/scenario.js'
import { freshDataDir, nodeArgsOf, removeDir, startReference, startTischrunde } from './servers.js'
import { round } from './stats.js'

type Side = 'tischrunde' | 'reference' | 'baseline'
interface ConnectRun {
  connectS: number
  connectCpuMs: number
  kbPerPhone: number
  connectFailures: number
  errors: string[]
}

export async function connectRun(): Promise<void> {
  buildIfNeeded()
  const only = numberAfter('--phones')
  const counts = only ? [only] : [300, 1000]
  const baselineAt = argv.indexOf('--baseline')
  const baseline = baselineAt >= 0 ? path.resolve(argv[baselineAt + 1] ?? '') : null
  const sides: Side[] = ['tischrunde', 'reference', ...(baseline ? (['baseline'] as const) : [])]
  const rows = []
  for (const phones of counts) {
    const options: LoadOptions = { ...load(phones, 0), drainMs: 0 }
    const fresh = async (side: Side): Promise<LoadResult> => {
      const dataDir = freshDataDir('connect')
      const server = side === 'reference' ? await startReference() : await startTischrunde({ dataDir, demo: false, ...(side === 'baseline' && baseline ? { main: baseline, nodeArgs: nodeArgsOf(process.env.BENCH_BASELINE_NODE_ARGS) } : {}) })
      try {
        await runLoad(server, { ...options, phones: 50 })
        return await runLoad(server, options)
      } finally {
        await server.stop()
        removeDir(dataDir)
      }
    }
    const runs = new Map<Side, ConnectRun[]>(sides.map((s) => [s, []]))
    for (let rep = 0; rep < REPETITIONS; rep++) {
      for (const side of rep % 2 === 0 ? sides : [...sides].reverse()) {
        log(`connect: ${phones} phones → ${side} (repetition ${rep + 1} of ${REPETITIONS})`)
        const l = await fresh(side)
        runs.get(side)!.push({ connectS: connectSeconds(l), connectCpuMs: l.connectCpuMs, kbPerPhone: l.kbPerPhone, connectFailures: l.connectFailures, errors: l.errors })
      }
    }
    const mean = (side: Side) => {
      const list = runs.get(side)!
      const avg = (f: (x: ConnectRun) => number, digits: number) => round(list.reduce((sum, x) => sum + f(x), 0) / list.length, digits)
      const control = side === 'reference' ? 'none' : (options.control ?? 'carried')
      return { connections: connectionsOf(side === 'reference' ? 'reference' : 'tischrunde', control, phones, TABLES), connectS: avg((x) => x.connectS, 2), connectCpuMs: avg((x) => x.connectCpuMs, 0), kbPerPhone: avg((x) => x.kbPerPhone, 1), connectFailures: list.reduce((sum, x) => sum + x.connectFailures, 0) }
    }
    const means = Object.fromEntries(sides.map((side) => [side, mean(side)])) as Record<Side, ReturnType<typeof mean>>
    const ratios = Object.fromEntries(
      sides.filter((side) => side !== 'reference').map((side) => [side, { connect: ratio(means[side].connectS, means.reference.connectS), connectCpu: ratio(means[side].connectCpuMs, means.reference.connectCpuMs), kbPerPhone: ratio(means[side].kbPerPhone, means.reference.kbPerPhone) }]),
    )
    rows.push({ phones, control: options.control, runs: Object.fromEntries(runs), means, ratios, errors: [...runs.values()].flatMap((list) => list.flatMap((x) => x.errors)).slice(0, 5) })
  }
  mkdirSync(RESULTS, { recursive: true })
  writeFileSync(path.join(RESULTS, 'connect.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), baseline, rows }, null, 2)}\n`)
  for (const row of rows) {
    console.log(`${row.phones} phones, phones' control ${row.control} (means of ${REPETITIONS} runs; ratios to the reference):`)
    for (const [side, m] of Object.entries(row.means)) {
      const r = (row.ratios as Record<string, { connect: number; connectCpu: number; kbPerPhone: number }>)[side]
      const each = row.runs[side as Side]!.map((x) => `${x.connectS} s / ${x.connectCpuMs} ms / ${x.kbPerPhone} KB`).join(', ')
      console.log(`  ${side.padEnd(10)} ${m.connections} conns, connect ${m.connectS} s, server CPU ${m.connectCpuMs} ms, ${m.kbPerPhone} KB/phone${m.connectFailures ? `, ${m.connectFailures} failed` : ''}${r ? `  (${r.connect}× / ${r.connectCpu}× / ${r.kbPerPhone}×)` : ''}  [${each}]`)
    }
    if (row.errors.length) console.log(`  errors: ${row.errors.join(' | ')}`)
  }
}
