import { randomBytes } from 'node:crypto'
import { mkdir, rmdir } from 'node:fs/promises'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode, advance, setStationLock } from '@tischrunde/shared'
import { credentialsFromSecret } from '../access/credentials.js'
import { EventService } from '../events/event-service.js'
import { openLowdbEventStore } from '../storage/lowdb-event-store.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'
import { RoundService } from './round-service.js'

let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
let rounds: RoundService | undefined
afterEach(async () => {
  rounds?.close()
  await data?.remove()
})

/** Round service and events on a fresh store file with one event; `failWrites` makes the disk refuse writes until undone. */
async function withEvent(now = () => 1000) {
  data = await tempDataDir('round-service')
  const file = `${data.dir}/events.json`
  const events = new EventService(await openLowdbEventStore(file), credentialsFromSecret(randomBytes(32)))
  const stored = await events.create({ title: 'Marktplatz', date: '2026-11-23', tableNames: ['Verkehr', 'Grün'] }, 0)
  const published: number[] = []
  rounds = new RoundService(events, { now, log: pino({ level: 'silent' }), publish: (s) => published.push(s.round.version), reopened: () => {} })
  return {
    events,
    rounds,
    stored,
    published,
    /** A folder where the store writes its temp file: every write fails, as on a full disk. */
    failWrites: async () => {
      const tmp = `${file}.${process.pid}.tmp`
      await mkdir(tmp)
      return () => rmdir(tmp)
    },
    reopen: async () => (await openLowdbEventStore(file)).get(stored.event.id),
  }
}

describe('round changes the disk does not take', () => {
  it('answers STORAGE_FAILED, and screens, also ones opened while it was written, are shown the stored state', async () => {
    const { events, rounds, stored, published, failWrites, reopen } = await withEvent()
    const id = stored.event.id
    const diskBack = await failWrites()
    const started = advance(stored.round, stored.event.template, 1000)
    if (!started.ok) throw new Error(started.error)
    // A screen connecting while the new state is being written reads it…
    const writing = events.setRound(id, 0, started.value)
    expect((await events.get(id))?.round.version).toBe(1)
    await expect(writing).rejects.toThrow()
    // …but once it could not be stored, every new screen is shown what is stored.
    expect(events.current(id)?.round).toEqual(stored.round)

    const ack = await rounds.command(id, 0, (s, t, now) => advance(s, t, now))
    expect(ack).toMatchObject({ ok: false, code: ErrorCode.STORAGE_FAILED })
    expect(events.current(id)?.round.version).toBe(0)
    expect(published).toEqual([0])

    await diskBack()
    expect(await rounds.command(id, 0, (s, t, now) => advance(s, t, now))).toEqual({ ok: true })
    expect(await reopen()).toMatchObject({ round: { version: 1, phase: 'station' } })
  })

  it('locks a station whose time ran out while the disk was full as soon as the disk takes writes again', async () => {
    let clock = 1000
    const { events, rounds, stored, failWrites, reopen } = await withEvent(() => clock)
    const id = stored.event.id
    const started = advance(stored.round, stored.event.template, clock)
    if (!started.ok) throw new Error(started.error)
    expect((await events.setRound(id, 0, started.value)).ok).toBe(true)

    const diskBack = await failWrites()
    clock += 2 * 60 * 60_000
    await rounds.restore()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(events.current(id)?.round.lockedStations).toEqual([])

    await diskBack()
    await waitFor(() => events.current(id)?.round.lockedStations.includes('station-1'), 'the station to lock', 5000)
    expect(await reopen()).toMatchObject({ round: { version: 2, lockedStations: ['station-1'] } })
  })
})

describe('a station the facilitator unlocks after its time ran out', () => {
  it('stays open: it is not locked again by itself at once', async () => {
    let clock = 1000
    const { events, rounds, stored } = await withEvent(() => clock)
    const id = stored.event.id
    expect(await rounds.command(id, 0, (s, t, now) => advance(s, t, now))).toMatchObject({ ok: true })
    const station = stored.event.template.stations[0]!.id
    // Station time, changeover and grace over: the server locks the station by itself.
    const round = events.current(id)!.round
    clock = round.timer!.endsAt! + (round.settings.graceSeconds ?? 0) * 1000 + 1
    // (Any stored change plans the lock anew, at the clock's new time.)
    const later = stored.event.template.stations[1]!.id
    expect(await rounds.command(id, null, (s, t, now) => setStationLock(s, t, later, false, now))).toMatchObject({ ok: true })
    await waitFor(() => events.current(id)!.round.lockedStations.includes(station), 'the station locked by itself')
    // A table asks for two more minutes: the facilitator unlocks it.
    expect(await rounds.command(id, null, (s, t, now) => setStationLock(s, t, station, false, now))).toMatchObject({ ok: true })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(events.current(id)!.round.lockedStations).toEqual([])
  })
})
