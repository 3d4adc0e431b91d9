import { afterAll, describe, expect, it } from 'vitest'
import { createEvent } from '../helpers/api.js'
import { connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'

/**
 * A node stopped (SIGTERM) while its Redis is gone, as after a crash of the Redis machine: it
 * crashed on an unhandled "Socket closed unexpectedly", or hung for minutes holding the data
 * folder, so its replacement refused to start ("wird schon … benutzt").
 */
describe('stopping a node whose Redis is gone', () => {
  const open: { stop(): Promise<unknown> }[] = []
  afterAll(async () => {
    await killAllChildren()
    for (const o of open) await o.stop().catch(() => undefined)
  })

  it('ends within its bound without an unhandled error, and a new node starts on the same data folder', async () => {
    const data = await tempDataDir('stop-without-redis')
    open.push({ stop: () => data.remove() })
    const redis: RedisProcess = await startRedis()
    open.push({ stop: () => redis.stop(true) })
    const env = { TISCHRUNDE_REDIS_URL: redis.url, TISCHRUNDE_STOP_MAX_MS: '3000' }
    const node: ChildServer = await startChildServer(data.dir, { env })
    const cafe = await createEvent(node.url, { title: 'Ohne Redis beenden', tableNames: ['Wohnen'] })
    // A phone with a card: the node holds the event and its doc when Redis goes.
    const phone = await connectPhone(node.url, cafe.event.id, cafe.event.tables[0]!.id, cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'vor-dem-ende', text: 'Karte vor dem Ende', position: 1 }))
    await phone.saved()
    phone.destroy()

    await redis.stop(true)
    const started = performance.now()
    const exit = await node.stop('SIGTERM')
    const tookMs = performance.now() - started
    expect(tookMs).toBeLessThan(3000 + 2000)
    expect(exit.signal).toBeNull()
    expect(node.stderr()).not.toMatch(/Unhandled|SocketClosedUnexpectedlyError|at Socket\./)
    // The data folder is free again: a new node starts on it (with a Redis back).
    const again = await startRedis()
    open.push({ stop: () => again.stop(true) })
    const next = await startChildServer(data.dir, { env: { ...env, TISCHRUNDE_REDIS_URL: again.url } })
    expect(next.url).toMatch(/^http:/)
    await next.stop('SIGTERM')
  }, 40_000)
})
