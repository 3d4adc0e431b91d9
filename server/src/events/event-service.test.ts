import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { credentialsFromSecret } from '../access/credentials.js'
import { openLowdbEventStore } from '../storage/lowdb-event-store.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { EventService } from './event-service.js'

describe('deleting an event', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
  afterEach(async () => data?.remove())

  it('is not undone by a round change or an edit that read the event before it was deleted', async () => {
    data = await tempDataDir('event-service')
    const store = await openLowdbEventStore(`${data.dir}/events.json`)
    const events = new EventService(store, credentialsFromSecret(randomBytes(32)))
    const stored = await events.create({ title: 'Gleich weg', date: '2026-11-23', tableNames: ['Sprache'] }, 0)
    const token = events.issue(stored, 'participant', 'someone-123')
    await events.remove(stored.event.id)
    expect(await events.setRound(stored.event.id, stored.round.version, { ...stored.round, version: 1 })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await events.setSetup(stored.event.id, stored.setupVersion, { ...stored.event, title: 'Wieder da?' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await events.updateSetup(stored.event.id, (e) => ({ ...e, title: 'Wieder da?' }))).toBeUndefined()
    expect(await events.list()).toEqual([])
    expect(await events.authenticate(token)).toBeNull()
    expect(events.current(stored.event.id)).toBeUndefined()
    const reopened = await openLowdbEventStore(`${data.dir}/events.json`)
    expect(await reopened.list()).toEqual([])
  })
})
