import {
  type EventId,
  type StoredEvent,
  StoreWriteError,
  composeStoredEvent,
  eventAccessSchema,
  eventSchema,
  normalizeJoinCode,
  ok,
  recordKeySchema,
  recordVersionSchema,
  roundStateSchema,
} from '@tischrunde/shared'
import { StorageFailure, isStorageFailure } from '../storage-error.js'
import type { EventStore, WriteResult } from '../storage.js'
import type { RedisBytesClient } from './redis-connection.js'

/*
 * Keys (all under the installation's prefix):
 *   ev:<id>          hash: setup, setupVersion, access (without its version), accessVersion, round
 *   events           sorted set of event ids, by creation order
 *   seq              the creation counter
 *   code:<joinCode>  the event id of a join code
 *   cols:<id>        set of the event's record collections
 *   rec:<id>:<col>   hash: record key → "<version>|<JSON value>"
 *   demo             "1" once the demo was loaded
 * Every write is one Lua script: the version check and the change happen in one step on the Redis
 * server, whichever process (or node) sends it. Scripts name keys they derive (the join code's), so
 * this runs on one Redis server or a replicated pair, not on Redis Cluster.
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 'STALE' end
redis.call('HSET', KEYS[1], 'setup', ARGV[2], 'setupVersion', 1, 'access', ARGV[3], 'accessVersion', 1, 'round', ARGV[4])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
redis.call('SET', KEYS[4], ARGV[1])
return 1`
const PUT_FIELD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'NOT_FOUND' end
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
if current ~= tonumber(ARGV[2]) then return 'STALE' end
local version = tonumber(ARGV[5])
if version == 0 then version = current + 1 end
redis.call('HSET', KEYS[1], ARGV[3], ARGV[4], ARGV[1], version)
return version`
const PUT_ROUND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'NOT_FOUND' end
local current = cjson.decode(redis.call('HGET', KEYS[1], 'round')).version
if current ~= tonumber(ARGV[1]) then return 'STALE' end
redis.call('HSET', KEYS[1], 'round', ARGV[2])
return tonumber(ARGV[3])`
const PUT_ACCESS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'NOT_FOUND' end
local current = tonumber(redis.call('HGET', KEYS[1], 'accessVersion'))
if current ~= tonumber(ARGV[1]) then return 'STALE' end
local before = cjson.decode(redis.call('HGET', KEYS[1], 'access')).joinCode
if before ~= ARGV[3] then
  redis.call('DEL', ARGV[4] .. before)
  redis.call('SET', ARGV[4] .. ARGV[3], ARGV[5])
end
redis.call('HSET', KEYS[1], 'access', ARGV[2], 'accessVersion', current + 1)
return current + 1`
const PUT_RECORD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'NOT_FOUND' end
local stored = redis.call('HGET', KEYS[2], ARGV[1])
local current = 0
if stored then current = tonumber(string.match(stored, '^(%d+)|')) end
if ARGV[2] == '' then
  if stored then return 'STALE' end
else
  if not stored then return 'NOT_FOUND' end
  if current ~= tonumber(ARGV[2]) then return 'STALE' end
end
redis.call('HSET', KEYS[2], ARGV[1], (current + 1) .. '|' .. ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
return current + 1`
const REMOVE = `
local access = redis.call('HGET', KEYS[1], 'access')
if access then redis.call('DEL', ARGV[2] .. 'code:' .. cjson.decode(access).joinCode) end
for _, col in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('DEL', ARGV[2] .. 'rec:' .. ARGV[1] .. ':' .. col) end
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`

const refused = (error: StoreWriteError) => ({ ok: false, error }) as const

/** A script's answer as a write result: the new version, or the refusal it names. */
function asWriteResult(answer: unknown): WriteResult {
  if (typeof answer === 'number') return ok(answer)
  const text = String(answer)
  if (text === 'STALE') return refused(StoreWriteError.STALE)
  if (text === 'NOT_FOUND') return refused(StoreWriteError.NOT_FOUND)
  throw new Error(`unexpected answer from the store: ${text}`)
}

/** A version as Redis keeps it (a decimal string), checked as every stored version is. */
const versionOf = (text: string): number => recordVersionSchema.parse(/^\d{1,15}$/.test(text) ? Number(text) : Number.NaN)

/** A stored record value, "<version>|<JSON>". */
function splitRecord(stored: string): { version: number; json: string } {
  const bar = stored.indexOf('|')
  if (bar < 0) throw new Error('a stored record without its version')
  return { version: versionOf(stored.slice(0, bar)), json: stored.slice(bar + 1) }
}

export interface RedisEventStoreOptions {
  /**
   * An entry of a listing (an event, a record) that does not read as stored data: it is left out,
   * so one bad entry (a hand edit, another version's data) does not stop every listing (retention,
   * creating events, the admin's list). Reading that entry alone still fails.
   */
  unreadable?(what: string, error: unknown): void
}

/**
 * Events in Redis, as separate records with their own versions (the same contract as the lowdb
 * store: compare-and-set per record, validated on write and on read). A write resolves once Redis
 * has taken it; a write Redis cannot take (unreachable, out of memory) is a StorageFailure and
 * changed nothing.
 */
export function redisEventStore(client: RedisBytesClient, prefix: string, opts: RedisEventStoreOptions = {}): EventStore {
  const key = {
    event: (id: EventId) => `${prefix}ev:${id}`,
    events: `${prefix}events`,
    seq: `${prefix}seq`,
    code: (code: string) => `${prefix}code:${code}`,
    collections: (id: EventId) => `${prefix}cols:${id}`,
    records: (id: EventId, collection: string) => `${prefix}rec:${id}:${collection}`,
    demo: `${prefix}demo`,
  }
  const run = async (what: string, script: string, keys: string[], args: (string | number)[]) => {
    try {
      return await client.eval(script, { keys, arguments: args.map(String) })
    } catch (error) {
      throw new StorageFailure(what, { cause: error })
    }
  }
  const read = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op()
    } catch (error) {
      throw new StorageFailure(what, { cause: error })
    }
  }

  /** Leaves an unreadable entry out of a listing (and says so); Redis out of reach still fails the listing. */
  const skipUnreadable = (what: string) => (error: unknown): undefined => {
    if (isStorageFailure(error)) throw error
    opts.unreadable?.(what, error)
    return undefined
  }
  /** The event of a stored hash, validated as the lowdb store validates its file. */
  const compose = (id: string, hash: Record<string, Buffer | string>): StoredEvent => {
    const field = (name: string) => {
      const value = hash[name]
      if (value === undefined) throw new Error(`${key.event(id)}: field ${name} is missing`)
      return String(value)
    }
    const access = eventAccessSchema.parse(JSON.parse(field('access')))
    return composeStoredEvent({
      event: eventSchema.parse(JSON.parse(field('setup'))),
      setupVersion: versionOf(field('setupVersion')),
      access: { ...access, version: versionOf(field('accessVersion')) },
      round: roundStateSchema.parse(JSON.parse(field('round'))),
      records: {},
    })
  }
  const get = async (id: string): Promise<StoredEvent | undefined> => {
    const hash = await read('the event data', () => client.hGetAll(key.event(id)))
    return Object.keys(hash).length === 0 ? undefined : compose(id, hash as Record<string, Buffer>)
  }

  return {
    async list() {
      const ids = (await read('the event data', () => client.zRange(key.events, 0, -1))).map(String)
      const events = await Promise.all(ids.map((id) => get(id).catch(skipUnreadable(key.event(id)))))
      return events.filter((e): e is StoredEvent => e !== undefined)
    },
    get,
    async findByJoinCode(code) {
      const id = await read('the event data', () => client.get(key.code(normalizeJoinCode(code))))
      return id === null ? undefined : get(String(id))
    },
    async create(event, access, round) {
      const setup = eventSchema.parse(event)
      const checkedAccess = eventAccessSchema.parse(access)
      const checkedRound = roundStateSchema.parse(round)
      const answer = await run('the event data', CREATE, [key.event(setup.id), key.events, key.seq, key.code(checkedAccess.joinCode)], [
        setup.id,
        JSON.stringify(setup),
        JSON.stringify(checkedAccess),
        JSON.stringify(checkedRound),
      ])
      if (answer !== 1) return refused(StoreWriteError.STALE)
      return ok(composeStoredEvent({ event: setup, setupVersion: 1, access: { ...checkedAccess, version: 1 }, round: checkedRound, records: {} }))
    },
    async putSetup(id, expected, event) {
      const next = eventSchema.parse(event)
      return asWriteResult(await run('the event data', PUT_FIELD, [key.event(id)], ['setupVersion', expected, 'setup', JSON.stringify(next), 0]))
    },
    async putAccess(id, expected, access) {
      const next = eventAccessSchema.parse(access)
      return asWriteResult(await run('the event data', PUT_ACCESS, [key.event(id)], [expected, JSON.stringify(next), next.joinCode, `${prefix}code:`, id]))
    },
    async putRound(id, expected, round) {
      const next = roundStateSchema.parse(round)
      // The round rules bump the version; a state that does not is a bug in the caller.
      if (next.version <= expected) throw new Error(`round version ${next.version} does not follow ${expected}`)
      return asWriteResult(await run('the event data', PUT_ROUND, [key.event(id)], [expected, JSON.stringify(next), next.version]))
    },
    async getRecord(id, collection, recordKey) {
      const stored = await read('the event data', () => client.hGet(key.records(id, collection.name), recordKey))
      if (stored === null || stored === undefined) return undefined
      const { version, json } = splitRecord(String(stored))
      return { version, value: collection.schema.parse(JSON.parse(json)) }
    },
    async listRecords(id, collection) {
      const all = await read('the event data', () => client.hGetAll(key.records(id, collection.name)))
      return Object.entries(all).flatMap(([recordKey, stored]) => {
        try {
          const { version, json } = splitRecord(String(stored))
          return [{ key: recordKey, version, value: collection.schema.parse(JSON.parse(json)) }]
        } catch (error) {
          return skipUnreadable(`${key.records(id, collection.name)} ${recordKey}`)(error) ?? []
        }
      })
    },
    async putRecord(id, collection, recordKey, value, expected) {
      recordKeySchema.parse(recordKey)
      const checked = collection.schema.parse(value)
      return asWriteResult(
        await run('the event data', PUT_RECORD, [key.event(id), key.records(id, collection.name), key.collections(id)], [
          recordKey,
          expected === null ? '' : expected,
          JSON.stringify(checked),
          collection.name,
        ]),
      )
    },
    async remove(id) {
      await run('the event data', REMOVE, [key.event(id), key.events, key.collections(id)], [id, prefix])
    },
    demoSeeded: async () => (await read('the event data', () => client.get(key.demo))) !== null,
    async markDemoSeeded() {
      await read('the event data', () => client.set(key.demo, '1'))
    },
  }
}
