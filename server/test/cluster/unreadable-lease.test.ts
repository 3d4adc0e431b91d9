import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { createEvent } from '../helpers/api.js'
import { waitFor } from '../helpers/wait.js'
import { type Cluster, TEST_LEASE_MS, startCluster, upgradeStatus } from './cluster-kit.js'

describe('a node reading a lease in Redis that names no reachable owner', () => {
  let cluster: Cluster
  let redis: RedisBytesClient
  let url: string
  let cafe: CreateEventResponse

  beforeAll(async () => {
    cluster = await startCluster(1)
    url = cluster.nodes[0]!.url
    redis = await connectRedis(cluster.redis.url)
    cafe = await createEvent(url, { title: 'Verbogen', tableNames: ['Wohnen'] })
  }, 60_000)
  afterAll(async () => {
    await redis?.close()
    await cluster?.stop()
  })

  it.each([
    ['a port no socket can have', 'fremd|7|http://10.0.0.5:99999'],
    ['a token that is no number', 'fremd|sieben|http://10.0.0.5:3000'],
    ['another format', 'frei'],
  ])('answers 503 for the event (and keeps serving) when the lease holds %s', async (_what, value) => {
    // Written over the node's own lease: its next renewal finds it gone, and it lets the event go.
    await redis.set(`tischrunde:lease:${cafe.event.id}`, value, { PX: 60_000 })
    const read = () => fetch(`${url}/api/events/${cafe.event.id}`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
    await waitFor(async () => (await read()).status !== 200, 'the node to let its lease go', TEST_LEASE_MS * 2, 100)
    const res = await read()
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 503, body: { ok: false, code: 'UNAVAILABLE' } })
    expect(await upgradeStatus(url, `/yjs/board.${cafe.event.id}.wohnen?token=${cafe.facilitatorToken}`)).toBe(503)
    // The node is alive: an unreadable owner was never an unhandled rejection that ends the process.
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    expect(cluster.nodes[0]!.stderr()).not.toMatch(/Unhandled|TypeError: Invalid URL/)
    await redis.del(`tischrunde:lease:${cafe.event.id}`)
    expect((await fetch(`${url}/api/events/${cafe.event.id}`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })).status).toBe(200)
  })
})
