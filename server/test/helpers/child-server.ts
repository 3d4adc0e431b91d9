import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { rememberAdminKey } from './api.js'

/** The repository root (the child runs from there, as `npm start` does). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** The built server and seed CLI (`npm test` builds first; by hand: `npx tsc -b shared fixtures server`). */
export const SERVER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url))
export const SEED_CLI = fileURLToPath(new URL('../../dist/cli/seed.js', import.meta.url))
export const EXPORT_CLI = fileURLToPath(new URL('../../dist/cli/export.js', import.meta.url))

function assertBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: build first with "npx tsc -b shared fixtures server"`)
}

/** The environment of a child: local only, on an ephemeral port, no stray settings of the caller. */
function childEnv(dataDir: string, opts: { demo?: boolean; env?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', TISCHRUNDE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  delete env.TISCHRUNDE_PUBLIC_URL
  delete env.NODE_OPTIONS
  if (opts.demo) delete env.TISCHRUNDE_NO_DEMO
  else env.TISCHRUNDE_NO_DEMO = '1'
  return { ...env, ...opts.env }
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface ChildServer {
  /** `http://127.0.0.1:<port>`, parsed from the "Tischrunde läuft:" line. */
  url: string
  /** The admin key, parsed from the "Verwaltung:" line. */
  adminKey: string
  pid: number
  stdout(): string
  stderr(): string
  /** Sends a signal (SIGKILL for a crash, SIGTERM for a graceful stop) and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<Exit>
  exited: Promise<Exit>
}

/** Every child still running; `killAllChildren` ends them (by pid) in teardown. */
const running = new Set<ChildProcess>()

export async function killAllChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
  running.clear()
}

function launch(script: string, args: string[], env: NodeJS.ProcessEnv) {
  assertBuilt(script)
  const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s))
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child)
      resolve({ code, signal })
    }),
  )
  return { child, exited, stdout: () => out, stderr: () => err }
}

/**
 * Starts `node server/dist/main.js` on `dataDir` and resolves once it prints its address. Rejects
 * (with its output) if it exits first or does not come up within `timeoutMs`.
 */
export async function startChildServer(
  dataDir: string,
  opts: { args?: string[]; demo?: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildServer> {
  const { child, exited, stdout, stderr } = launch(SERVER_MAIN, opts.args ?? [], childEnv(dataDir, opts))
  const timeoutMs = opts.timeoutMs ?? 15_000
  const started = Date.now()
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /Tischrunde läuft: (http:\/\/\S+)/.exec(stdout())
      if (m && /Verwaltung:.*\n/.test(stdout())) return finish(() => resolve(m[1]!))
      if (child.exitCode !== null || child.signalCode !== null)
        return finish(() => reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening:\n${stderr()}${stdout()}`)))
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL')
        return finish(() => reject(new Error(`server did not print its address within ${timeoutMs} ms:\n${stderr()}${stdout()}`)))
      }
    }
    const timer = setInterval(check, 20)
    const finish = (then: () => void) => {
      clearInterval(timer)
      then()
    }
  })
  const adminKey = /Verwaltung:\s+\S+#k=(\S+)/.exec(stdout())?.[1] ?? ''
  rememberAdminKey(url, adminKey)
  return {
    url,
    adminKey,
    pid: child.pid!,
    stdout,
    stderr,
    exited,
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

export interface Finished extends Exit {
  stdout: string
  stderr: string
}

/** Runs a built script (e.g. the server or the seed CLI) to its end; kills it after `timeoutMs`. */
export async function runToEnd(
  script: string,
  dataDir: string,
  opts: { args?: string[]; demo?: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Finished> {
  const { child, exited, stdout, stderr } = launch(script, opts.args ?? [], childEnv(dataDir, opts))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000)
  const exit = await exited
  clearTimeout(timer)
  return { ...exit, stdout: stdout(), stderr: stderr() }
}
