import { mkdir, readdir, rmdir, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INITIAL_ROUND_STATE, recordCollection } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { openLowdbEventStore } from './lowdb-event-store.js'
import { StorageFailure } from './storage-error.js'

let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
afterEach(async () => data?.remove())

/** A collection as a later feature would declare it: dot votes per participant. */
const votes = recordCollection('votes', z.object({ cardIds: z.array(z.string()).max(3) }))

async function storeWithEvent() {
  data = await tempDataDir('lowdb-store')
  const file = `${data.dir}/events.json`
  const store = await openLowdbEventStore(file)
  const event = anEvent()
  const created = await store.create(event, { joinCode: 'ABCDEF', createdAt: 0, accessEpoch: 0 }, INITIAL_ROUND_STATE)
  expect(created.ok).toBe(true)
  return { store, id: event.id, file, reopen: () => openLowdbEventStore(file) }
}

/** Makes every write of the store fail, as on a full disk (a folder takes its temp file's path); returns the undo. */
async function failWrites(file: string): Promise<() => Promise<void>> {
  const tmp = `${file}.${process.pid}.tmp`
  await mkdir(tmp)
  return () => rmdir(tmp)
}

const atStation = { ...INITIAL_ROUND_STATE, version: 1, phase: 'station' as const }

describe('keyed records of an event', () => {
  it('creates a record only where none is, and updates it only from the version read', async () => {
    const { store, id, reopen } = await storeWithEvent()
    expect(await store.putRecord(id, votes, 'anna', { cardIds: ['a'] }, null)).toEqual({ ok: true, value: 1 })
    expect(await store.putRecord(id, votes, 'anna', { cardIds: ['b'] }, null)).toEqual({ ok: false, error: 'STALE' })
    expect(await store.putRecord(id, votes, 'anna', { cardIds: ['a', 'c'] }, 1)).toEqual({ ok: true, value: 2 })
    expect(await store.putRecord(id, votes, 'anna', { cardIds: ['d'] }, 1)).toEqual({ ok: false, error: 'STALE' })
    expect(await store.putRecord(id, votes, 'ben', { cardIds: ['d'] }, 4)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await store.putRecord(id, votes, 'ben', { cardIds: [] }, null)).toEqual({ ok: true, value: 1 })

    const again = await reopen()
    expect(await again.getRecord(id, votes, 'anna')).toEqual({ version: 2, value: { cardIds: ['a', 'c'] } })
    expect(await again.listRecords(id, votes)).toEqual([
      { key: 'anna', version: 2, value: { cardIds: ['a', 'c'] } },
      { key: 'ben', version: 1, value: { cardIds: [] } },
    ])
    // Neither setup nor round state moved.
    expect(await again.get(id)).toMatchObject({ setupVersion: 1, accessVersion: 1, round: { version: 0 } })
  })

  it('keeps records under keys like "constructor" as data, refuses "__proto__" (a validated read would drop it), and finds none it was not given', async () => {
    const { store, id, reopen } = await storeWithEvent()
    expect(await store.getRecord(id, votes, 'constructor')).toBeUndefined()
    await expect(store.putRecord(id, votes, '__proto__', { cardIds: ['a'] }, null)).rejects.toThrow()
    expect(await store.putRecord(id, votes, 'constructor', { cardIds: ['b'] }, null)).toEqual({ ok: true, value: 1 })
    expect(await store.getRecord(id, votes, 'toString')).toBeUndefined()
    expect((await (await reopen()).listRecords(id, votes)).map((r) => r.key)).toEqual(['constructor'])
  })

  it('refuses a value its collection schema refuses, and a record of an event that is gone', async () => {
    const { store, id } = await storeWithEvent()
    await expect(store.putRecord(id, votes, 'anna', { cardIds: ['a', 'b', 'c', 'd'] }, null)).rejects.toThrow()
    expect(await store.getRecord(id, votes, 'anna')).toBeUndefined()
    await store.remove(id)
    expect(await store.putRecord(id, votes, 'anna', { cardIds: [] }, null)).toEqual({ ok: false, error: 'NOT_FOUND' })
  })

  it('does not create an event twice under one id', async () => {
    const { store, id } = await storeWithEvent()
    const again = await store.create(anEvent({ id, title: 'Zweite' }), { joinCode: 'GHJKLM', createdAt: 1, accessEpoch: 0 }, INITIAL_ROUND_STATE)
    expect(again).toEqual({ ok: false, error: 'STALE' })
    expect((await store.get(id))?.joinCode).toBe('ABCDEF')
  })

  it('stores every write of a burst, also the ones that came while the file was being written', async () => {
    const { store, id, reopen } = await storeWithEvent()
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.putRecord(id, votes, `p${i}`, { cardIds: [String(i)] }, null)))
    expect(await (await reopen()).listRecords(id, votes)).toHaveLength(25)
  })
})

describe('reading an event', () => {
  it('hands out a view no reader can change, and every write is seen by the next read', async () => {
    const { store, id } = await storeWithEvent()
    const first = (await store.get(id))!
    // Every credential check reads its event: reads share one copy until the event changes.
    expect(await store.get(id)).toBe(first)
    expect(() => ((first.event as { title: string }).title = 'verändert')).toThrow(TypeError)
    expect(() => (first.event.tables as unknown[]).push({})).toThrow(TypeError)
    expect((await store.get(id))!.event.title).toBe(first.event.title)

    expect(await store.putSetup(id, 1, { ...first.event, title: 'Neuer Titel' })).toEqual({ ok: true, value: 2 })
    expect(await store.putAccess(id, 1, { joinCode: 'ABCDEF', createdAt: 0, accessEpoch: 1 })).toEqual({ ok: true, value: 2 })
    const after = (await store.get(id))!
    expect(after).toMatchObject({ event: { title: 'Neuer Titel' }, setupVersion: 2, accessEpoch: 1, accessVersion: 2 })
    expect((await store.findByJoinCode('ABCDEF'))?.accessEpoch).toBe(1)
    // What a reader holds from before stays as it was read.
    expect(first).toMatchObject({ setupVersion: 1, accessEpoch: 0 })
  })
})

describe('a write the disk does not take', () => {
  it('is undone in memory with every change made while it was being written, and the next write is stored once the disk takes it', async () => {
    const { store, id, file, reopen } = await storeWithEvent()
    const diskBack = await failWrites(file)
    // The round write starts the file write; the vote arrives while it runs and rests on it.
    const round = store.putRound(id, 0, atStation)
    const vote = store.putRecord(id, votes, 'anna', { cardIds: ['a'] }, null)
    const failures = await Promise.all([round, vote].map((p) => p.then(() => null, (e: unknown) => e)))
    expect((await store.get(id))?.round).toEqual(INITIAL_ROUND_STATE)
    expect(await store.getRecord(id, votes, 'anna')).toBeUndefined()
    expect(failures.map((e) => e instanceof StorageFailure)).toEqual([true, true])
    await expect(store.create(anEvent({ id: 'neu' }), { joinCode: 'GHJKLM', createdAt: 1, accessEpoch: 0 }, INITIAL_ROUND_STATE)).rejects.toBeInstanceOf(StorageFailure)
    await expect(store.remove(id)).rejects.toBeInstanceOf(StorageFailure)
    expect((await store.list()).map((e) => e.event.id)).toEqual([id])

    await diskBack()
    expect(await store.putRound(id, 0, atStation)).toEqual({ ok: true, value: 1 })
    expect((await store.create(anEvent({ id: 'neu' }), { joinCode: 'GHJKLM', createdAt: 1, accessEpoch: 0 }, INITIAL_ROUND_STATE)).ok).toBe(true)
    const again = await reopen()
    expect((await again.get(id))?.round).toEqual(atStation)
    expect((await again.list()).map((e) => e.event.id)).toEqual([id, 'neu'])
  })
})

describe('temp files a crash left', () => {
  it('removes a stale events.json.<pid>.tmp at open and leaves every other file alone', async () => {
    const { file, reopen, id } = await storeWithEvent()
    const dir = file.slice(0, -'/events.json'.length)
    const foreign = ['events.json.backup-1700000000000', 'events.json.tmp', 'events.json.abc.tmp', 'notizen.4242.tmp', 'credentials.json.4242.tmp']
    for (const name of foreign) await writeFile(`${dir}/${name}`, 'fremd')
    await writeFile(`${dir}/events.json.4242.tmp`, '{"halb')
    await writeFile(`${dir}/events.json.${process.pid}.tmp`, '{"halb')

    const again = await reopen()
    expect(await again.get(id)).toBeDefined()
    expect((await readdir(dir)).sort()).toEqual([...foreign, 'events.json'].sort())
  })
})
