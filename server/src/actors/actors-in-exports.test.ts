import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTORS_ROOT, type CreateEventResponse } from '@tischrunde/shared'
import { createEvent } from '../../test/helpers/api.js'
import { connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { command } from '../../test/helpers/command.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { actorMapDocName } from './build-actor-map.js'

const helps = { stationId: 'station-3', columnId: 'wer-hilft' }

describe('the actor map in the exports', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('actors-in-exports')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Bündnis-Café', tableNames: ['Arbeit', 'Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken, 3)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  const get = async (path: string) => (await fetch(`${running.url}/api/events/${cafe.event.id}${path}`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })).text()

  it('hold the names written since the map was last read in, with the facilitator’s ticks kept, and write nothing to the map', async () => {
    const anna = await connectPhone(running.url, cafe.event.id, 'arbeit', cafe.joinCode)
    const console_ = connectDoc(running.url, actorMapDocName(cafe.event.id), cafe.facilitatorToken)
    try {
      await Promise.all([anna.synced(), console_.synced()])
      anna.put(anna.card({ id: 'card-exp-1', ...helps, text: 'Jobcenter' }))
      await anna.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await console_.saved()
      const actors = console_.doc.getMap<{ id: string; name: string }>(ACTORS_ROOT)
      const jobcenter = [...actors.values()].find((a) => a.name === 'Jobcenter')!
      actors.set(jobcenter.id, { ...jobcenter, coreGroup: true })
      await console_.saved()
      // Written after the last "Akteure neu einlesen": nobody read the boards again.
      anna.put(anna.card({ id: 'card-exp-2', ...helps, text: 'Nachbarschaftshilfe Talstraße', position: 2 }))
      await anna.saved()
      const before = Y.encodeStateVector(console_.doc)

      const csv = await get('/actors.csv')
      expect(csv).toContain('Nachbarschaftshilfe Talstraße')
      expect(csv.split('\n').find((line) => line.includes('Jobcenter'))!.split(';')[8]).toBe('x') // Kerngruppe geplant
      expect(await get('/export?format=md')).toContain('Nachbarschaftshilfe Talstraße')
      // The exports read; the map the console edits is as it was.
      expect([...actors.values()].some((a) => a.name.startsWith('Nachbarschaftshilfe'))).toBe(false)
      expect(Y.encodeStateVector(console_.doc)).toEqual(before)
    } finally {
      anna.destroy()
      console_.destroy()
    }
  })
})
