import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { api, createEvent, join } from '../helpers/api.js'
import { connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { report } from './fault-kit.js'

/**
 * "Meine Beiträge löschen" from fresh identities in bulk: each pass reads every doc of the event
 * (and the logs of docs without the person's cards). The per-person pace alone is no limit for
 * someone who joins again and again with the event's code; the requests of an event share passes
 * (forget-passes.ts), so the flood costs a pass every 2 s and holds up nobody's own request.
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

  it('answers every fresh identity in bulk in shared passes, and an honest person amid them gets theirs deleted, never refused', async () => {
    await advanceRounds(running.url, cafe.facilitatorToken)
    const anna = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    for (const client of [anna, bernd]) await client.synced()
    anna.put(anna.card({ id: 'anna-card-1', text: 'Annas Idee zum Sprachcafé' }))
    await anna.saved()
    const people = await Promise.all(Array.from({ length: 40 }, () => join(running.url, cafe.joinCode)))
    const started = Date.now()
    const flood = people.map((p) => forget(cafe.event.id, p.token))
    const honest = forget(cafe.event.id, anna.token)
    const answers = await Promise.all(flood)
    const statuses = answers.map((a) => a.status)
    report('fresh identities deleting their contributions at once', `${statuses.filter((s) => s === 200).length} done in ${Date.now() - started} ms, ${statuses.filter((s) => s === 429).length} refused`)
    expect(statuses).toEqual(people.map(() => 200))
    expect(answers.map((a) => a.body)).toEqual(people.map(() => ({ removed: 0 })))
    expect(await honest).toEqual({ status: 200, body: { removed: 1 } })
    await waitFor(() => bernd.cards().length === 0, 'Anna’s card to leave Bernd’s board')
    // Another event's people are not held up by it.
    const neighbour = await join(running.url, other.joinCode)
    expect(await forget(other.event.id, neighbour.token)).toEqual({ status: 200, body: { removed: 0 } })
    for (const client of [anna, bernd]) client.destroy()
  })
})
