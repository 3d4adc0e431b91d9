import type { Storage } from '../storage.js'
import { redisBoardStore } from './redis-board-store.js'
import { connectRedis, redisDurability } from './redis-connection.js'
import { redisEventStore } from './redis-event-store.js'

/**
 * Events and docs in Redis (TISCHRUNDE_REDIS_URL) instead of the data folder. `prefix` keeps
 * installations sharing one Redis server apart. Says how durable the server's writes are, so the
 * start can warn when "gespeichert" would mean less than on disk.
 */
export async function openRedisStorage(url: string, prefix = 'tischrunde:'): Promise<Storage & { durability: Awaited<ReturnType<typeof redisDurability>> }> {
  const client = await connectRedis(url)
  const durability = await redisDurability(client)
  return {
    events: redisEventStore(client, prefix),
    boards: redisBoardStore(client, prefix),
    durability,
    close: async () => {
      await client.close()
    },
  }
}
