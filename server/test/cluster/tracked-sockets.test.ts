import { Agent, type Server, createServer, request } from 'node:http'
import type { Socket } from 'node:net'
import pino from 'pino'
import { Server as IoServer } from 'socket.io'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClusterNode, type ServedParts, startClusterNode } from '../../src/cluster/cluster-node.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { waitFor } from '../helpers/wait.js'

/** A GET on one kept-alive connection (`agent`); resolves with the status once the answer is read. */
function get(port: number, agent: Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume()
      res.once('end', () => resolve(res.statusCode ?? 0))
    })
    req.once('error', reject)
    req.end()
  })
}

/**
 * One node on a real Redis in this process, with stand-ins for the docs and timers: what it keeps
 * per event for the requests it serves, watched from the inside.
 */
describe('the sockets a node keeps of the events it serves', () => {
  let redis: RedisProcess
  let node: ClusterNode
  let http: Server
  let io: IoServer
  let port: number
  const connections: Socket[] = []

  beforeAll(async () => {
    redis = await startRedis()
    node = await startClusterNode({ url: redis.url, prefix: 'tracked-test:', leaseMs: 2000, log: pino({ level: 'silent' }) })
    http = createServer()
    http.on('connection', (socket: Socket) => connections.push(socket))
    io = new IoServer(http)
    const parts = {
      http,
      io,
      rooms: { dropEvent: () => {}, hasEvent: () => false },
      rounds: { restoreEvent: async () => {}, forgetEvent: () => {} },
      exists: async (id: string) => id === 'cafe',
    } as unknown as ServedParts
    node.serve(parts)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    port = (http.address() as { port: number }).port
    node.listening(`http://127.0.0.1:${port}`)
  })
  afterAll(async () => {
    await io?.close()
    await node?.close()
    await redis?.stop()
  })

  it('keeps nothing for event names that do not exist, however many requests name them', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    // An unsupported engine.io version: Socket.IO answers 400 at once, with no session opened.
    for (let i = 0; i < 40; i++) expect(await get(port, agent, `/socket.io/?EIO=1&transport=polling&event=erfunden-${i}`)).toBe(400)
    expect(node.trackedEvents()).toEqual([])
    expect(connections.filter((c) => !c.destroyed)).toHaveLength(1)
    agent.destroy()
  })

  it('tracks a kept-alive connection of an event it holds once, and forgets it when it closes', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const before = connections.length
    for (let i = 0; i < 40; i++) expect(await get(port, agent, '/socket.io/?EIO=1&transport=polling&event=cafe')).toBe(400)
    expect(node.trackedEvents()).toEqual(['cafe'])
    const [connection] = connections.slice(before)
    // One listener of the node for the whole connection (Node's own are a handful), not one a request.
    expect(connection!.listenerCount('close')).toBeLessThan(5)
    agent.destroy()
    await waitFor(() => node.trackedEvents().length === 0, 'the closed connection to be forgotten')
  })
})
