import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, type RoundMessage, WIRE_VERSION, deleteCard, editCard } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor, within } from './helpers/wait.js'
import { controlSocket } from './faults/fault-kit.js'

/**
 * A phone that was offline for a long stretch ("five minutes" are simulated by how far the server's
 * state moves on meanwhile — other phones write and delete, the facilitator moves to the next
 * station, pauses and extends — not by waiting): real y-websocket and Socket.IO clients.
 */
describe('a phone coming back after a long time offline', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const clients: BoardClient[] = []

  beforeAll(async () => {
    data = await tempDataDir('reconnect')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Funkloch', tableNames: ['Arbeitsmarktintegration'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await running?.close()
    await data?.remove()
  })

  it('merges its offline edits, keeps cards deleted by others deleted, and gets the current round and timer', async () => {
    const table = cafe.event.tables[0]!.id
    const anna = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    const ben = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    const moderation = connectBoard(running.url, cafe.event.id, table, cafe.facilitatorToken)
    clients.push(anna, ben, moderation)
    await Promise.all([anna.synced(), ben.synced(), moderation.synced()])
    const annaScreen = controlSocket(running.url, { token: anna.token, wire: WIRE_VERSION })
    const console_ = controlSocket(running.url, { token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await Promise.all([annaScreen.ready, console_.ready])

    anna.put(anna.card({ id: 'anna-card-1', text: 'Annas erste Fassung', position: 1 }))
    ben.put(ben.card({ id: 'ben-card-01', text: 'Ben eins', position: 2 }))
    ben.put(ben.card({ id: 'ben-card-02', text: 'Ben zwei', position: 3 }))
    await Promise.all([anna.saved(), ben.saved()])
    await anna.waitForCard('ben-card-02')

    // Anna's phone loses the network.
    anna.provider.disconnect()
    annaScreen.socket.disconnect()

    // Offline, Anna edits her card and writes two more.
    editCard(anna.doc, 'anna-card-1', { text: 'Annas zweite Fassung' })
    anna.put(anna.card({ id: 'anna-card-2', text: 'Offline geschrieben', position: 4 }))
    anna.put(anna.card({ id: 'anna-card-3', text: 'Noch eine offline', position: 5 }))

    // Meanwhile the room moves on: Ben deletes a card, the facilitator deletes another, Ben writes
    // ten more, and the facilitator goes to Station 2, pauses and adds five minutes.
    deleteCard(ben.doc, 'ben-card-01')
    await moderation.waitForCard('ben-card-02')
    deleteCard(moderation.doc, 'ben-card-02')
    for (let i = 0; i < 10; i++) ben.put(ben.card({ id: `ben-later-${i}`, text: `Später ${i}`, position: 10 + i }))
    await Promise.all([ben.saved(), waitFor(() => moderation.cards().length === 11, 'the facilitator to see the board move on')])
    const command = async (name: string, payload: unknown) => {
      const ack = (await within(console_.socket.emitWithAck(name, payload) as Promise<Ack>, name)) as Ack
      expect(ack).toEqual({ ok: true })
    }
    const version = () => console_.rounds.at(-1)!.round.version
    await command('round:advance', { expectedVersion: version() })
    await waitFor(() => console_.rounds.at(-1)!.round.stationIndex === 1, 'Station 2')
    await command('round:pause', { expectedVersion: version() })
    await waitFor(() => console_.rounds.at(-1)!.round.paused, 'the pause')
    const pausedVersion = version()
    await command('timer:extend', { expectedVersion: pausedVersion, minutes: 5 })
    const expectedRound = await waitFor(() => console_.rounds.find((m) => m.round.version > pausedVersion)?.round, 'the extension')

    // Back online.
    const roundsBefore = annaScreen.rounds.length
    annaScreen.socket.connect()
    anna.provider.connect()
    await anna.synced()
    await anna.saved()
    const resynced: RoundMessage = await waitFor(() => annaScreen.rounds.slice(roundsBefore).at(-1), 'round:state after reconnecting')

    // The server places new cards below those already there: the offline ones arrive last.
    const expected = ['Annas zweite Fassung', ...Array.from({ length: 10 }, (_, i) => `Später ${i}`), 'Offline geschrieben', 'Noch eine offline']
    const reader = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    clients.push(reader)
    await reader.synced()
    expect(anna.refusals).toEqual([])
    expect(anna.cards().map((c) => c.text)).toEqual(expected)
    expect(reader.cards().map((c) => c.text)).toEqual(expected)
    expect(ben.cards().map((c) => c.text)).toEqual(expected)
    expect(resynced.round).toEqual(expectedRound)
    annaScreen.socket.disconnect()
    console_.socket.disconnect()
  })
})
