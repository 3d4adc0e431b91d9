import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, MODSTATE_COUNTS, collectDocName, countKey, modstateDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { createEvent, tokenOfLink } from '../../test/helpers/api.js'
import { connectBoard, connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { moderationScreen } from '../../test/helpers/moderation-screen.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { sleep, waitFor } from '../../test/helpers/wait.js'

/** Whether a text is anywhere in a doc's encoded state (what a device would keep of it). */
const holdsText = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'))

describe('collect, then reveal: the facilitator hides a collected card before anyone sees it', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: Awaited<ReturnType<typeof moderationScreen>>

  beforeAll(async () => {
    data = await tempDataDir('moderation-collect-hide')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Gesammelt wird zuerst', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    facilitator = await moderationScreen(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.socket.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('reads the collection, hides a card out of it (its author is told, the reveal leaves it out) and restores another into it', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: 'station-1', collect: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const projector = connectBoard(running.url, eventId, 'sprache', tokenOfLink(cafe.links.projector))
    const collection = connectDoc(running.url, collectDocName(eventId, 'sprache'), cafe.facilitatorToken)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const state = connectDoc(running.url, modstateDocName(eventId), bernd.token)
    try {
      await Promise.all([anna.synced(), bernd.synced(), projector.synced(), collection.synced(), annaOwn.synced(), state.synced()])
      anna.put(anna.card({ id: 'card-insult', text: 'Der Kollege vom Amt ist unfähig' }))
      bernd.put(bernd.card({ id: 'card-fair-1', text: 'Mehr Sprachkurse am Abend' }))
      await Promise.all([anna.saved(), bernd.saved()])
      // The facilitator's console reads what is collected, before the reveal.
      await waitFor(() => readHeld(collection.doc).length === 2, 'both cards in the collection the console reads')

      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-insult', action: 'hide' })).toEqual({ ok: true })
      await waitFor(() => readHeld(annaOwn.doc).find((h) => h.id === 'card-insult' && h.status === 'hidden'), 'Anna’s phone told her card is hidden')
      await waitFor(() => state.doc.getMap(MODSTATE_COUNTS).get(countKey('sprache', 'station-1')) === 1, 'the public count down to one')
      expect(readHeld(collection.doc).map((h) => h.id)).toEqual(['card-fair-1'])

      // Hidden and restored before the reveal: back into the collection, not onto the board.
      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-fair-1', action: 'hide' })).toEqual({ ok: true })
      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-fair-1', action: 'restore' })).toEqual({ ok: true })
      await waitFor(() => readHeld(collection.doc).find((h) => h.id === 'card-fair-1' && h.status === 'collected'), 'the restored card collected again')
      await sleep(200)
      expect(projector.cards().map((c) => c.id)).toEqual([])

      expect(await facilitator.send('station:reveal', { stationId: 'station-1' })).toEqual({ ok: true })
      await projector.waitForCard('card-fair-1', 1000)
      await bernd.waitForCard('card-fair-1', 1000)
      await sleep(200)
      for (const client of [bernd, projector]) {
        expect(client.cards().map((c) => c.id)).toEqual(['card-fair-1'])
        expect(holdsText(client.doc, 'Der Kollege vom Amt ist unfähig')).toBe(false)
      }
      expect(readHeld(annaOwn.doc).map((h) => [h.id, h.status])).toEqual([['card-insult', 'hidden']])
    } finally {
      for (const client of [anna, bernd, projector, collection, annaOwn, state]) client.destroy()
      await facilitator.send('station:moderation', { stationId: 'station-1', collect: false })
    }
  })
})
