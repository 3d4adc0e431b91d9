import { randomBytes } from 'node:crypto'
import { copyFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { type Socket, io } from 'socket.io-client'
import { type RoundMessage, WIRE_VERSION } from '@tischrunde/shared'
import { type ChildServer, startChildServer } from '../helpers/child-server.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor, within } from '../helpers/wait.js'

/** A short lease, so a killed owner's events move within the test's patience. */
export const TEST_LEASE_MS = 2000

export interface Cluster {
  redis: RedisProcess
  nodes: ChildServer[]
  /** Starts one more node on the same Redis (with the shared signing key). */
  addNode(): Promise<ChildServer>
  stop(): Promise<void>
}

/**
 * A real Redis on a free port and `count` real server processes on it, each on its own ephemeral
 * port and data folder. The nodes share the signing key (as an installation copies `server.key`
 * to every node), so a link issued by one opens on all.
 */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis()
  const dirs: Awaited<ReturnType<typeof tempDataDir>>[] = []
  const nodes: ChildServer[] = []
  const nodeEnv = { TISCHRUNDE_REDIS_URL: redis.url, TISCHRUNDE_LEASE_MS: String(TEST_LEASE_MS), TISCHRUNDE_CARDS_BURST: '1000', ...env }
  const addNode = async () => {
    const dir = await tempDataDir('cluster-node')
    if (dirs.length > 0) await copyFile(path.join(dirs[0]!.dir, 'server.key'), path.join(dir.dir, 'server.key'))
    dirs.push(dir)
    const node = await startChildServer(dir.dir, { env: nodeEnv })
    nodes.push(node)
    return node
  }
  for (let i = 0; i < count; i++) await addNode()
  return {
    redis,
    nodes,
    addNode,
    async stop() {
      await Promise.all(nodes.map((n) => n.stop('SIGKILL')))
      await redis.stop()
      await Promise.all(dirs.map((d) => d.remove()))
    },
  }
}

/** A control-plane socket as the app opens it: the event named in the address, so any node routes it. */
export async function controlSocket(
  url: string,
  token: string,
  eventId: string | null,
  /** `polling`: as a browser starts (long-polling, then the upgrade to a websocket). */
  transport: 'websocket' | 'polling' = 'websocket',
): Promise<{ socket: Socket; rounds: RoundMessage[] }> {
  const socket: Socket = io(url, {
    auth: { token, wire: WIRE_VERSION },
    ...(eventId ? { query: { event: eventId } } : {}),
    transports: transport === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
    reconnection: false,
    timeout: 5000,
  })
  const rounds: RoundMessage[] = []
  socket.on('round:state', (m: RoundMessage) => rounds.push(m))
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (e) => reject(e))
    }),
    `a control socket at ${url}`,
  )
  await waitFor(() => rounds.at(-1), 'the first round:state')
  return { socket, rounds }
}

/** The status a websocket upgrade to `path` is answered with (101: the socket opened), sent as written. */
export function upgradeStatus(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url)
  return within(
    new Promise<number>((resolve, reject) => {
      const req = request({
        host: hostname,
        port,
        path,
        headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-version': '13' },
      })
      req.on('upgrade', (_res, socket) => {
        socket.destroy()
        resolve(101)
      })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    }),
    `the answer to an upgrade of ${path}`,
  )
}
