import { StorageFailure } from '../storage-error.js'
import type { BoardStore } from '../storage.js'
import type { RedisBytesClient } from './redis-connection.js'

/** Snapshot and log of a doc, read in one step (a compaction between two reads would lose updates). */
const LOAD = `local s = redis.call('GET', KEYS[1]); local l = redis.call('LRANGE', KEYS[2], 0, -1); table.insert(l, 1, s or false); return l`

/**
 * Board docs in Redis: per doc a snapshot (a string) and a log of updates (a list, one element per
 * update); the set of stored doc names beside them. `append` resolves once Redis has taken the
 * updates (durable as the server's `appendfsync` makes it); `compact` replaces snapshot and log in
 * one transaction.
 */
export function redisBoardStore(client: RedisBytesClient, prefix: string): BoardStore {
  const snapKey = (doc: string) => `${prefix}doc:${doc}:snap`
  const logKey = (doc: string) => `${prefix}doc:${doc}:log`
  const namesKey = `${prefix}docs`
  const sizes = new Map<string, { frames: number; bytes: number }>()
  const failing = (what: string) => (error: unknown): never => {
    throw new StorageFailure(what, { cause: error })
  }

  return {
    async load(docName) {
      const [snapshot, ...log] = (await client.eval(LOAD, { keys: [snapKey(docName), logKey(docName)], arguments: [] })) as (Buffer | null)[]
      const updates = log.filter((u): u is Buffer => u !== null).map((u) => new Uint8Array(u))
      sizes.set(docName, { frames: updates.length, bytes: updates.reduce((n, u) => n + u.length, 0) })
      return snapshot ? [new Uint8Array(snapshot), ...updates] : updates
    },

    async append(docName, updates) {
      if (updates.length === 0) return
      await client
        .multi()
        .rPush(logKey(docName), updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)))
        .sAdd(namesKey, docName)
        .exec()
        .catch(failing(`the doc ${docName}`))
      const size = sizes.get(docName) ?? { frames: 0, bytes: 0 }
      sizes.set(docName, { frames: size.frames + updates.length, bytes: size.bytes + updates.reduce((n, u) => n + u.length, 0) })
    },

    async compact(docName, snapshot) {
      await client
        .multi()
        .set(snapKey(docName), Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength))
        .del(logKey(docName))
        .sAdd(namesKey, docName)
        .exec()
        .catch(failing(`the doc ${docName}`))
      sizes.set(docName, { frames: 0, bytes: 0 })
    },

    logSize: (docName) => ({ ...(sizes.get(docName) ?? { frames: 0, bytes: 0 }) }),

    async remove(docName) {
      await client.multi().del([snapKey(docName), logKey(docName)]).sRem(namesKey, docName).exec().catch(failing(`the doc ${docName}`))
      sizes.delete(docName)
    },

    async release(docName) {
      sizes.delete(docName)
    },

    list: async () => (await client.sMembers(namesKey)).map(String),

    async close() {
      sizes.clear()
    },
  }
}
