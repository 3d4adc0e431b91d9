import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { type EventId, programmeSchema } from '@tischrunde/shared'
import { credentialsFromSecret } from '../access/credentials.js'
import { EventService } from '../events/event-service.js'
import { openLowdbEventStore } from '../storage/lowdb-event-store.js'
import type { EventStore } from '../storage/storage.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { workshopDay } from '../../test/helpers/workshop-day.js'
import { BOOKING_RECORDS, CODE_RECORDS } from './programme-records.js'
import { ProgrammeService } from './programme-service.js'

let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
afterEach(async () => data?.remove())

/** A programme service on a real store file whose writes of one kind of record fail while `failing` names it. */
async function dayWithFailingWrites() {
  data = await tempDataDir('programme-follow-ups')
  const real = await openLowdbEventStore(`${data.dir}/events.json`)
  const failing = { collection: null as string | null }
  const store = new Proxy(real, {
    get: (target, name: keyof EventStore) =>
      name === 'putRecord'
        ? (...args: Parameters<EventStore['putRecord']>) => (args[1] === failing.collection ? Promise.reject(new Error('store not answering')) : target.putRecord(...args))
        : (target[name] as (...a: unknown[]) => unknown).bind(target),
  })
  const created = await new EventService(store, credentialsFromSecret(randomBytes(32))).create({ title: 'Transferforum', date: '2018-06-19', tableNames: ['Plenum'] }, 0)
  const told: string[] = []
  const programme = new ProgrammeService(store, { now: () => Date.parse('2018-06-19T08:00:00Z'), changed: (_id, what) => void told.push(what) })
  const eventId = created.event.id as EventId
  /** The workshops the stored bookings hold a seat in (null: a seat given back). */
  const seats = async () => (await real.listRecords(eventId, BOOKING_RECORDS)).map((r) => (r.value as { workshopId: string | null }).workshopId)
  return { eventId, programme, failing, told, seats }
}

describe('what follows a stored programme write', () => {
  it('tells the screens of a saved programme though a removed workshop’s seat could not be given back, and gives it back when the save is sent again', async () => {
    const { eventId, programme, failing, told, seats } = await dayWithFailingWrites()
    const day = programmeSchema.parse(workshopDay())
    const v1 = await programme.save(eventId, day, null)
    expect(v1.ok).toBe(true)
    expect((await programme.choose(eventId, 'anna-0001', 'phase-1', 'ws-2', 'Anna')).ok).toBe(true)
    // Workshop 2 leaves the programme; giving Anna's seat back fails.
    const without = { ...day, items: day.items.map((i) => ({ ...i, workshops: i.workshops.filter((w) => w.id !== 'ws-2') })) }
    failing.collection = BOOKING_RECORDS
    told.length = 0
    await expect(programme.save(eventId, without, v1.ok ? v1.value : null)).rejects.toThrow()
    // The programme is stored: the phones hear of it.
    expect(told).toContain('programme')
    expect(await seats()).toEqual(['ws-2'])
    // The console sends the save again (its version is the old one): done now, the seat given back.
    failing.collection = null
    told.length = 0
    expect((await programme.save(eventId, without, v1.ok ? v1.value : null)).ok).toBe(true)
    expect(await seats()).toEqual([null])
    expect(told).toEqual(expect.arrayContaining(['counts', 'programme']))
  })

  it('tells the seats taken when a choice is stored but the personal code could not be', async () => {
    const { eventId, programme, failing, told } = await dayWithFailingWrites()
    expect((await programme.save(eventId, programmeSchema.parse(workshopDay({ ws1: { capacity: 1 } })), null)).ok).toBe(true)
    failing.collection = CODE_RECORDS
    told.length = 0
    await expect(programme.choose(eventId, 'anna-0001', 'phase-1', 'ws-1', 'Anna')).rejects.toThrow()
    // The last seat is Anna's: the other phones are told, so none offers it as free.
    expect(told).toEqual(['counts'])
    expect((await programme.roster(eventId))['ws-1']).toHaveLength(1)
  })
})
