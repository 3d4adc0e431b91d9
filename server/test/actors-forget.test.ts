import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, actorMapShownDocName } from '@tischrunde/shared'
import { dataHolds } from './helpers/data-holds.js'
import { api, createEvent, tokenOfLink } from './helpers/api.js'
import { connectDoc, connectPhone } from './helpers/board-client.js'
import { command } from './helpers/command.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const helps = { stationId: 'station-3', columnId: 'wer-hilft' }

describe('"Meine Beiträge löschen" and the actor map', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('actors-forget')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Bündnis-Café', tableNames: ['Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken, 3)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('takes the words the map took from the deleted cards out of the data folder, the map phones read included', async () => {
    const phone = await connectPhone(running.url, cafe.event.id, 'arbeit', cafe.joinCode)
    const shown = connectDoc(running.url, actorMapShownDocName(cafe.event.id), tokenOfLink(cafe.links.projector))
    try {
      await Promise.all([phone.synced(), shown.synced()])
      phone.put(phone.card({ id: 'card-olga-1', ...helps, text: 'Nachbarin Olga Petrenko Hausnummer 7' }))
      await phone.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await waitFor(() => [...shown.doc.getMap<{ name: string }>('actors').values()].some((a) => a.name.includes('Petrenko')) || undefined, 'the actor on the projector')
      await running.server.rooms.settle()
      for (const form of ['Petrenko', 'petrenko']) expect(await dataHolds(data.dir, form), form).toBe(true)

      const done = await api<{ removed: number }>(running.url, `/api/events/${cafe.event.id}/my-contributions`, { method: 'DELETE', token: phone.token })
      expect(done).toEqual({ status: 200, body: { removed: 1 } })
      await running.server.rooms.settle()
      // Not in any file: not the board's, not the actor map's, not the shown copy's (as a key, a mention or a name).
      for (const form of ['Petrenko', 'petrenko']) expect(await dataHolds(data.dir, form), form).toBe(false)
    } finally {
      phone.destroy()
      shown.destroy()
    }
  })
})
