import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataHolds } from './helpers/data-holds.js'
import type { CreateEventResponse } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { command } from './helpers/command.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

describe('"Meine Beiträge löschen" on the phone', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let created: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('forget')
    running = await startServer(data.dir)
    created = await createEvent(running.url, { title: 'Beiträge zurückziehen', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, created.facilitatorToken)
    // Names shown: they are stored under the cards (while they are hidden they never reach the disk).
    expect(await command(running.url, created.facilitatorToken, 'event:display', { showNames: true })).toEqual({ ok: true })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('deletes the participant’s cards and name on every table, from the disk too, and no one else’s', async () => {
    const anna = await connectPhone(running.url, created.event.id, 'sprache', created.joinCode)
    const bernd = await connectPhone(running.url, created.event.id, 'sprache', created.joinCode)
    const annaAtWork = connectBoard(running.url, created.event.id, 'arbeit', anna.token)
    for (const client of [anna, bernd, annaAtWork]) await client.synced()
    anna.put(anna.card({ id: 'anna-card-1', text: 'Annas Idee zum Sprachcafé', authorName: 'Anna Wiesenthal' }))
    annaAtWork.put(anna.card({ id: 'anna-card-2', text: 'Annas Idee zur Arbeit', authorName: 'Anna Wiesenthal' }))
    bernd.put(bernd.card({ id: 'bernd-card-1', text: 'Bernds Idee bleibt', authorName: 'Bernd' }))
    for (const client of [anna, bernd, annaAtWork]) await client.saved()
    await running.server.rooms.settle()
    expect(await dataHolds(data.dir, 'Anna Wiesenthal')).toBe(true)

    // Only the participant themself: the facilitator's and a stranger's requests are refused.
    expect((await api(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE', token: created.facilitatorToken })).status).toBe(403)
    expect((await api(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE' })).status).toBe(401)

    const done = await api<{ removed: number }>(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE', token: anna.token })
    expect(done).toEqual({ status: 200, body: { removed: 2 } })
    await waitFor(() => bernd.cards().length === 1 && bernd.cards()[0]!.id === 'bernd-card-1', 'Anna’s card to leave Bernd’s board')
    await waitFor(() => annaAtWork.cards().length === 0, 'Anna’s card to leave the other table')
    await running.server.rooms.settle()
    for (const trace of ['Anna Wiesenthal', 'Annas Idee zum Sprachcafé', 'Annas Idee zur Arbeit']) expect(await dataHolds(data.dir, trace), trace).toBe(false)
    expect(await dataHolds(data.dir, 'Bernds Idee bleibt')).toBe(true)
    // A second request finds nothing more.
    expect((await api<{ removed: number }>(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE', token: anna.token })).body).toEqual({ removed: 0 })
    // Each request opens every doc of the event: a third one right away is fine, then it is paced.
    expect((await api(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE', token: anna.token })).status).toBe(200)
    expect((await api(running.url, `/api/events/${created.event.id}/my-contributions`, { method: 'DELETE', token: anna.token })).status).toBe(429)
    for (const client of [anna, bernd, annaAtWork]) client.destroy()
  })
})
