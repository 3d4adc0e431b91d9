import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INITIAL_ROUND_STATE, recordCollection } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { redisEventStore } from '../../src/storage/redis/redis-event-store.js'
import type { EventStore } from '../../src/storage/storage.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'

const PREFIX = 'unreadable-test:'
const votes = recordCollection('votes', z.object({ cardIds: z.array(z.string()).max(3) }))
const access = (joinCode: string) => ({ joinCode, createdAt: 0, accessEpoch: 0 })

/** What a hand edit, another version or a half-restored backup may leave in Redis next to good data. */
describe('the Redis event store with one unreadable entry among good ones', () => {
  let redis: RedisProcess
  let client: RedisBytesClient
  let store: EventStore
  const skipped: string[] = []

  beforeAll(async () => {
    redis = await startRedis()
    client = await connectRedis(redis.url)
    store = redisEventStore(client, PREFIX, { unreadable: (what) => skipped.push(what) })
    for (const [id, code] of [['gut', 'ABCDEF'], ['verbogen', 'GHJKLM'], ['schief', 'NPQRST']] as const)
      expect((await store.create(anEvent({ id, title: id }), access(code), INITIAL_ROUND_STATE)).ok).toBe(true)
  })
  afterAll(async () => {
    await client?.close()
    await redis?.stop()
  })

  it.each([
    ['a setup that is no JSON', 'verbogen', 'setup', '{kaputt'],
    ['a setup version that is no number', 'verbogen', 'setupVersion', 'zwei'],
    ['a negative access version', 'schief', 'accessVersion', '-1'],
  ])('lists the other events (and says which it left out) with %s', async (_what, id, field, value) => {
    skipped.length = 0
    const before = await client.hGet(`${PREFIX}ev:${id}`, field)
    await client.hSet(`${PREFIX}ev:${id}`, field, value)
    try {
      const listed = (await store.list()).map((e) => e.event.id)
      expect(listed).toContain('gut')
      expect(listed).not.toContain(id)
      expect(skipped).toEqual([`${PREFIX}ev:${id}`])
      // Read alone, it is refused rather than served with a made-up version.
      await expect(store.get(id)).rejects.toThrow()
    } finally {
      await client.hSet(`${PREFIX}ev:${id}`, field, before!)
    }
    expect((await store.list()).map((e) => e.event.id).sort()).toEqual(['gut', 'schief', 'verbogen'])
  })

  it('lists the other records of a collection when one record does not read (a version that is no number)', async () => {
    skipped.length = 0
    expect((await store.putRecord('gut', votes, 'p1', { cardIds: ['a'] }, null)).ok).toBe(true)
    expect((await store.putRecord('gut', votes, 'p2', { cardIds: ['b'] }, null)).ok).toBe(true)
    await client.hSet(`${PREFIX}rec:gut:votes`, 'p2', 'x|{"cardIds":["b"]}')
    expect(await store.listRecords('gut', votes)).toEqual([{ key: 'p1', version: 1, value: { cardIds: ['a'] } }])
    expect(skipped).toEqual([`${PREFIX}rec:gut:votes p2`])
    await expect(store.getRecord('gut', votes, 'p2')).rejects.toThrow()
  })
})
