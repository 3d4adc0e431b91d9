import { type ChildProcess, spawn } from 'node:child_process'
import type { CreateEventResponse } from '@tischrunde/shared'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  url: string
  /** The admin key from the printed "Verwaltung:" link (creating events needs it). */
  adminKey: string
  dataDir: string
  output: () => string
  child: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Admin keys of the servers started here, by port (a test may reach one server under several addresses). */
const adminKeys = new Map<string, string>()

/** The admin key of a server started here, whatever host name `url` uses for it. */
export function adminKeyFor(url: string): string {
  return adminKeys.get(new URL(url).port) ?? ''
}

/** Starts the built server (`node server/dist/main.js`) on an ephemeral 127.0.0.1 port with its own data folder. */
export async function startServerProcess(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-'))
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TISCHRUNDE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Within the 60 s hook timeout, with room for a busy machine; not left running after it gave up
      // (a server that comes up later would hold its port and CPU for the rest of the run).
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${out}`))
    }, 45_000)
    const check = () => {
      const m = /Tischrunde läuft: (https?:\/\/[^\s]+)/.exec(out)
      if (m && /Verwaltung:.*\n/.test(out)) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  const adminKey = /Verwaltung:\s+\S+#k=(\S+)/.exec(out)?.[1] ?? ''
  adminKeys.set(new URL(url).port, adminKey)
  return {
    url,
    adminKey,
    dataDir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** Creates an event on a server started here with its admin key, as the admin page does; throws on refusal. */
export async function createEventWithKey(server: Pick<ServerProcess, 'url' | 'adminKey'>, body: object): Promise<CreateEventResponse> {
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`POST /api/events answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as CreateEventResponse
}

/** Imports an event file (e.g. `winnendenEvent()`) on a server started here, as the admin does; answers its links. */
export async function importEventWithKey(server: Pick<ServerProcess, 'url' | 'adminKey'>, file: object): Promise<{ facilitator: string; projector: string; participant: string }> {
  const res = await fetch(`${server.url}/api/events/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify(file),
  })
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { links: { facilitator: string; projector: string; participant: string } }).links
}

