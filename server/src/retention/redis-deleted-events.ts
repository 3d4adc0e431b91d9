import { randomBytes } from 'node:crypto'
import type { RedisBytesClient } from '../storage/redis/redis-connection.js'
import { DELETED_NOTICE_MS, type DeletedEvents, type Deletion, deletedHash } from './deleted-events.js'

/**
 * Deleted events in Redis, shared by every node (several nodes: a link of an event deleted on one
 * node answers "gelöscht" on all). Keys under the installation's prefix:
 *   deleted:salt     the salt of every hash (set once, by the first node)
 *   deleted:<hash>   "<at>|<reason>", expiring after DELETED_NOTICE_MS
 * As in the file: only salted hashes of the event's id and join code, never a title or a name.
 * `earlier` is the node's own file of deletions from before it ran on Redis: read, never written.
 * A read that cannot reach Redis answers "not deleted": the link then gets the plain refusal.
 */
export async function redisDeletedEvents(client: RedisBytesClient, prefix: string, earlier?: DeletedEvents): Promise<DeletedEvents> {
  const saltKey = `${prefix}deleted:salt`
  await client.set(saltKey, randomBytes(24).toString('base64url'), { NX: true })
  const salt = String(await client.get(saltKey))
  const key = (kind: 'event' | 'code', value: string) => `${prefix}deleted:${deletedHash(salt, kind, value)}`
  const find = async (kind: 'event' | 'code', value: string): Promise<Deletion | undefined> => {
    const stored = await client.get(key(kind, value)).catch(() => null)
    if (stored !== null) {
      const [at, reason] = String(stored).split('|')
      if (reason === 'retention' || reason === 'deleted') return { at: Number(at), reason }
    }
    return kind === 'event' ? earlier?.byEventId(value) : earlier?.byJoinCode(value)
  }
  return {
    async add({ eventId, joinCode }, reason, now) {
      const value = `${now}|${reason}`
      await client.multi().set(key('event', eventId), value, { PX: DELETED_NOTICE_MS }).set(key('code', joinCode), value, { PX: DELETED_NOTICE_MS }).exec()
    },
    byEventId: (eventId) => find('event', eventId),
    byJoinCode: (code) => find('code', code),
  }
}
