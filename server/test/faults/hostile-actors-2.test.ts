import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTORS_ROOT, type ActorRecord, type CreateEventResponse, actorRecordSchema } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { connectDoc } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { actorMapDocName } from '../../src/actors/build-actor-map.js'
import { type VoteSocket, voteSocket, writeCards } from '../harvest/vote-test-kit.js'
import { report } from './fault-kit.js'

/**
 * The actor map is written by the server from what tables wrote in "Wer kann helfen?": a card text
 * is longer than an actor's name may be. Every record the server writes must be one the map's own
 * schema takes, or the actor silently vanishes from every screen and export that reads the map.
 */
describe('fault suite: hostile actor names', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: VoteSocket | undefined

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-actors-2')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Wer kann helfen?', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    facilitator?.close()
    await running?.close()
    await data?.remove()
  })

  it('keeps an actor named by a card longer than an actor name may be, with its name cut to fit', async () => {
    const table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations.find((s) => s.columns.some((c) => c.id === 'wer-hilft'))!
    const longName = 'Kreisarbeitsgemeinschaft-Migration-Integration-Teilhabe-Sprachfoerderung-Arbeitsmarkt-Wohnraum-Gesundheitsversorgung-Bildungsberatung-Ehrenamtskoordination-Rems-Murr'
    expect(longName.length).toBeGreaterThan(140)
    await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, { stationId: station.id, columnId: 'wer-hilft' }, [longName, 'Jobcenter'])
    facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    expect(await facilitator.send('actors:refresh', {})).toMatchObject({ ok: true })

    const reader = connectDoc(running.url, actorMapDocName(cafe.event.id), cafe.facilitatorToken)
    try {
      await reader.synced()
      const records = () => [...reader.doc.getMap<unknown>(ACTORS_ROOT).values()]
      await waitFor(() => records().length > 0, 'the actor map')
      const invalid = records().filter((r) => !actorRecordSchema.safeParse(r).success)
      const valid = records().flatMap((r) => actorRecordSchema.safeParse(r).data ?? []) as ActorRecord[]
      report('actor named by a 160-character card', `${records().length} records, ${invalid.length} the map's schema refuses`)
      expect(invalid).toEqual([])
      const long = valid.find((a) => a.mentions.some((m) => m.text === longName))
      expect(long?.name.length).toBeLessThanOrEqual(120)
      expect(long?.name.startsWith('Kreisarbeitsgemeinschaft-Migration')).toBe(true)
      expect(valid.some((a) => a.name === 'Jobcenter')).toBe(true)
    } finally {
      reader.destroy()
    }
  })
})
