import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, PERSON_NEW_RECORDS_PER_UPDATE_MAX, PERSON_UPDATE_STRUCTS_MAX, WriteRefusal, boardCloseCode, putCard } from '@tischrunde/shared'
import { aCard } from '../../fixtures/src/builders.js'
import { createEvent, join } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/**
 * A participant's write that can never be taken costs the server little: an update larger than one
 * person ever writes is closed before it is judged card by card, and the soft refusals that keep a
 * socket open (a closed station, a pace) are one budget per person, not one per socket.
 */
describe('writes no person sends', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('heavy-refusals')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café unter Beschuss', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  const manyCards = (authorId: string, count: number, prefix: string, stationId = 'station-1') =>
    Array.from({ length: count }, (_, i) => aCard({ id: `card-${prefix}-${String(i).padStart(5, '0')}`, stationId, columnId: stationId === 'station-1' ? 'laeuft-gut' : 'naeherkommen', authorId, text: `Karte ${i}`, position: i }))

  it.each([
    ['more new cards than anyone may hold', PERSON_NEW_RECORDS_PER_UPDATE_MAX + 1],
    ['more structs than one person writes (refused before Yjs decodes it)', PERSON_UPDATE_STRUCTS_MAX + 1],
  ])('closes a phone that sends %s in one update; nothing of it is stored', async (_label, count) => {
    const phone = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    const watcher = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    try {
      await Promise.all([phone.synced(), watcher.synced()])
      const cards = manyCards(phone.participantId, count, `bulk${count}`)
      phone.doc.transact(() => cards.forEach((card) => putCard(phone.doc, card)))
      await waitFor(() => phone.closeCodes.length > 0 || undefined, 'the socket to close')
      expect(phone.closeCodes[0]).toBe(boardCloseCode(WriteRefusal.TOO_MANY_AT_ONCE))
      // A card the watcher writes after it arrives; none of the bulk did.
      const after = watcher.card({ id: 'card-after-bulk-' + count, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Danach' })
      watcher.put(after)
      await watcher.saved()
      const fresh = connectBoard(running.url, cafe.event.id, 'sprache', (await join(running.url, cafe.joinCode)).token)
      await fresh.synced()
      await fresh.waitForCard(after.id)
      expect(fresh.cards().filter((c) => c.id.startsWith(`card-bulk${count}-`))).toHaveLength(0)
      fresh.destroy()
    } finally {
      phone.destroy()
      watcher.destroy()
    }
  })

  it('lets a facilitator add more at once (a prepared board)', async () => {
    const console_ = connectBoard(running.url, cafe.event.id, 'sprache', cafe.facilitatorToken)
    try {
      await console_.synced()
      const cards = manyCards('facilitator', PERSON_NEW_RECORDS_PER_UPDATE_MAX + 20, 'prepared')
      console_.doc.transact(() => cards.forEach((card) => putCard(console_.doc, card)))
      await console_.saved(10_000)
      expect(console_.closeCodes).toEqual([])
    } finally {
      console_.destroy()
    }
  })

  it('gives a person five soft refusals in all, whatever number of sockets they open', async () => {
    const { token, participantId } = await join(running.url, cafe.joinCode)
    const sockets = [connectBoard(running.url, cafe.event.id, 'sprache', token), connectBoard(running.url, cafe.event.id, 'sprache', token)]
    try {
      await Promise.all(sockets.map((s) => s.synced()))
      // Cards for station 3, not open yet: taken back, the texts told, the socket stays open.
      const closed = manyCards(participantId, 6, 'closed', 'station-3')
      for (const [i, card] of closed.slice(0, 5).entries()) {
        const socket = sockets[i % 2]!
        socket.put(card)
        await waitFor(() => socket.refusedTexts.includes(card.text) || undefined, `refusal ${i + 1}`)
      }
      expect(sockets.flatMap((s) => s.closeCodes)).toEqual([])
      // The sixth, on the socket that had two: the person's budget is spent.
      sockets[1]!.put(closed[5]!)
      await waitFor(() => sockets[1]!.closeCodes.length > 0 || undefined, 'the socket to be cut off')
      expect(sockets[1]!.closeCodes[0]).toBe(boardCloseCode(WriteRefusal.TOO_FAST))
    } finally {
      sockets.forEach((s) => s.destroy())
    }
  })
})
