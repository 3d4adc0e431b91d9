import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RelayHub } from '../../src/cluster/hub-relay.js'
import type { HubMessage } from '../../src/hub/hub.js'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { sleep, waitFor } from '../helpers/wait.js'

const CHANNEL = 'hub-test:hub'

describe('the hub between nodes (Redis pub/sub)', () => {
  let redis: RedisProcess
  const clients: RedisBytesClient[] = []
  const connect = async () => {
    const c = await connectRedis(redis.url)
    clients.push(c)
    return c
  }
  const node = async (id: string, errors: unknown[] = []) => {
    const hub = new RelayHub(await connect(), CHANNEL, id, (e) => errors.push(e))
    await hub.listen(await connect())
    return hub
  }

  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => {})
    await redis?.stop()
  })

  it('delivers a message to every node once, and to the control plane only on the node that published it', async () => {
    const errors: unknown[] = []
    const [a, b] = [await node('a', errors), await node('b', errors)]
    const heard = { a: [] as HubMessage[], b: [] as HubMessage[], controlA: [] as HubMessage[], controlB: [] as HubMessage[] }
    a.subscribe((m) => heard.a.push(m))
    b.subscribe((m) => heard.b.push(m))
    a.localOnly.subscribe((m) => heard.controlA.push(m))
    b.localOnly.subscribe((m) => heard.controlB.push(m))
    const message: HubMessage = { eventId: 'winnenden', topic: 'revoked', audience: 'everyone', link: { role: 'host', tableId: 'wohnen' } }
    a.publish(message)
    await waitFor(() => heard.b.length === 1, 'node b to hear it')
    await sleep(200)
    expect(heard).toEqual({ a: [message], b: [message], controlA: [message], controlB: [] })
    expect(errors).toEqual([])
  })

  it('drops what is not a hub message (another writer on the channel), and says so', async () => {
    const errors: unknown[] = []
    const b = await node('c', errors)
    const heard: HubMessage[] = []
    b.subscribe((m) => heard.push(m))
    const outsider = await connect()
    await outsider.publish(CHANNEL, 'kein JSON')
    await outsider.publish(CHANNEL, JSON.stringify({ from: 'x', message: { eventId: '../../etc', topic: 'deleted', audience: 'everyone' } }))
    await outsider.publish(CHANNEL, JSON.stringify({ from: 'x', message: { eventId: 'bremen', topic: 'deleted', audience: 'everyone' } }))
    await waitFor(() => heard.length === 1, 'the valid message')
    expect(heard).toEqual([{ eventId: 'bremen', topic: 'deleted', audience: 'everyone' }])
    expect(errors).toHaveLength(2)
  })
})
