import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { credentialsFromSecret } from '../access/credentials.js'
import { openLowdbEventStore } from '../storage/lowdb-event-store.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { EventService } from './event-service.js'

let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
afterEach(async () => data?.remove())

async function withEvent() {
  data = await tempDataDir('link-revocation')
  const file = `${data.dir}/events.json`
  const credentials = credentialsFromSecret(randomBytes(32))
  const events = new EventService(await openLowdbEventStore(file), credentials)
  const stored = await events.create({ title: 'Marktplatz', date: '2026-11-23', tableNames: ['Verkehr', 'Grün'] }, 0)
  const [verkehr, gruen] = stored.event.tables.map((t) => t.id) as [string, string]
  const reopened = async () => new EventService(await openLowdbEventStore(file), credentials)
  return { events, stored, verkehr, gruen, reopened }
}

describe('revoking one link', () => {
  it('refuses only the renewed host link; the other table’s host, the projector, facilitator and participants keep working', async () => {
    const { events, stored, verkehr, gruen, reopened } = await withEvent()
    const tokens = {
      host: events.issueHost(stored, verkehr),
      otherHost: events.issueHost(stored, gruen),
      projector: events.issue(stored, 'projector'),
      facilitator: events.issue(stored, 'facilitator'),
      participant: events.issue(stored, 'participant', 'jemand-123'),
    }
    const renewed = await events.revokeOne(stored.event.id, { credential: 'host', tableId: verkehr })
    const newHost = events.issueHost(renewed!, verkehr)
    const valid = async (service: EventService) =>
      Object.fromEntries(await Promise.all(Object.entries({ ...tokens, newHost }).map(async ([k, t]) => [k, (await service.authenticate(t)) !== null])))
    const want = { host: false, otherHost: true, projector: true, facilitator: true, participant: true, newHost: true }
    expect(await valid(events)).toEqual(want)
    // The generation is stored: a restarted server refuses the old link just the same.
    expect(await valid(await reopened())).toEqual(want)
    expect(renewed).toMatchObject({ joinCode: stored.joinCode, accessEpoch: stored.accessEpoch, setupVersion: 1, generations: { projector: 0, hosts: { [verkehr]: 1 } } })
  })

  it('revokes the host link of a table taken out of the setup: a table added later under its id opens only with a new link', async () => {
    const { events, stored, verkehr, gruen, reopened } = await withEvent()
    const oldHost = events.issueHost(stored, verkehr)
    const otherHost = events.issueHost(stored, gruen)
    const without = await events.setSetup(stored.event.id, stored.setupVersion, { ...stored.event, tables: stored.event.tables.filter((t) => t.id !== verkehr) })
    expect(without.ok).toBe(true)
    const now = (await events.get(stored.event.id))!
    const back = await events.setSetup(stored.event.id, now.setupVersion, { ...now.event, tables: [...now.event.tables, { id: verkehr, name: 'Verkehr (neu)', host: '' }] })
    expect(back.ok).toBe(true)
    const readded = (await events.get(stored.event.id))!
    expect(await events.authenticate(oldHost)).toBeNull()
    expect(await (await reopened()).authenticate(oldHost)).toBeNull()
    expect(await events.authenticate(events.issueHost(readded, verkehr))).not.toBeNull()
    expect(await events.authenticate(otherHost)).not.toBeNull()
  })

  it('refuses the old projector link after renewal, and only that', async () => {
    const { events, stored } = await withEvent()
    const old = events.issue(stored, 'projector')
    const facilitator = events.issue(stored, 'facilitator')
    const renewed = (await events.revokeOne(stored.event.id, { credential: 'projector' }))!
    expect(await events.authenticate(old)).toBeNull()
    expect(await events.authenticate(events.issue(renewed, 'projector'))).not.toBeNull()
    expect(await events.authenticate(facilitator)).not.toBeNull()
  })

  it('issues a new join code; the old one opens nothing, participants who joined stay valid', async () => {
    const { events, stored } = await withEvent()
    const participant = events.issue(stored, 'participant', 'jemand-123')
    const renewed = (await events.revokeOne(stored.event.id, { credential: 'join-code' }))!
    expect(renewed.joinCode).not.toBe(stored.joinCode)
    expect(await events.byJoinCode(stored.joinCode)).toBeUndefined()
    expect((await events.byJoinCode(renewed.joinCode))?.event.id).toBe(stored.event.id)
    expect(await events.authenticate(participant)).not.toBeNull()
  })

  it('keeps links issued before generations existed valid (no generation means 0)', async () => {
    const { events, stored } = await withEvent()
    const projector = events.issue(stored, 'projector')
    const claims = JSON.parse(Buffer.from(projector.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>
    expect(claims).not.toHaveProperty('gen')
    expect(await events.authenticate(projector)).not.toBeNull()
  })

  it('answers undefined for a table the event does not have, and changes nothing', async () => {
    const { events, stored } = await withEvent()
    expect(await events.revokeOne(stored.event.id, { credential: 'host', tableId: 'constructor' })).toBeUndefined()
    expect((await events.get(stored.event.id))?.accessVersion).toBe(1)
  })
})
