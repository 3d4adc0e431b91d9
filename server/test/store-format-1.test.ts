import { cp, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CredentialInfo, FacilitatorEventView, PublicEventView, RoundState } from '@tischrunde/shared'
import { api, join, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { lockStation } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'

/** A data folder written by the version before records were stored apart (see its README). */
const FIXTURE = fileURLToPath(new URL('./fixtures/v1-data/', import.meta.url))
const EVENT = 'zukunft-marktplatz'

interface IssuedThen {
  links: { facilitator: string; projector: string; participant: string; hosts: Record<string, string> }
  joinCode: string
}

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
let issued: IssuedThen

beforeEach(async () => {
  data = await tempDataDir('format-1')
  await cp(FIXTURE, data.dir, { recursive: true })
  issued = JSON.parse(await readFile(`${FIXTURE}/links.json`, 'utf8')) as IssuedThen
})
afterEach(async () => {
  await running?.close()
  running = undefined
  await data.remove()
})

/** Asserts the event opens with every link handed out by the previous version; returns its round state. */
async function expectLinksStillValid(url: string): Promise<FacilitatorEventView> {
  const facilitator = await api<FacilitatorEventView>(url, `/api/events/${EVENT}`, { token: tokenOfLink(issued.links.facilitator) })
  expect(facilitator.status).toBe(200)
  expect(facilitator.body).toMatchObject({ joinCode: issued.joinCode, event: { id: EVENT, title: 'Zukunft Marktplatz' } })
  const projector = await api<PublicEventView>(url, `/api/events/${EVENT}`, { token: tokenOfLink(issued.links.projector) })
  expect(projector).toMatchObject({ status: 200, body: { role: 'projector' } })
  const host = await api<CredentialInfo>(url, '/api/credential', { token: tokenOfLink(issued.links.hosts.verkehr!) })
  expect(host).toMatchObject({ status: 200, body: { eventId: EVENT, role: 'host', tableId: 'verkehr' } })
  expect((await join(url, issued.joinCode)).eventId).toBe(EVENT)
  return facilitator.body
}

/** The round state the server holds for the event. */
const roundOf = async (running: RunningServer): Promise<RoundState> => (await running.server.events.get(EVENT))!.round

describe('a data folder written by store format 1', () => {
  it('loads unchanged: the event, its round state and every link it handed out, without rewriting the file', async () => {
    const before = await readFile(`${data.dir}/events.json`)
    running = await startServer(data.dir)
    await expectLinksStillValid(running.url)
    expect(await roundOf(running)).toMatchObject({ version: 2, phase: 'station', stationIndex: 0, lockedStations: ['station-1'] })
    await running.close()
    expect((await readFile(`${data.dir}/events.json`)).equals(before)).toBe(true)
  })

  it('is stored as format 2 by the next change and still opens after a restart', async () => {
    running = await startServer(data.dir)
    // The console's socket sees the migrated round state and changes it.
    expect(await lockStation(running.url, tokenOfLink(issued.links.facilitator), 'station-2')).toMatchObject({ version: 3, lockedStations: ['station-1', 'station-2'] })
    await running.close()
    const file = JSON.parse(await readFile(`${data.dir}/events.json`, 'utf8')) as { version: number; events: { setupVersion: number }[] }
    expect(file).toMatchObject({ format: 'tischrunde.store', version: 2, events: [{ setupVersion: 1, access: { version: 1, joinCode: issued.joinCode } }] })

    running = await startServer(data.dir)
    await expectLinksStillValid(running.url)
    expect(await roundOf(running)).toMatchObject({ version: 3, phase: 'station', lockedStations: ['station-1', 'station-2'] })
  })
})
