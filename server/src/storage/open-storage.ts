import path from 'node:path'
import { removeStaleTempFiles } from './durable-file.js'
import { openFileBoardStore } from './file-board-store.js'
import { openLowdbEventStore } from './lowdb-event-store.js'
import type { FenceTokens } from './redis/redis-board-store.js'
import type { Storage } from './storage.js'

/** Files of the data folder written through a temp file beside them (the event store cleans its own). */
const DURABLY_WRITTEN = new Set(['server.key'])

/**
 * Where events and docs live: with `redis` set, in that Redis server; else the default embedded
 * store in a data folder: `events.json` (lowdb) and `boards/` (Yjs logs).
 * Temp files a crashed process left (`<file>.<pid>.tmp`) are removed first: the caller holds the
 * folder's lock, so no other writer can be using them.
 */
export async function openStorage(dataDir: string, redis?: { url: string; prefix: string; onWeakDurability?: (durability: string) => void; fence?: FenceTokens; onUnreadable?: (what: string, error: unknown) => void }): Promise<Storage> {
  if (redis) {
    // Loaded only for Redis: its client is large, and the embedded store never needs it.
    const { openRedisStorage } = await import('./redis/open-redis-storage.js')
    const storage = await openRedisStorage(redis.url, redis.prefix, redis.fence, redis.onUnreadable ? { unreadable: redis.onUnreadable } : {})
    if (storage.durability !== 'fsync-always') redis.onWeakDurability?.(storage.durability)
    return storage
  }
  await removeStaleTempFiles(dataDir, (name) => DURABLY_WRITTEN.has(name))
  const events = await openLowdbEventStore(path.join(dataDir, 'events.json'))
  const boards = await openFileBoardStore(path.join(dataDir, 'boards'))
  return { events, boards, close: () => boards.close() }
}

export const eventStoreFile = (dataDir: string) => path.join(dataDir, 'events.json')
