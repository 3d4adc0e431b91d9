import { readFileSync } from 'node:fs'

/** Wall-clock time in ms with sub-ms resolution, comparable across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now()

export interface Percentiles {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles of `values` (ms); all zero for an empty list. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 }
  const sorted = Float64Array.from(values).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) }
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits

/** CPU time (user + system) of a process in ms, read from /proc (Linux). */
export function processCpuMs(pid: number): number {
  return cpuMsOf(`/proc/${pid}/stat`)
}

/**
 * CPU time of a process's main thread alone (its JavaScript, and the system calls it makes), in
 * ms. The rest of the process's time runs on other threads: V8's garbage collection and compiler
 * helpers, libuv's thread pool (e.g. `fdatasync`).
 */
export function mainThreadCpuMs(pid: number): number {
  return cpuMsOf(`/proc/${pid}/task/${pid}/stat`)
}

function cpuMsOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8')
  // Fields after the command name, which sits in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / CLOCK_TICKS
}
/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100

/** Resident set size of a process in MB, from /proc (Linux). */
export function processRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return round(kb / 1024)
}

/** Samples a process's CPU share and RSS over a window: `start()` then `stop()`. */
export function processMeter(pid: number) {
  let cpu0 = 0
  let main0 = 0
  let t0 = 0
  let rssMax = 0
  let timer: NodeJS.Timeout | undefined
  return {
    start() {
      cpu0 = processCpuMs(pid)
      main0 = mainThreadCpuMs(pid)
      t0 = performance.now()
      rssMax = processRssMb(pid)
      timer = setInterval(() => (rssMax = Math.max(rssMax, processRssMb(pid))), 500)
    },
    stop(): { cpuPercent: number; mainThreadCpuPercent: number; rssMb: number; rssMaxMb: number } {
      clearInterval(timer)
      const ms = performance.now() - t0
      const cpuPercent = round(((processCpuMs(pid) - cpu0) / ms) * 100)
      const mainThreadCpuPercent = round(((mainThreadCpuMs(pid) - main0) / ms) * 100)
      const rssMb = processRssMb(pid)
      return { cpuPercent, mainThreadCpuPercent, rssMb, rssMaxMb: Math.max(rssMax, rssMb) }
    },
  }
}
