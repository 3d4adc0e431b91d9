import type { Storage } from '../storage.js'
import { type FenceTokens, redisBoardStore } from './redis-board-store.js'
import { connectRedis, redisDurability } from './redis-connection.js'
import { type RedisEventStoreOptions, redisEventStore } from './redis-event-store.js'

/**
 * Events and docs in Redis (TISCHRUNDE_REDIS_URL) instead of the data folder. `prefix` keeps
 * installations sharing one Redis server apart. Says how durable the server's writes are, so the
 * start can warn when "gespeichert" would mean less than on disk. With `fence` (several nodes), doc
 * writes carry this node's ownership token of their event and are refused once another node owns it.
 */
export async function openRedisStorage(
  url: string,
  prefix = 'tischrunde:',
  fence?: FenceTokens,
  events: RedisEventStoreOptions = {},
): Promise<Storage & { durability: Awaited<ReturnType<typeof redisDurability>> }> {
  const client = await connectRedis(url)
  const durability = await redisDurability(client)
  return {
    events: redisEventStore(client, prefix, events),
    boards: redisBoardStore(client, prefix, fence),
    durability,
    close: async () => {
      await client.close()
    },
  }
}
