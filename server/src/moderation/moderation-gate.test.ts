import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type ModerationModesPush, type ModerationOwnPush } from '@tischrunde/shared'
import { createEvent } from '../../test/helpers/api.js'
import { connectPhone } from '../../test/helpers/board-client.js'
import { carriedPhone } from '../../test/helpers/carried-phone.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { moderationScreen } from '../../test/helpers/moderation-screen.js'
import { waitFor } from '../../test/helpers/wait.js'

describe('phones are told whether moderation matters to them', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: Awaited<ReturnType<typeof moderationScreen>>

  beforeAll(async () => {
    data = await tempDataDir('moderation-gate')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café mit Moderation nach Bedarf', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    facilitator = await moderationScreen(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.socket.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('pushes the modes to carried and Socket.IO screens, on connect and when the console switches them', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    await anna.synced()
    const carried = await carriedPhone(running.url, eventId, 'sprache', anna.token)
    const viaSocket = await moderationScreen(running.url, anna.token)
    try {
      // Seated: nothing in use, nothing held.
      expect(await waitFor(() => carried.of<ModerationModesPush>('moderation:modes')[0], 'the modes on connect')).toEqual({ all: false, stations: [], collecting: [] })
      expect(await waitFor(() => carried.of<ModerationOwnPush>('moderation:own')[0], 'the own count on connect')).toEqual({ tableId: 'sprache', held: 0 })

      expect(await facilitator.send('station:moderation', { stationId: 'station-1', approval: true })).toEqual({ ok: true })
      for (const list of [() => carried.of<ModerationModesPush>('moderation:modes'), () => viaSocket.modes]) {
        await waitFor(() => list().find((m) => m.stations.includes('station-1')), 'approval at station 1')
      }
      expect(await facilitator.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
      await waitFor(() => carried.of<ModerationModesPush>('moderation:modes').find((m) => m.all), 'approval for the whole event')
      await waitFor(() => viaSocket.modes.find((m) => m.all), 'approval for the whole event over Socket.IO')
      expect(await facilitator.send('station:moderation', { stationId: null, approval: false })).toEqual({ ok: true })
      expect(await facilitator.send('station:moderation', { stationId: 'station-1', approval: false, collect: true })).toEqual({ ok: true })
      await waitFor(() => viaSocket.modes.at(-1)?.all === false && viaSocket.modes.at(-1)?.collecting.includes('station-1') ? true : undefined, 'collect at station 1')
      expect(await facilitator.send('station:moderation', { stationId: 'station-1', collect: false })).toEqual({ ok: true })
      await waitFor(() => (carried.of<ModerationModesPush>('moderation:modes').at(-1)?.stations.length === 0 ? true : undefined), 'nothing in use again')
      expect(carried.of<ModerationModesPush>('moderation:modes').at(-1)).toEqual({ all: false, stations: [], collecting: [] })
      // The console is told nothing of it (it opens the docs itself).
      expect(facilitator.modes).toEqual([])
    } finally {
      carried.close()
      viaSocket.socket.disconnect()
      anna.destroy()
    }
  })

  it('tells the author alone how many of their cards are held when one is hidden and restored', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    await Promise.all([anna.synced(), bernd.synced()])
    const annaCarried = await carriedPhone(running.url, eventId, 'arbeit', anna.token)
    const berndCarried = await carriedPhone(running.url, eventId, 'arbeit', bernd.token)
    const annaSocket = await moderationScreen(running.url, anna.token)
    try {
      await waitFor(() => annaCarried.of('moderation:own')[0], 'the own count on connect')
      anna.put(anna.card({ id: 'gate-hide-1', text: 'Telefonnummer von Frau M.' }))
      await anna.saved()
      expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'gate-hide-1', action: 'hide' })).toEqual({ ok: true })
      await waitFor(() => annaCarried.of<ModerationOwnPush>('moderation:own').find((o) => o.held === 1), 'one held card on the carried screen')
      await waitFor(() => annaSocket.own.find((o) => o.held === 1 && o.tableId === 'arbeit'), 'one held card over Socket.IO')
      // A phone that connects now is told on connect.
      const again = await carriedPhone(running.url, eventId, 'arbeit', anna.token)
      expect(await waitFor(() => again.of<ModerationOwnPush>('moderation:own')[0], 'the own count on connect')).toEqual({ tableId: 'arbeit', held: 1 })
      again.close()

      expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'gate-hide-1', action: 'restore' })).toEqual({ ok: true })
      await waitFor(() => (annaCarried.of<ModerationOwnPush>('moderation:own').at(-1)?.held === 0 ? true : undefined), 'nothing held after the restore')
      // Bernd's phone never heard of Anna's card.
      expect(berndCarried.of<ModerationOwnPush>('moderation:own')).toEqual([{ tableId: 'arbeit', held: 0 }])
    } finally {
      for (const c of [annaCarried, berndCarried]) c.close()
      annaSocket.socket.disconnect()
      anna.destroy()
      bernd.destroy()
    }
  })
})
