/**
 * `npm run bench -- --row N` / `--saturation`: one load row against both servers (twice,
 * alternating, after an unmeasured warm-up of both): a quick before/after figure for one change, not
 * a replacement for the full run. Writes bench/results/row.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { args, buildIfNeeded, connectSeconds, load, log, machine, numberAfter, ratio, repeated, RESULTS, saturation } from './harness.js'
import { type LoadOptions, TABLES, connectionsOf, runLoad } from './load/scenario.js'
import { freshDataDir, removeDir, startReference, startTischrunde } from './servers.js'

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
  const dataDir = freshDataDir('row')
  try {
    const server = await startTischrunde({ dataDir, demo: false })
    const ref = await startReference()
    try {
      log('warm-up: both servers, unmeasured')
      await runLoad(server, load(50, 3000))
      await runLoad(ref, load(50, 3000))
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
          tischrunde: { p50: t.latency.p50, p99: t.latency.p99, cpu: t.server.cpuPercent, rssMb: t.server.rssMb, kbPerPhone: t.kbPerPhone, lost: t.lostDeliveries, refusals: t.refusals, connectFailures: t.connectFailures },
          reference: { p50: r.latency.p50, p99: r.latency.p99, cpu: r.server.cpuPercent, rssMb: r.server.rssMb, kbPerPhone: r.kbPerPhone, lost: r.lostDeliveries, refusals: r.refusals, connectFailures: r.connectFailures },
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
