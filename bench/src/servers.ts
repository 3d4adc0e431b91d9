import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { wallNow } from './stats.js'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SERVER_MAIN = path.join(REPO_ROOT, 'server/dist/main.js')
export const EXPORT_CLI = path.join(REPO_ROOT, 'server/dist/cli/export.js')
/** The package's own server bin (`npx y-websocket`), run as it ships: it brings its own ws 6. */
const REFERENCE_MAIN = path.join(path.dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')), 'src/server.js')

/**
 * Connections the bench opens at most are far above the default cap of the hardened server; the
 * cap is passed explicitly so a scenario never measures the cap instead of the server.
 */
const MAX_CONNECTIONS = '20000'

export interface RunningServer {
  kind: 'tischrunde' | 'reference'
  url: string
  pid: number
  output: () => string
  /**
   * How many of V8's memory-reducing collections ("Mark-Compact (reduce)", from `--trace-gc`) the
   * server ran between two wall times (`wallNow`). V8 starts them on its own some seconds after the
   * heap grew; each costs a full collection and makes V8 drop the optimised code of the hot path.
   * Null when the server's output holds no collection at all (the trace could not be read).
   */
  reducingGcsBetween: (fromWall: number, toWall: number) => number | null
  /** ms from spawn to the "listening" line. */
  readyMs: number
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<void>
}

export interface TischrundeServer extends RunningServer {
  kind: 'tischrunde'
  /** kill -9 and wait for the exit. */
  crash(): Promise<void>
  dataDir: string
  adminKey: string
  /** The demo's links when Winnenden is loaded. */
  demo: { facilitatorToken: string; projectorToken: string; joinCode: string } | null
}

/** Flags given as one space-separated string (an environment variable), as an argument list. */
export const nodeArgsOf = (flags: string | undefined): string[] => flags?.split(' ').filter(Boolean) ?? []

export const freshDataDir = (label: string) => mkdtempSync(path.join(tmpdir(), `tischrunde-bench-${label}-`))
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

const running = new Set<ChildProcess>()
/** Kills (by pid) every server this process started and has not stopped; for a failed run. */
export function killStarted(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

function spawnUntil(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 30_000) {
  const t0 = wallNow()
  // BENCH_SERVER_IMPORT: a probe module loaded into every server, Tischrunde and the reference alike;
  // BENCH_SERVER_NODE_ARGS: node and V8 flags for every server (e.g. `--perf-basic-prof`, which lets
  // `perf` name the JavaScript functions of both).
  const probe = [...(process.env.BENCH_SERVER_IMPORT ? [`--import=${path.resolve(process.env.BENCH_SERVER_IMPORT)}`] : []), ...nodeArgsOf(process.env.BENCH_SERVER_NODE_ARGS)]
  // Every server (both kinds alike) prints its collections, so each run can say whether a
  // memory-reducing one fell into its window (`reducingGcsBetween`).
  const child = spawn(process.execPath, ['--trace-gc', ...probe, ...args, script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let out = ''
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s))
  keepOutput(child, script)
  const readyAt = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${path.basename(script)} did not get ready within ${timeoutMs} ms:\n${out}`))
    }, timeoutMs)
    const check = () => {
      if (!ready.test(out)) return
      clearTimeout(timer)
      child.stdout!.off('data', check)
      resolve(wallNow() - t0)
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${path.basename(script)} exited with ${code} before it was ready:\n${out}`))
    })
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })
  const reducingGcsBetween = (fromWall: number, toWall: number): number | null => {
    // No collection traced at all (a server starts with several): the trace's format is not the
    // one read here, and a count of 0 would be a false figure.
    if (!/^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: (Scavenge|Mark-Compact|Minor Mark-Sweep)/m.test(out)) return null
    let n = 0
    // `--trace-gc` stamps each collection with the ms since the isolate started (about at the spawn).
    for (const m of out.matchAll(/^\[\d+:0x[0-9a-f]+\]\s+(\d+) ms: Mark-Compact \(reduce\)/gm)) {
      const at = t0 + Number(m[1])
      if (at >= fromWall && at <= toWall) n++
    }
    return n
  }
  return { child, readyAt, output: () => out, stop, reducingGcsBetween }
}

/**
 * BENCH_SERVER_LOG=<dir>: every server's stdout and stderr also go to `<dir>/<script>-<pid>.log` as
 * they come (e.g. V8's `--trace-gc-nvp` lines, which the bench would otherwise keep only in memory).
 */
function keepOutput(child: ChildProcess, script: string): void {
  const dir = process.env.BENCH_SERVER_LOG
  if (!dir || child.pid === undefined) return
  mkdirSync(dir, { recursive: true })
  const file = path.join(path.resolve(dir), `${path.basename(path.dirname(path.dirname(script)))}-${child.pid}.log`)
  const keep = (s: string) => appendFileSync(file, s)
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
}

/**
 * Starts `node server/dist/main.js` on 127.0.0.1 and an ephemeral port. `demo` loads Winnenden on
 * the first start of a data dir; `nodeArgs` e.g. `--cpu-prof` for a profile; `main` another build
 * of the server (an A/B comparison).
 */
export async function startTischrunde(opts: { dataDir: string; demo: boolean; nodeArgs?: string[]; port?: number; env?: NodeJS.ProcessEnv; main?: string }): Promise<TischrundeServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port ?? 0),
    HOST: '127.0.0.1',
    TISCHRUNDE_DATA_DIR: opts.dataDir,
    TISCHRUNDE_MAX_CONNECTIONS: MAX_CONNECTIONS,
    // Thousands of simulated phones join from this one address.
    TISCHRUNDE_JOINS_BURST: '100000',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...opts.env,
  }
  delete env.TISCHRUNDE_PUBLIC_URL
  delete env.NODE_OPTIONS
  if (opts.demo) delete env.TISCHRUNDE_NO_DEMO
  else env.TISCHRUNDE_NO_DEMO = '1'
  // The full banner (with the demo links) is printed in one write after listening.
  const s = spawnUntil(opts.main ?? SERVER_MAIN, opts.nodeArgs ?? [], env, /Verwaltung:.*\n/)
  const readyMs = await s.readyAt
  const out = s.output()
  const token = (label: string) => {
    const m = new RegExp(`${label}:\\s+\\S+#k=(\\S+)`).exec(out)
    return m ? decodeURIComponent(m[1]!) : ''
  }
  const joinCode = /\(Code (\w+)\)/.exec(out)?.[1]
  return {
    kind: 'tischrunde',
    url: /Tischrunde läuft: (http:\/\/\S+)/.exec(out)![1]!,
    pid: s.child.pid!,
    output: s.output,
    reducingGcsBetween: s.reducingGcsBetween,
    readyMs,
    stop: s.stop,
    crash: () =>
      new Promise<void>((resolve) => {
        if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
        s.child.once('exit', () => resolve())
        s.child.kill('SIGKILL')
      }),
    dataDir: opts.dataDir,
    adminKey: token('Verwaltung'),
    demo: joinCode ? { facilitatorToken: token('Moderation'), projectorToken: token('Beamer'), joinCode } : null,
  }
}

/** A port that was free a moment ago (the stock server cannot listen on port 0 and say which it got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Starts the stock `@y/websocket-server` 0.1.1 bin (one doc per room, no auth, no persistence). */
export async function startReference(nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' }
  delete env.YPERSISTENCE
  delete env.CALLBACK_URL
  delete env.NODE_OPTIONS
  const s = spawnUntil(REFERENCE_MAIN, nodeArgs, env, /running at /)
  const readyMs = await s.readyAt
  return {
    kind: 'reference',
    url: `http://127.0.0.1:${port}`,
    pid: s.child.pid!,
    output: s.output,
    reducingGcsBetween: s.reducingGcsBetween,
    readyMs,
    stop: s.stop,
  }
}

/**
 * Runs a built CLI and returns the wall time in ms (node start included) until it exits or, with
 * `doneWhen`, until its output matches (then it is stopped: see `exitedByItself`).
 */
export function runCli(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { doneWhen?: RegExp; timeoutMs?: number } = {},
): Promise<{ ms: number; code: number | null; exitedByItself: boolean; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  // tsx's loader (inherited through NODE_OPTIONS) must not ride along into a measured CLI.
  delete childEnv.NODE_OPTIONS
  const t0 = wallNow()
  const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let out = ''
  let doneAt: number | null = null
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s))
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s
    if (doneAt === null && opts.doneWhen?.test(out)) {
      doneAt = wallNow()
      // Give it a moment to exit by itself before it is stopped.
      setTimeout(() => child.kill('SIGKILL'), 3000)
    }
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      const exitedByItself = signal === null
      resolve({ ms: (doneAt ?? wallNow()) - t0, code: exitedByItself ? code : doneAt !== null ? 0 : code, exitedByItself, output: out })
    })
  })
}
