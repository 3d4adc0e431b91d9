/** The bench's JSON result, its targets, the printed table, and the check that every figure is there. */
import type { ColdResult } from './cold.js'
import type { DurabilityResult } from './durability.js'
import { type ExportSizeStep, formatExportSizes } from './export-sizes.js'
import type { LoadResult } from './load/scenario.js'
import type { MemoryResult } from './memory.js'
import { type MultiNodeResult, formatMultiNode, multiNodeFailures } from './multi-node.js'
import type { StormResult } from './storm.js'
import { round } from './stats.js'

export interface CapacityStep {
  phones: number
  connections: number
  p99: number
  completeness: number
  connectFailures: number
  serverCpuPercent: number
  serverRssMb: number
  held: boolean
}

/** Every run of one load row, per server, in the order they ran (alternating). */
export interface Repetition {
  phones: number
  rate: number
  tischrunde: RunBrief[]
  reference: RunBrief[]
}
export interface RunBrief {
  p50: number
  p99: number
  serverCpuPercent: number
  /** V8's memory-reducing collections in the run's window; absent in results written before it was kept. */
  serverReducingGcs?: number | null
  serverRssMb: number
  lostDeliveries: number
  connectFailures: number
  refusals: number
  /** All phones connected and synced, in s; absent in results written before it was kept per run. */
  connectS?: number
  /** Server memory per connected phone (RSS growth while they connected), KB. */
  kbPerPhone?: number
  /** Server CPU time while the phones connected, ms (see `LoadResult.connectCpuMs`). */
  connectCpuMs?: number
}

export interface BenchResult {
  profile: 'full' | 'quick'
  date: string
  machine: { nproc: number; cpu: string; node: string; os: string; note: string }
  /** Per phone count: the mean of the repetitions (see `repetitions` for every run). */
  load: { tischrunde: LoadResult[]; reference: LoadResult[] }
  repetitions: Repetition[]
  /** The largest phone count at ten times the card rate, on both servers. */
  stress: { tischrunde: LoadResult; reference: LoadResult }
  /** A whole hall at one table: every phone watching, 100 cards/s, on both servers. */
  saturation: { tischrunde: LoadResult; reference: LoadResult }
  /** kill -9 and restart under many phones (Tischrunde only: the reference keeps nothing). */
  storm: StormResult
  /** Tischrunde ÷ reference, per phone count and rate (same run). */
  ratios: { phones: number; rate: number; p50: number; p99: number; serverCpu: number; serverRss: number; connect?: number; kbPerPhone?: number }[]
  capacity: { steps: CapacityStep[]; heldPhones: number; heldConnections: number; limit: string }
  atThousandPhones: { phones: number; serverCpuPercent: number; serverRssMb: number }
  memory: MemoryResult
  durability: DurabilityResult
  cold: ColdResult
  /** Export times at 422, 844, 1,688 and 3,376 cards (absent in results written before it was measured). */
  exportSizes?: ExportSizeStep[]
  /** Several nodes on one Redis and a node kill (absent in results written before; `skipped` without redis-server). */
  multiNode?: MultiNodeResult
  targets: Target[]
}

export interface Target {
  name: string
  value: number | null
  limit: number
  unit: string
  met: boolean | null
}

const P99_AT_300_MS = 100
const P99_AT_1000_MS = 250
export const CAPACITY_P99_MS = 250
export const PHONE_JS_KB = 150
const SATURATION_P99_MS = 1000
const FIRST_CARD_MS = 1000
const EXPORT_MS = 5000

export function evaluateTargets(r: Omit<BenchResult, 'targets'>): Target[] {
  const at = (phones: number) => r.load.tischrunde.find((l) => l.phones === phones)
  const le = (name: string, value: number | null | undefined, limit: number, unit: string): Target => ({
    name,
    value: value ?? null,
    limit,
    unit,
    met: value === undefined || value === null ? null : value <= limit,
  })
  return [
    le('p99 card-to-observer at 300 phones', at(300)?.latency.p99, P99_AT_300_MS, 'ms'),
    le('p99 card-to-observer at 1,000 phones', at(1000)?.latency.p99, P99_AT_1000_MS, 'ms'),
    ...r.ratios.map((x) => le(`p99 ratio to reference at ${x.phones} phones, ${x.rate} cards/s`, x.p99, 1, '×')),
    ...r.load.tischrunde.map((l) => ({ name: `delivery complete at ${l.phones} phones`, value: l.completeness, limit: 100, unit: '%', met: l.completeness >= 100 })),
    le('phone route JavaScript (gzip)', r.cold.phoneJsKb, PHONE_JS_KB, 'KB'),
    le('saturation, one table: p99 card-to-observer', r.saturation.tischrunde.latency.p99, SATURATION_P99_MS, 'ms'),
    le('new phone: page loaded → first card "gespeichert"', r.cold.phone.loadToSavedMs, FIRST_CARD_MS, 'ms'),
    le('export all 11 tables, every format (HTTP)', r.cold.exportHttpMs, EXPORT_MS, 'ms'),
    le('export all 11 tables, every format (CLI)', r.cold.exportCliMs, EXPORT_MS, 'ms'),
  ]
}

const pad = (s: string | number, n: number) => String(s).padStart(n)
const padEnd = (s: string | number, n: number) => String(s).padEnd(n)

export function formatTable(r: BenchResult): string {
  const out: string[] = []
  out.push(`Tischrunde bench (${r.profile}) ${r.date} · ${r.machine.nproc} cores · ${r.machine.cpu} · Node ${r.machine.node}`)
  out.push('', 'Card → observers (every other phone and the projector at the table), 11 tables (saturation: 1); cards written / cards per second; conns: a phone one (Tischrunde: its control plane carried on the board socket), a projector two on Tischrunde (board and Socket.IO); connect s: all phones connected, synced and (Tischrunde) seated; KB/phone: server RSS growth while they connected, per client')
  out.push(
    `${padEnd('server', 11)}${pad('phones', 7)}${pad('conns', 7)}${pad('cards/rate', 11)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)}${pad('proj p99', 9)}${pad('deliv/s', 9)}${pad('compl %', 8)}${pad('lost', 6)}${pad('failed', 7)}${pad('refused', 8)}${pad('srv cpu%', 9)}${pad('rss MB', 8)}${pad('gen cpu%', 10)}${pad('gen lag p99', 12)}${pad('connect s', 10)}${pad('KB/phone', 9)}`,
  )
  for (const l of [...r.load.tischrunde, r.stress.tischrunde, r.saturation.tischrunde, ...r.load.reference, r.stress.reference, r.saturation.reference]) {
    const gen = l.generators.map((g) => g.cpuPercent).join('/')
    const lag = Math.max(...l.generators.map((g) => g.eventLoopDelayP99Ms))
    out.push(
      `${padEnd(l.target, 11)}${pad(l.phones, 7)}${pad(l.connections, 7)}${pad(`${l.cardsWritten}/${l.rate}`, 11)}${pad(l.latency.p50, 8)}${pad(l.latency.p95, 8)}${pad(l.latency.p99, 8)}${pad(l.latency.max, 8)}${pad(l.projectorLatency.p99, 9)}${pad(l.deliveredPerSecond, 9)}${pad(l.completeness, 8)}${pad(l.lostDeliveries, 6)}${pad(l.connectFailures, 7)}${pad(l.refusals, 8)}${pad(l.server.cpuPercent, 9)}${pad(l.server.rssMb, 8)}${pad(gen, 10)}${pad(lag, 12)}${pad(round(Math.max(...l.generators.map((g) => g.connectMs)) / 1000, 1), 10)}${pad(l.kbPerPhone ?? '–', 9)}`,
    )
  }
  out.push('', `Every run (rows above are their means), in the order they ran: Tischrunde and reference alternate`)
  const runText = (b: RunBrief) => `p50 ${b.p50} / p99 ${b.p99} ms, CPU ${b.serverCpuPercent} %${b.serverReducingGcs ? ` (${b.serverReducingGcs} memory-reducing GCs)` : ''}, RSS ${b.serverRssMb} MB${b.connectS === undefined ? '' : `, connect ${b.connectS} s`}${b.kbPerPhone === undefined ? '' : `, ${b.kbPerPhone} KB/phone`}${b.lostDeliveries || b.connectFailures || b.refusals ? `, lost ${b.lostDeliveries}, failed ${b.connectFailures}, refused ${b.refusals}` : ''}`
  for (const x of r.repetitions) {
    out.push(`  ${pad(x.phones, 5)} phones, ${pad(x.rate, 2)} cards/s`)
    x.tischrunde.forEach((b, i) => out.push(`    Tischrunde #${i + 1}: ${runText(b)}    reference #${i + 1}: ${x.reference[i] ? runText(x.reference[i]!) : '–'}`))
  }
  out.push('', 'Tischrunde ÷ reference (same run, means of the repetitions)')
  for (const x of r.ratios) out.push(`  ${pad(x.phones, 5)} phones, ${pad(x.rate, 2)} cards/s: p50 ${x.p50}×  p99 ${x.p99}×  server CPU ${x.serverCpu}×  RSS ${x.serverRss}×${x.connect === undefined ? '' : `  connect ${x.connect}×`}${x.kbPerPhone === undefined ? '' : `  KB/phone ${x.kbPerPhone}×`}`)
  out.push('', `Capacity (until p99 > ${CAPACITY_P99_MS} ms or delivery < 100 %)`)
  for (const s of r.capacity.steps)
    out.push(`  ${pad(s.phones, 5)} phones ${pad(s.connections, 6)} conns  p99 ${pad(s.p99, 7)} ms  ${pad(s.completeness, 6)} %  cpu ${pad(s.serverCpuPercent, 5)} %  rss ${pad(s.serverRssMb, 6)} MB  ${s.held ? 'held' : 'FAILED'}`)
  out.push(`  held: ${r.capacity.heldPhones} phones (${r.capacity.heldConnections} connections); ${r.capacity.limit}`)
  out.push(`  server at ${r.atThousandPhones.phones} phones: CPU ${r.atThousandPhones.serverCpuPercent} %, RSS ${r.atThousandPhones.serverRssMb} MB`)
  out.push(
    `  RSS per 1,000 stored cards at rest (${r.memory.restS} s after the boards opened): ${r.memory.rssPerThousandCardsMb} MB (${r.memory.cards} cards: ${r.memory.rssEmptyBoardsMb} → ${r.memory.rssFullBoardsMb} MB); heap in use per 1,000 stored cards: ${r.memory.heapPerThousandCardsMb} MB (${r.memory.heapEmptyBoardsMb} → ${r.memory.heapFullBoardsMb} MB), both after a full garbage collection`,
    `  right after the boards opened: RSS ${r.memory.rightAfter.rssPerThousandCardsMb} MB per 1,000 cards (${r.memory.rightAfter.rssEmptyBoardsMb} → ${r.memory.rightAfter.rssFullBoardsMb} MB), heap in use ${r.memory.rightAfter.heapPerThousandCardsMb} MB (${r.memory.rightAfter.heapEmptyBoardsMb} → ${r.memory.rightAfter.heapFullBoardsMb} MB)`,
  )
  const s = r.storm
  out.push('', `Reconnect storm: kill -9 and restart under ${s.phones} phones (restart ${s.restartMs} ms): 99 % synced again ${s.ninetyNinePercentMs ?? '–'} ms after the kill, all: p50 ${s.resynced.p50} / p99 ${s.resynced.p99} / max ${s.resynced.max} ms, not synced within 60 s ${s.notResynced}; refusals ${s.refusals}; acknowledged cards lost ${s.ackedLost} of ${s.cardsAcked}`)
  const phonesControl = s.phoneControl === 'carried' ? 'phones\' control plane on the board socket (event:state again)' : 'phones\' control sockets'
  out.push(`  ${phonesControl} (${s.controls}): 99 % back ${s.controlNinetyNinePercentMs ?? '–'} ms after the kill, all: p50 ${s.controlBack.p50} / p99 ${s.controlBack.p99} / max ${s.controlBack.max} ms, not back within 60 s ${s.controlNotBack}; denied ${s.controlDenied}`)
  if (s.projectorBack)
    out.push(`  projectors' Socket.IO (${s.projectors}): 99 % back ${s.projectorNinetyNinePercentMs ?? '–'} ms after the kill, all: p50 ${s.projectorBack.p50} / p99 ${s.projectorBack.p99} / max ${s.projectorBack.max} ms, not back within 60 s ${s.projectorNotBack}; denied ${s.projectorDenied}`)
  const d = r.durability
  out.push('', `Durability: ${d.ackedPerSecond} fsync'd acks/s (${d.cardsAcked} cards, ${d.writers} writers closed-loop; ack p50 ${d.ackLatency.p50} ms, p99 ${d.ackLatency.p99} ms; server CPU ${d.serverCpuPercent} %, generator CPU ${d.generatorCpuPercent} %)`)
  const c = r.cold
  out.push('', 'Cold paths')
  out.push(`  first start (seeding Winnenden) ${c.firstStartMs} ms; start → ready with Winnenden ${c.startToReadyMs} ms; → all 11 boards synced ${c.startToBoardsSyncedMs} ms`)
  out.push(`  new phone (median of ${c.phone.runs}): navigation → load ${c.phone.navigationToLoadMs} ms, load → "gespeichert" ${c.phone.loadToSavedMs} ms, total ${c.phone.navigationToSavedMs} ms`)
  out.push(`  JavaScript gzip: phone ${c.phoneJsKb} KB (${c.phoneJsFiles} files), projector ${c.projectorJsKb} KB (${c.projectorJsFiles} files)`)
  out.push(`  export ZIP (11 tables × every format): HTTP ${c.exportHttpMs} ms (${round(c.exportHttpBytes / 1024)} KB), CLI ${c.exportCliMs} ms${c.exportCliExitedByItself ? '' : ' (CLI wrote the ZIP but did not exit by itself)'}`)
  const l = c.largeExport
  out.push(`  export of a long day (${l.tables} tables, ${l.cards} cards, every ${l.longWordEvery}th one long word; HTTP): ZIP ${l.zipMs} ms (${round(l.zipBytes / 1024)} KB), documentation DOCX ${l.docxMs} ms, PDF ${l.pdfMs} ms`)
  if (r.exportSizes) out.push(...formatExportSizes(r.exportSizes))
  if (r.multiNode) out.push('', ...formatMultiNode(r.multiNode))
  out.push('', 'Targets')
  for (const t of r.targets) out.push(`  ${t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'} ${padEnd(t.name, 52)} ${t.value ?? '–'} ${t.unit} (limit ${t.limit} ${t.unit})`)
  return out.join('\n')
}

/**
 * Losses in rows that must have none: every load, stress and saturation row (the capacity ladder may
 * fail by design; it stops there). On Tischrunde's rows a lost delivery, a failed connect or a
 * refusal fails `--check`; on the reference's rows they only make that row's comparison unclean
 * (the stock server can drop late deliveries on a loaded machine), so they are returned as warnings.
 */
export function lossesWhereNoneAllowed(r: BenchResult): { failures: string[]; warnings: string[] } {
  const failures: string[] = []
  const warnings: string[] = []
  const rows = [...r.load.tischrunde, ...r.load.reference, r.stress.tischrunde, r.stress.reference, r.saturation.tischrunde, r.saturation.reference]
  for (const l of rows) {
    const found = l.target === 'tischrunde' ? failures : warnings
    const row = `${l.target} at ${l.phones} phones, ${l.rate} cards/s`
    if (l.lostDeliveries !== 0) found.push(`${row}: ${l.lostDeliveries} of ${l.expectedDeliveries} deliveries lost`)
    if (l.connectFailures !== 0) found.push(`${row}: ${l.connectFailures} failed connects`)
    if (l.refusals !== 0) found.push(`${row}: ${l.refusals} refusals`)
  }
  const s = r.storm
  if (s.ackedLost !== 0) failures.push(`reconnect storm: ${s.ackedLost} of ${s.cardsAcked} acknowledged cards lost`)
  if (s.notResynced !== 0) failures.push(`reconnect storm: ${s.notResynced} phones not synced again within 60 s`)
  if (s.refusals !== 0) failures.push(`reconnect storm: ${s.refusals} refusals`)
  if (s.controlNotBack !== 0) failures.push(`reconnect storm: ${s.controlNotBack} phones without their control plane again within 60 s`)
  if (s.controlDenied !== 0) failures.push(`reconnect storm: ${s.controlDenied} phones' control plane denied after the restart`)
  if (s.projectorNotBack) failures.push(`reconnect storm: ${s.projectorNotBack} projectors' Socket.IO not connected again within 60 s`)
  if (s.projectorDenied) failures.push(`reconnect storm: ${s.projectorDenied} projectors' Socket.IO denied after the restart`)
  failures.push(...multiNodeFailures(r.multiNode))
  return { failures, warnings }
}

/** Paths in the result that must hold a finite number; returns the ones that do not. */
export function missingFigures(r: BenchResult): string[] {
  const missing: string[] = []
  const need = (label: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) missing.push(label)
  }
  for (const side of ['tischrunde', 'reference'] as const) {
    if (r.load[side].length < 3) missing.push(`load.${side} (3 phone counts)`)
    for (const l of r.load[side]) {
      for (const k of ['p50', 'p95', 'p99', 'max'] as const) need(`load.${side}[${l.phones}].latency.${k}`, l.latency[k])
      need(`load.${side}[${l.phones}].projectorLatency.p99`, l.projectorLatency.p99)
      need(`load.${side}[${l.phones}].deliveredPerSecond`, l.deliveredPerSecond)
      need(`load.${side}[${l.phones}].completeness`, l.completeness)
      need(`load.${side}[${l.phones}].server.cpuPercent`, l.server.cpuPercent)
      need(`load.${side}[${l.phones}].server.rssMb`, l.server.rssMb)
      // Absent from results written before it was kept; null when the servers' GC trace went unread.
      if (l.server.reducingGcs !== undefined) need(`load.${side}[${l.phones}].server.reducingGcs`, l.server.reducingGcs)
      if (l.latency.count === 0) missing.push(`load.${side}[${l.phones}] delivered no cards`)
      for (const g of l.generators) {
        need(`load.${side}[${l.phones}].generators.cpuPercent`, g.cpuPercent)
        need(`load.${side}[${l.phones}].generators.eventLoopDelayP99Ms`, g.eventLoopDelayP99Ms)
      }
    }
  }
  if (r.ratios.length < 5) missing.push('ratios (3 phone counts, the stress and the saturation run)')
  for (const x of r.repetitions) if (x.tischrunde.length < 2 || x.reference.length < 2) missing.push(`repetitions at ${x.phones} phones, ${x.rate} cards/s (2 per server)`)
  for (const l of [r.stress.tischrunde, r.stress.reference, r.saturation.tischrunde, r.saturation.reference]) {
    need(`stress.${l.target}.latency.p99`, l.latency.p99)
    need(`stress.${l.target}.completeness`, l.completeness)
  }
  for (const x of r.ratios) {
    need(`ratios[${x.phones}].p99`, x.p99)
    need(`ratios[${x.phones}].p50`, x.p50)
  }
  if (r.capacity.steps.length === 0) missing.push('capacity.steps')
  need('capacity.heldPhones', r.capacity.heldPhones)
  need('atThousandPhones.serverCpuPercent', r.atThousandPhones.serverCpuPercent)
  need('atThousandPhones.serverRssMb', r.atThousandPhones.serverRssMb)
  need('memory.rssPerThousandCardsMb', r.memory.rssPerThousandCardsMb)
  need('memory.heapPerThousandCardsMb', r.memory.heapPerThousandCardsMb)
  need('memory.rightAfter.rssPerThousandCardsMb', r.memory.rightAfter?.rssPerThousandCardsMb)
  need('durability.ackedPerSecond', r.durability.ackedPerSecond)
  need('storm.ninetyNinePercentMs', r.storm.ninetyNinePercentMs)
  need('storm.controlNinetyNinePercentMs', r.storm.controlNinetyNinePercentMs)
  need('storm.projectorNinetyNinePercentMs', r.storm.projectorNinetyNinePercentMs)
  if (r.durability.cardsAcked === 0) missing.push('durability acknowledged no cards')
  for (const k of ['firstStartMs', 'startToReadyMs', 'startToBoardsSyncedMs', 'phoneJsKb', 'projectorJsKb', 'exportHttpMs', 'exportCliMs'] as const) need(`cold.${k}`, r.cold[k])
  need('cold.phone.loadToSavedMs', r.cold.phone.loadToSavedMs)
  need('cold.phone.navigationToSavedMs', r.cold.phone.navigationToSavedMs)
  if (r.targets.length < 9) missing.push('targets')
  if (r.multiNode && !r.multiNode.skipped) {
    const m = r.multiNode
    if (m.rows.length < (r.profile === 'full' ? 3 : 1)) missing.push(`multiNode.rows (${r.profile === 'full' ? '1, 2 and 3 nodes' : '2 nodes'})`)
    for (const x of m.rows) {
      need(`multiNode[${x.nodes}].latency.p50`, x.latency.p50)
      need(`multiNode[${x.nodes}].latency.p99`, x.latency.p99)
      need(`multiNode[${x.nodes}].deliveryPercent`, x.deliveryPercent)
      if (x.perNode.length !== x.nodes) missing.push(`multiNode[${x.nodes}].perNode`)
    }
    need('multiNode.kill.allSyncedMs', m.kill?.allSyncedMs)
    need('multiNode.kill.ackedLost', m.kill?.ackedLost)
  }
  return missing
}
