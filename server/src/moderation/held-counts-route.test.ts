import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, heldCountsSchema } from '@tischrunde/shared'
import { createEvent } from '../../test/helpers/api.js'
import { connectPhone } from '../../test/helpers/board-client.js'
import { command } from '../../test/helpers/command.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'

describe('before the end: the cards the results would miss', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const waiting = (token: string) => fetch(`${running.url}/api/events/${cafe.event.id}/moderation/waiting`, { headers: { authorization: `Bearer ${token}` } })

  beforeAll(async () => {
    data = await tempDataDir('held-counts')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Moderiertes Café', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('counts per table the cards waiting for approval and those collected, for the facilitator only', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    try {
      await Promise.all([anna.synced(), bernd.synced()])
      expect(heldCountsSchema.parse(await (await waiting(cafe.facilitatorToken)).json())).toEqual({ tables: [] })
      expect(await command(running.url, cafe.facilitatorToken, 'station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
      anna.put(anna.card({ id: 'card-wait-1', text: 'Wartet auf Freigabe' }))
      anna.put(anna.card({ id: 'card-wait-2', text: 'Wartet auch', position: 2 }))
      await anna.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'station:moderation', { stationId: null, approval: false })).toEqual({ ok: true })
      expect(await command(running.url, cafe.facilitatorToken, 'station:moderation', { stationId: 'station-1', collect: true })).toEqual({ ok: true })
      bernd.put(bernd.card({ id: 'card-coll-1', text: 'Gesammelt' }))
      await bernd.saved()
      expect(heldCountsSchema.parse(await (await waiting(cafe.facilitatorToken)).json())).toEqual({
        tables: [
          { tableId: 'sprache', pending: 2, collected: 0 },
          { tableId: 'arbeit', pending: 0, collected: 1 },
        ],
      })
      // Nobody else learns of them.
      for (const token of [anna.token, cafe.projectorToken, 'nonsense']) expect([401, 403]).toContain((await waiting(token)).status)
    } finally {
      anna.destroy()
      bernd.destroy()
    }
  })
})
