import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type ModerationOwnPush } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { connectPhone } from './helpers/board-client.js'
import { carriedPhone } from './helpers/carried-phone.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { moderationScreen } from './helpers/moderation-screen.js'
import { waitFor } from './helpers/wait.js'

describe('moderation pushes reach every phone that needs them', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: Awaited<ReturnType<typeof moderationScreen>>

  beforeAll(async () => {
    data = await tempDataDir('moderation-push-gaps')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café mit Freigabe', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    facilitator = await moderationScreen(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.socket.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('tells a phone at the table choice (Socket.IO, no seat) the modes on connect', async () => {
    expect(await facilitator.send('station:moderation', { stationId: 'station-1', approval: true })).toEqual({ ok: true })
    const joined = await api<{ token: string }>(running.url, '/api/join', { method: 'POST', body: { code: cafe.joinCode } })
    const choosing = await moderationScreen(running.url, joined.body.token)
    try {
      expect(await waitFor(() => choosing.modes[0], 'the modes on connect')).toEqual({ all: false, stations: ['station-1'], collecting: [] })
      // Not seated: no table, so no own count.
      expect(choosing.own).toEqual([])
    } finally {
      choosing.socket.disconnect()
      expect(await facilitator.send('station:moderation', { stationId: 'station-1', approval: false })).toEqual({ ok: true })
    }
  })

  it('tells the author’s screens their held count after "Meine Beiträge löschen"', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    await anna.synced()
    const carried = await carriedPhone(running.url, eventId, 'arbeit', anna.token)
    const viaSocket = await moderationScreen(running.url, anna.token)
    try {
      await waitFor(() => carried.of('moderation:own')[0], 'the own count on connect')
      anna.put(anna.card({ id: 'forget-held-1', text: 'Annas verborgene Karte' }))
      await anna.saved()
      expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'forget-held-1', action: 'hide' })).toEqual({ ok: true })
      await waitFor(() => carried.of<ModerationOwnPush>('moderation:own').find((o) => o.held === 1), 'one held card')
      const before = { carried: carried.of('moderation:own').length, socket: viaSocket.own.length }

      const done = await api<{ removed: number }>(running.url, `/api/events/${eventId}/my-contributions`, { method: 'DELETE', token: anna.token })
      expect(done.status).toBe(200)
      const after = await waitFor(() => carried.of<ModerationOwnPush>('moderation:own').slice(before.carried).at(-1), 'a new count on the carried screen')
      expect(after).toEqual({ tableId: 'arbeit', held: 0 })
      expect(await waitFor(() => viaSocket.own.slice(before.socket).at(-1), 'a new count over Socket.IO')).toEqual({ tableId: 'arbeit', held: 0 })
    } finally {
      carried.close()
      viaSocket.socket.disconnect()
      anna.destroy()
    }
  })
})
