import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { tempDataDir } from './temp-dir.js'

/** A port the OS says is free on 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

export interface RedisProcess {
  url: string
  port: number
  /** Kills the server (`kill -9` when `hard`) and removes its folder. */
  stop(hard?: boolean): Promise<void>
}

/**
 * A real Redis server for a test: Debian's `redis-server` on a free port on 127.0.0.1, with its
 * append-only file fsync'd on every write (as the README asks of a production Redis), in a temp
 * folder. `.ci/run` installs redis-server; without it the tests that need it fail and say so.
 */
export async function startRedis(): Promise<RedisProcess> {
  const data = await tempDataDir('redis')
  const port = await freePort()
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', data.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`redis-server could not be started (is Debian's redis-server installed? .ci/run installs it): ${error.message}`))
    })
    const ready = () => {
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', ready)
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(hard = false) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill(hard ? 'SIGKILL' : 'SIGTERM')
        await exited
      }
      await data.remove()
    },
  }
}
