import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { advance, ok, setStationLock } from '@tischrunde/shared'
import { credentialsFromSecret } from '../access/credentials.js'
import { RoundService } from '../rounds/round-service.js'
import { openLowdbEventStore } from '../storage/lowdb-event-store.js'
import { StorageFailure } from '../storage/storage-error.js'
import type { EventStore } from '../storage/storage.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'
import { EventService } from './event-service.js'

let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
afterEach(async () => data?.remove())

/** An event service on a fresh store file, with one event; `reopen` reads the file anew. */
async function withEvent() {
  data = await tempDataDir('event-service')
  const file = `${data.dir}/events.json`
  const events = new EventService(await openLowdbEventStore(file), credentialsFromSecret(randomBytes(32)))
  const stored = await events.create({ title: 'Marktplatz', date: '2026-11-23', tableNames: ['Verkehr', 'Grün'] }, 0)
  return { events, stored, reopen: async () => (await openLowdbEventStore(file)).get(stored.event.id) }
}

describe('deleting an event', () => {
  it('is not undone by a round change or an edit that read the event before it was deleted', async () => {
    const { events, stored, reopen } = await withEvent()
    const token = events.issue(stored, 'participant', 'someone-123')
    await events.remove(stored.event.id)
    expect(await events.setRound(stored.event.id, stored.round.version, { ...stored.round, version: 1 })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await events.setSetup(stored.event.id, stored.setupVersion, { ...stored.event, title: 'Wieder da?' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await events.updateSetup(stored.event.id, (e) => ({ ...e, title: 'Wieder da?' }))).toBeUndefined()
    expect(await events.list()).toEqual([])
    expect(await events.authenticate(token)).toBeNull()
    expect(events.current(stored.event.id)).toBeUndefined()
    expect(await reopen()).toBeUndefined()
  })
})

describe('records written apart', () => {
  it('keeps a setup write and a round write issued in the same tick, in memory and on disk', async () => {
    const { events, stored, reopen } = await withEvent()
    const started = advance(stored.round, stored.event.template, 1000)
    if (!started.ok) throw new Error(started.error)
    const [setup, round] = await Promise.all([
      events.updateSetup(stored.event.id, (e) => ({ ...e, title: 'Marktplatz 2030' })),
      events.setRound(stored.event.id, stored.round.version, started.value),
    ])
    expect(setup?.event.title).toBe('Marktplatz 2030')
    expect(round.ok).toBe(true)
    const want = { event: { title: 'Marktplatz 2030' }, setupVersion: 2, round: { version: 1, phase: 'station' }, accessVersion: 1 }
    expect(events.current(stored.event.id)).toMatchObject(want)
    expect(await reopen()).toMatchObject(want)
  })

  it('refuses a round write naming a version that is no longer stored, and stores nothing', async () => {
    const { events, stored, reopen } = await withEvent()
    const first = advance(stored.round, stored.event.template, 1000)
    if (!first.ok) throw new Error(first.error)
    expect((await events.setRound(stored.event.id, 0, first.value)).ok).toBe(true)
    const late = setStationLock(stored.round, stored.event.template, 'station-2', true)
    if (!late.ok) throw new Error(late.error)
    expect(await events.setRound(stored.event.id, 0, late.value)).toEqual({ ok: false, error: 'STALE' })
    expect(await events.setSetup(stored.event.id, stored.setupVersion + 1, { ...stored.event, title: 'Zu spät' })).toEqual({ ok: false, error: 'STALE' })
    const want = { event: { title: 'Marktplatz' }, setupVersion: 1, round: { version: 1, phase: 'station', lockedStations: [] } }
    expect(events.current(stored.event.id)).toMatchObject(want)
    expect(await reopen()).toMatchObject(want)
  })

  it('bumps only the access record when links are revoked', async () => {
    const { events, stored, reopen } = await withEvent()
    const token = events.issue(stored, 'facilitator')
    await events.revokeLinks(stored.event.id)
    expect(await events.authenticate(token)).toBeNull()
    expect(await reopen()).toMatchObject({ accessEpoch: stored.accessEpoch + 1, accessVersion: 2, setupVersion: 1, joinCode: stored.joinCode, round: { version: 0 } })
  })
})

describe('round commands racing in the same tick', () => {
  it('applies a station lock (no expected version) on top of a "next" that was written first, instead of overwriting it', async () => {
    const { events, stored, reopen } = await withEvent()
    const published: number[] = []
    const rounds = new RoundService(events, { now: () => 1000, log: pino({ level: 'silent' }), publish: (s) => published.push(s.round.version), reopened: () => {} })
    try {
      const acks = await Promise.all([
        rounds.command(stored.event.id, 0, (s, t, now) => advance(s, t, now)),
        rounds.command(stored.event.id, null, (s, t) => setStationLock(s, t, 'station-2', true)),
        rounds.command(stored.event.id, null, (s) => ok({ ...s, version: s.version + 1, settings: { ...s.settings, graceSeconds: 5 } })),
      ])
      expect(acks).toEqual([{ ok: true }, { ok: true }, { ok: true }])
      const want = { round: { version: 3, phase: 'station', lockedStations: ['station-2'], settings: { graceSeconds: 5 } } }
      expect(events.current(stored.event.id)).toMatchObject(want)
      expect(await reopen()).toMatchObject(want)
      // Each write publishes the latest stored state: never older than its own.
      expect(published).toHaveLength(3)
      expect(published.at(-1)).toBe(3)
    } finally {
      rounds.close()
    }
  })

  it('refuses the slower of two commands naming the same version', async () => {
    const { events, stored } = await withEvent()
    const rounds = new RoundService(events, { now: () => 1000, log: pino({ level: 'silent' }), publish: () => {}, reopened: () => {} })
    try {
      const acks = await Promise.all([0, 0].map((v) => rounds.command(stored.event.id, v, (s, t, now) => advance(s, t, now))))
      expect(acks[0]).toEqual({ ok: true })
      expect(acks[1]).toMatchObject({ ok: false, code: 'STALE_VERSION' })
      expect(events.current(stored.event.id)?.round.version).toBe(1)
    } finally {
      rounds.close()
    }
  })
})

describe('the event as this process knows it', () => {
  it('stays the same state when read again unchanged, and follows a write of any of its records', async () => {
    const { events, stored } = await withEvent()
    await events.get(stored.event.id)
    const known = events.current(stored.event.id)
    // A hall of phones reads the event (their seats): what was encoded for it stays valid.
    for (let i = 0; i < 3; i++) await events.get(stored.event.id)
    expect(events.current(stored.event.id)).toBe(known)
    const renamed = await events.updateSetup(stored.event.id, (e) => ({ ...e, title: 'Marktplatz 2030' }))
    expect(events.current(stored.event.id)).not.toBe(known)
    expect(events.current(stored.event.id)?.event.title).toBe('Marktplatz 2030')
    expect(renamed?.setupVersion).toBe(events.current(stored.event.id)?.setupVersion)
  })
})

describe('a write the store refused while it does not answer (a Redis outage)', () => {
  it('leaves the event unknown only until the store answers again, read again without any screen asking', async () => {
    data = await tempDataDir('event-service-outage')
    const real = await openLowdbEventStore(`${data.dir}/events.json`)
    let outage = false
    const down = () => Promise.reject(new StorageFailure('the event', { cause: new Error('connection lost') }))
    // The store as Redis is in an outage: every read and write fails.
    const store = new Proxy(real, {
      get: (target, name: keyof EventStore) => (outage && (name === 'get' || name === 'putRound') ? down : (target[name] as (...a: unknown[]) => unknown).bind(target)),
    })
    const events = new EventService(store, credentialsFromSecret(randomBytes(32)))
    const stored = await events.create({ title: 'Marktplatz', date: '2026-11-23', tableNames: ['Verkehr'] }, 0)
    outage = true
    await expect(events.setRound(stored.event.id, stored.round.version, { ...stored.round, version: stored.round.version + 1 })).rejects.toThrow(StorageFailure)
    // Undone, and not read again yet: unknown, not taken for deleted.
    expect(events.current(stored.event.id)).toBeUndefined()
    outage = false
    const back = await waitFor(() => events.current(stored.event.id), 'the event read again after the outage', 3000)
    expect(back.round.version).toBe(stored.round.version)
  })
})
