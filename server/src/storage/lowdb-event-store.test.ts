import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INITIAL_ROUND_STATE, recordCollection } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { openLowdbEventStore } from './lowdb-event-store.js'

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
  return { store, id: event.id, reopen: () => openLowdbEventStore(file) }
}

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
