import { RESP_TYPES, createClient } from 'redis'

/** A connected client whose binary replies come as Buffers (Yjs updates are bytes, not text). */
export type RedisBytesClient = ReturnType<typeof connectRedis> extends Promise<infer C> ? C : never

/**
 * Connects to the Redis server of `url` (TISCHRUNDE_REDIS_URL). Keys are prefixed, so several
 * installations (or test runs) can share one Redis server. Fails at once if the server is not
 * reachable: the start must stop with a plain message rather than run without its store.
 */
export async function connectRedis(url: string) {
  const client = createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    // While the connection is down a command fails at once instead of waiting in a queue until
    // Redis is back: a write is retried by its caller, and a lease renewal that cannot reach Redis
    // must fail in time for the node to stop serving before another node may take the event over.
    disableOfflineQueue: true,
  })
  // Errors of a dropped connection are reported by the command that needed it; the client reconnects.
  client.on('error', () => {})
  await client.connect()
  return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
}

/**
 * How durable the Redis server says its writes are. "gespeichert" means durable: with
 * `appendonly yes` and `appendfsync always` a write survives a crash of the Redis machine; anything
 * less loses the last second on such a crash (a crash of a Tischrunde node loses nothing either
 * way). Managed servers may refuse CONFIG: then it is unknown.
 */
export async function redisDurability(client: RedisBytesClient): Promise<'fsync-always' | 'weaker' | 'unknown'> {
  try {
    const aof = await client.configGet(['appendonly', 'appendfsync'])
    return String(aof.appendonly) === 'yes' && String(aof.appendfsync) === 'always' ? 'fsync-always' : 'weaker'
  } catch {
    return 'unknown'
  }
}
