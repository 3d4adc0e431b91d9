/**
 * A probe for BENCH_SERVER_IMPORT: logs every V8 collection of the server (kind, duration, heap in
 * use after it) and, every 5 s, the CPU time of its main thread and of all its other threads
 * (/proc/self/task), to `<tmpdir>/tischrunde-collections-<pid>.txt`; the first line names the
 * server's script. Linux only.
 * @example BENCH_SERVER_IMPORT=bench/probes/collections.mjs npm run bench -- --row 1000
 */
import { appendFileSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PerformanceObserver, constants, performance } from 'node:perf_hooks'
import process from 'node:process'
import { setInterval } from 'node:timers'
import v8 from 'node:v8'

const file = path.join(tmpdir(), `tischrunde-collections-${process.pid}.txt`)
const start = performance.now()
const kinds = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
}
const lines = [`# ${process.argv[1]}`]
const at = (ms) => ((ms - start) / 1000).toFixed(2)
const heapMb = () => (v8.getHeapStatistics().used_heap_size / 1e6).toFixed(1)

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) lines.push(`${at(entry.startTime)} ${kinds[entry.detail?.kind] ?? 'other'} ${entry.duration.toFixed(2)} ms, heap ${heapMb()} MB`)
}).observe({ entryTypes: ['gc'] })

/** CPU time (user + system, ms) of the main thread and of the other threads since they started. */
function threadsCpu() {
  let main = 0
  let other = 0
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ms = (Number(fields[11]) + Number(fields[12])) * 10
      if (tid === String(process.pid)) main += ms
      else other += ms
    } catch {
      // The thread ended meanwhile.
    }
  }
  return { main, other }
}

setInterval(() => {
  const cpu = threadsCpu()
  lines.push(`${at(performance.now())} cpu main ${cpu.main} ms, other threads ${cpu.other} ms, heap ${heapMb()} MB`)
  appendFileSync(file, `${lines.splice(0).join('\n')}\n`)
}, 5000).unref()
