import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { api, createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { FORGETS_PER_EVENT } from '../../src/retention/retention-routes.js'
import { report } from './fault-kit.js'

/**
 * "Meine Beiträge löschen" from fresh identities in bulk: each request reads every doc of the event
 * (and the logs of docs without the person's cards). The per-person pace alone is no limit for
 * someone who joins again and again with the event's code, so the event has a budget of its own.
 */
describe('fault suite: hostile "Meine Beiträge löschen"', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let other: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-retention-2')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Beiträge zurückziehen', tableNames: ['Sprache', 'Arbeit'] })
    other = await createEvent(running.url, { title: 'Nachbarkonferenz', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  const forget = (eventId: string, token: string) => api<{ removed?: number; code?: string }>(running.url, `/api/events/${eventId}/my-contributions`, { method: 'DELETE', token })

  it(`answers fresh identities past ${FORGETS_PER_EVENT.burst} at once with "too many", never an internal error, and leaves other events alone`, async () => {
    const people = await Promise.all(Array.from({ length: FORGETS_PER_EVENT.burst + 10 }, () => join(running.url, cafe.joinCode)))
    const answers = await Promise.all(people.map((p) => forget(cafe.event.id, p.token)))
    const statuses = answers.map((a) => a.status)
    report('fresh identities deleting their contributions at once', `${statuses.filter((s) => s === 200).length} done, ${statuses.filter((s) => s === 429).length} paced`)
    expect(statuses.filter((s) => s === 200)).toHaveLength(FORGETS_PER_EVENT.burst)
    expect(answers.filter((a) => a.status === 429).every((a) => a.body.code === 'RATE_LIMITED')).toBe(true)
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true)
    // Another event's people are not held up by it.
    const neighbour = await join(running.url, other.joinCode)
    expect(await forget(other.event.id, neighbour.token)).toEqual({ status: 200, body: { removed: 0 } })
  })
})
