/**
 * Splits `perf record` samples of one server process over a time window: main thread against the
 * others, the main thread's samples by binary (kernel, node, JIT code, libc), and each sample that
 * is not in optimised JavaScript charged to its nearest JavaScript frame (so a system call or an
 * inline-cache stub counts for the function that made it). Needs the server started with
 * `--perf-basic-prof` (`BENCH_SERVER_NODE_ARGS`) and a recording with call graphs.
 * Times are perf's clock (seconds, as `perf script -F time` prints them): a steady window is read off
 * the per-second counts that a run without a window prints.
 * @example
 *   BENCH_SERVER_NODE_ARGS=--perf-basic-prof npm run bench -- --row 1000 &
 *   perf record -e cpu-clock -F 1999 -g -p <tischrunde pid>,<reference pid> -o /tmp/perf.data
 *   node bench/probes/perf-split.mjs /tmp/perf.data <pid>               # samples per second
 *   node bench/probes/perf-split.mjs /tmp/perf.data <pid> 13977 14015   # the split of a window
 */
import { execFileSync } from 'node:child_process'
import console from 'node:console'
import process from 'node:process'

const [data, pid, from, to] = process.argv.slice(2)
if (!data || !pid) {
  console.error('usage: node bench/probes/perf-split.mjs <perf.data> <pid> [from to]')
  process.exit(2)
}
const window = from && to ? ['--time', `${from},${to}`] : []
const script = execFileSync('perf', ['script', '-i', data, '--pid', pid, ...window, '-F', 'pid,tid,time,ip,sym,dso'], { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })

/** One sample: its thread, time and frames (innermost first), each with symbol and binary. */
function* samples() {
  for (const block of script.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim())
    const head = lines[0]?.match(/^\s*(\d+)\/(\d+)\s+([\d.]+):/)
    if (!head) continue
    const frames = lines.slice(1).map((l) => {
      const m = l.trim().match(/^[0-9a-f]+ (.*) \((.*)\)$/)
      return m ? { sym: m[1], dso: m[2] } : { sym: l.trim(), dso: '' }
    })
    yield { main: head[1] === head[2], time: Number(head[3]), frames }
  }
}

const binaryOf = (dso) => (dso.includes('kernel') ? 'kernel' : dso.includes('perf-') || dso.includes('JIT') ? 'JIT' : (dso.split('/').pop() ?? dso) || '?')
const perSecond = new Map()
const binaries = new Map()
const charged = new Map()
let main = 0
let others = 0
for (const s of samples()) {
  if (!from) {
    const second = Math.floor(s.time)
    const row = perSecond.get(second) ?? { main: 0, others: 0 }
    row[s.main ? 'main' : 'others']++
    perSecond.set(second, row)
    continue
  }
  if (!s.main) {
    others++
    continue
  }
  main++
  const top = s.frames[0]
  if (top) binaries.set(binaryOf(top.dso), (binaries.get(binaryOf(top.dso)) ?? 0) + 1)
  // Optimised code (`JS:*`) on top: its own time. Anything else: the nearest JavaScript frame's.
  const js = s.frames.find((f) => f.sym.startsWith('JS:'))
  const key = top?.sym.startsWith('JS:*') ? top.sym : js ? js.sym : '(no JavaScript frame)'
  charged.set(key, (charged.get(key) ?? 0) + 1)
}

if (!from) {
  for (const [second, row] of [...perSecond].sort((a, b) => a[0] - b[0])) console.log(`${second}  main ${row.main}  others ${row.others}`)
} else {
  console.log(`window ${from}–${to} s: main thread ${main} samples, other threads ${others}, in all ${main + others}`)
  console.log('main thread by binary:', [...binaries].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '))
  console.log('main thread by nearest JavaScript function (JS:* optimised, JS:^ baseline, JS:~ interpreted):')
  for (const [k, v] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${String(v).padStart(6)}  ${k.replace(/file:\/\/\/\S*?\/(server|shared|node_modules)\//, '$1/')}`)
}
