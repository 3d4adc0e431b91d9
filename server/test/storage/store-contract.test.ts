import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { INITIAL_ROUND_STATE, recordCollection } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { openFileBoardStore } from '../../src/storage/file-board-store.js'
import { openLowdbEventStore } from '../../src/storage/lowdb-event-store.js'
import { openRedisStorage } from '../../src/storage/redis/open-redis-storage.js'
import type { BoardStore, EventStore } from '../../src/storage/storage.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'

/**
 * One contract, every store: the embedded default (lowdb + files) and Redis
 * (TISCHRUNDE_REDIS_URL) must answer the same writes the same way, and keep what they
 * acknowledged across a reopen (a restart of the server).
 */
interface Opened {
  events: EventStore
  boards: BoardStore
  close(): Promise<void>
}
interface StoreUnderTest {
  name: string
  /** A fresh, empty store; `reopen` opens the same data again, as a restarted server would. */
  fresh(): Promise<{ open(): Promise<Opened>; cleanUp(): Promise<void> }>
}

let redis: RedisProcess
let prefixes = 0
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => redis?.stop())

const STORES: StoreUnderTest[] = [
  {
    name: 'embedded (lowdb and files)',
    async fresh() {
      const data = await tempDataDir('contract')
      return {
        open: async () => {
          const boards = await openFileBoardStore(`${data.dir}/boards`)
          return { events: await openLowdbEventStore(`${data.dir}/events.json`), boards, close: () => boards.close() }
        },
        cleanUp: data.remove,
      }
    },
  },
  {
    name: 'Redis',
    async fresh() {
      const prefix = `contract${++prefixes}:`
      return { open: () => openRedisStorage(redis.url, prefix), cleanUp: async () => {} }
    },
  },
]

const votes = recordCollection('votes', z.object({ cardIds: z.array(z.string()).max(3) }))
const access = { joinCode: 'ABCDEF', createdAt: 0, accessEpoch: 0 }

describe.each(STORES)('the store contract: $name', (kind) => {
  async function withEvent() {
    const fresh = await kind.fresh()
    const opened = await fresh.open()
    const event = anEvent()
    expect((await opened.events.create(event, access, INITIAL_ROUND_STATE)).ok).toBe(true)
    return { ...opened, id: event.id, event, reopen: fresh.open, cleanUp: fresh.cleanUp }
  }

  it('creates an event once, finds it by id and join code, and keeps it across a reopen', async () => {
    const s = await withEvent()
    expect(await s.events.create(anEvent({ id: s.id, title: 'Zweite' }), { ...access, joinCode: 'GHJKLM' }, INITIAL_ROUND_STATE)).toEqual({ ok: false, error: 'STALE' })
    expect((await s.events.findByJoinCode('abc-def'))?.event.id).toBe(s.id)
    await s.close()
    const again = await s.reopen()
    expect(await again.events.get(s.id)).toMatchObject({ event: { title: s.event.title }, setupVersion: 1, accessVersion: 1, joinCode: 'ABCDEF', round: { version: 0 } })
    expect((await again.events.list()).map((e) => e.event.id)).toEqual([s.id])
    expect(await again.events.get('gibt-es-nicht')).toBeUndefined()
    await again.close()
    await s.cleanUp()
  })

  it('writes setup, access and round apart, each only from the version read', async () => {
    const s = await withEvent()
    expect(await s.events.putSetup(s.id, 1, { ...s.event, title: 'Neu' })).toEqual({ ok: true, value: 2 })
    expect(await s.events.putSetup(s.id, 1, { ...s.event, title: 'Alt' })).toEqual({ ok: false, error: 'STALE' })
    expect(await s.events.putRound(s.id, 0, { ...INITIAL_ROUND_STATE, version: 1, phase: 'station' })).toEqual({ ok: true, value: 1 })
    expect(await s.events.putRound(s.id, 0, { ...INITIAL_ROUND_STATE, version: 2 })).toEqual({ ok: false, error: 'STALE' })
    expect(await s.events.putAccess(s.id, 1, { ...access, joinCode: 'KLMNPQ' })).toEqual({ ok: true, value: 2 })
    expect(await s.events.findByJoinCode('ABCDEF')).toBeUndefined()
    expect((await s.events.findByJoinCode('KLMNPQ'))?.accessVersion).toBe(2)
    expect(await s.events.putSetup('gibt-es-nicht', 1, s.event)).toEqual({ ok: false, error: 'NOT_FOUND' })
    await s.close()
    const again = await s.reopen()
    expect(await again.events.get(s.id)).toMatchObject({ event: { title: 'Neu' }, setupVersion: 2, accessVersion: 2, round: { version: 1, phase: 'station' } })
    await again.close()
    await s.cleanUp()
  })

  it('creates a keyed record only where none is, updates it only from the version read, keeps "constructor" as data', async () => {
    const s = await withEvent()
    expect(await s.events.putRecord(s.id, votes, 'anna', { cardIds: ['a'] }, null)).toEqual({ ok: true, value: 1 })
    expect(await s.events.putRecord(s.id, votes, 'anna', { cardIds: ['b'] }, null)).toEqual({ ok: false, error: 'STALE' })
    expect(await s.events.putRecord(s.id, votes, 'anna', { cardIds: ['a', 'c'] }, 1)).toEqual({ ok: true, value: 2 })
    expect(await s.events.putRecord(s.id, votes, 'ben', { cardIds: ['d'] }, 4)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await s.events.putRecord(s.id, votes, 'constructor', { cardIds: [] }, null)).toEqual({ ok: true, value: 1 })
    // A key a validated read could not give back is refused, not acknowledged and lost.
    await expect(s.events.putRecord(s.id, votes, '__proto__', { cardIds: [] }, null)).rejects.toThrow()
    await expect(s.events.putRecord(s.id, votes, 'carla', { cardIds: ['a', 'b', 'c', 'd'] }, null)).rejects.toThrow()
    expect(await s.events.getRecord(s.id, votes, 'toString')).toBeUndefined()
    // Twenty-five racing creates of one key: exactly one wins.
    const race = await Promise.all(Array.from({ length: 25 }, (_, i) => s.events.putRecord(s.id, votes, 'dora', { cardIds: [String(i)] }, null)))
    expect(race.filter((r) => r.ok)).toHaveLength(1)
    await s.close()
    const again = await s.reopen()
    expect(await again.events.getRecord(s.id, votes, 'anna')).toEqual({ version: 2, value: { cardIds: ['a', 'c'] } })
    expect((await again.events.listRecords(s.id, votes)).map((r) => r.key).sort()).toEqual(['anna', 'constructor', 'dora'])
    await again.events.remove(s.id)
    expect(await again.events.get(s.id)).toBeUndefined()
    expect(await again.events.findByJoinCode('ABCDEF')).toBeUndefined()
    expect(await again.events.listRecords(s.id, votes)).toEqual([])
    expect(await again.events.putRecord(s.id, votes, 'anna', { cardIds: [] }, null)).toEqual({ ok: false, error: 'NOT_FOUND' })
    await again.close()
    await s.cleanUp()
  })

  it('keeps a doc as snapshot plus log, compacts it, and removes it', async () => {
    const s = await withEvent()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const cards = doc.getMap('cards')
    for (let i = 0; i < 5; i++) cards.set(`c${i}`, `Karte ${i}`)
    const name = `board.${s.id}.sprache`
    expect(await s.boards.has(name)).toBe(false)
    await s.boards.append(name, updates.slice(0, 3))
    expect(await s.boards.has(name)).toBe(true)
    await s.boards.append(name, updates.slice(3))
    expect(s.boards.logSize(name).frames).toBe(5)
    const read = async (store: BoardStore) => {
      const copy = new Y.Doc()
      for (const u of await store.load(name)) Y.applyUpdate(copy, u)
      return copy.getMap('cards').toJSON()
    }
    expect(await read(s.boards)).toEqual(cards.toJSON())
    await s.boards.compact(name, Y.encodeStateAsUpdate(doc))
    cards.set('c5', 'nach der Verdichtung')
    await s.boards.append(name, [updates.at(-1)!])
    await s.close()
    const again = await s.reopen()
    expect(await read(again.boards)).toEqual(cards.toJSON())
    expect(await again.boards.list()).toContain(name)
    expect(await again.boards.has(name)).toBe(true)
    await again.boards.remove(name)
    expect(await again.boards.list()).not.toContain(name)
    expect(await again.boards.has(name)).toBe(false)
    expect(await again.boards.load(name)).toEqual([])
    await again.close()
    await s.cleanUp()
  })

  it("stores nothing for a doc that is opened and never written (a participant's own copy of every table, opened and left)", async () => {
    const s = await withEvent()
    const names = ['sprache', 'wohnen', 'arbeit'].map((table) => `own.${s.id}.${table}.p${table}`)
    for (const name of names) expect(await s.boards.load(name)).toEqual([])
    for (const name of names) expect(await s.boards.has(name)).toBe(false)
    expect(await s.boards.list()).toEqual(expect.not.arrayContaining(names))
    // Its first write stores it.
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.getMap('cards').set('c1', 'Karte')
    await s.boards.append(names[0]!, updates)
    await s.close()
    const again = await s.reopen()
    expect(await again.boards.list()).toContain(names[0])
    expect(await again.boards.list()).toEqual(expect.not.arrayContaining(names.slice(1)))
    expect((await again.boards.load(names[0]!)).length).toBeGreaterThan(0)
    await again.close()
    await s.cleanUp()
  })
})
