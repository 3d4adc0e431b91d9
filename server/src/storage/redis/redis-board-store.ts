import { StorageFailure } from '../storage-error.js'
import type { BoardStore } from '../storage.js'
import type { RedisBytesClient } from './redis-connection.js'

/** Snapshot and log of a doc, read in one step (a compaction between two reads would lose updates). */
const LOAD = `local s = redis.call('GET', KEYS[1]); local l = redis.call('LRANGE', KEYS[2], 0, -1); table.insert(l, 1, s or false); return l`
/**
 * The fencing check every doc write starts with: KEYS[1] is the event's fence counter (the token of
 * its latest owner), ARGV[1] the token this node holds ('' for none). Once any node has owned the
 * event, only the holder of the latest token may write; a node whose lease was taken over is refused.
 */
const FENCE = `local fence = redis.call('GET', KEYS[1]); if fence and fence ~= ARGV[1] then return 'FENCED' end`
const APPEND = `${FENCE}
for i = 3, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('SADD', KEYS[3], ARGV[2])
return 1`
const COMPACT = `${FENCE}
redis.call('SET', KEYS[2], ARGV[3])
redis.call('DEL', KEYS[4])
redis.call('SADD', KEYS[3], ARGV[2])
return 1`

/** The fencing token this node holds for an event (its ownership lease), if any. */
export interface FenceTokens {
  tokenOf(eventId: string): number | undefined
  /** A doc write of the event was fenced: another node owns it, this node gives up its copies (else they retry for ever). */
  refused?(eventId: string): void
}

/** Refused because another node owns the doc's event now (this node's lease was taken over). */
export class FencedWrite extends Error {}

/** The event of a doc name (`<kind>.<eventId>.<part>…`). */
const eventOfDoc = (docName: string) => docName.split('.')[1] ?? ''

/**
 * Board docs in Redis: per doc a snapshot (a string) and a log of updates (a list, one element per
 * update); the set of stored doc names beside them. `append` resolves once Redis has taken the
 * updates (durable as the server's `appendfsync` makes it); `compact` replaces snapshot and log in
 * one transaction.
 */
export function redisBoardStore(client: RedisBytesClient, prefix: string, fence?: FenceTokens): BoardStore {
  const fenceKey = (doc: string) => `${prefix}fence:${eventOfDoc(doc)}`
  const tokenOf = (doc: string) => String(fence?.tokenOf(eventOfDoc(doc)) ?? '')
  const fenced = (docName: string) => (answer: unknown) => {
    if (String(answer) !== 'FENCED') return
    fence?.refused?.(eventOfDoc(docName))
    throw new StorageFailure(`the doc ${docName}`, { cause: new FencedWrite(`another node owns the event of ${docName}`) })
  }
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
        .eval(APPEND, {
          keys: [fenceKey(docName), logKey(docName), namesKey],
          arguments: [tokenOf(docName), docName, ...updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
        })
        .catch(failing(`the doc ${docName}`))
        .then(fenced(docName))
      const size = sizes.get(docName) ?? { frames: 0, bytes: 0 }
      sizes.set(docName, { frames: size.frames + updates.length, bytes: size.bytes + updates.reduce((n, u) => n + u.length, 0) })
    },

    async compact(docName, snapshot) {
      await client
        .eval(COMPACT, {
          keys: [fenceKey(docName), snapKey(docName), namesKey, logKey(docName)],
          arguments: [tokenOf(docName), docName, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength)],
        })
        .catch(failing(`the doc ${docName}`))
        .then(fenced(docName))
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

    has: async (docName) => Boolean(await client.sIsMember(namesKey, docName)),

    async close() {
      sizes.clear()
    },
  }
}
