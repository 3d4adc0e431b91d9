import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, collectDocName, moderationDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { createEvent, tokenOfLink } from '../../test/helpers/api.js'
import { connectBoard, connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { moderationScreen } from '../../test/helpers/moderation-screen.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { sleep, waitFor } from '../../test/helpers/wait.js'

/** Whether a text is anywhere in a doc's encoded state (what a device would keep of it). */
const holdsText = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'))

describe('a card changed on the board passes the moderation as a new one would', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: Awaited<ReturnType<typeof moderationScreen>>

  beforeAll(async () => {
    data = await tempDataDir('moderation-edits')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Moderation bei Änderungen', tableNames: ['Sprache'] })
    // Station 2 runs; Station 1 stays writable.
    await advanceRounds(running.url, cafe.facilitatorToken, 2)
    facilitator = await moderationScreen(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.socket.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('a card moved from an open station into one that collects is collected: no other phone sees it before the reveal', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: 'station-2', collect: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const projector = connectBoard(running.url, eventId, 'sprache', tokenOfLink(cafe.links.projector))
    const collection = connectDoc(running.url, collectDocName(eventId, 'sprache'), cafe.facilitatorToken)
    try {
      await Promise.all([anna.synced(), bernd.synced(), projector.synced(), collection.synced()])
      const card = anna.card({ id: 'card-move-1', stationId: 'station-1', columnId: 'laeuft-gut', text: 'Harmlos an Station 1' })
      anna.put(card)
      await anna.saved()
      await bernd.waitForCard('card-move-1')
      anna.put({ ...card, stationId: 'station-2', columnId: 'ziele', text: 'Geheim vor der Enthüllung' })
      await anna.saved()
      await waitFor(() => readHeld(collection.doc).find((h) => h.id === 'card-move-1' && h.card.text === 'Geheim vor der Enthüllung'), 'the moved card in the collection')
      await waitFor(() => !projector.cards().some((c) => c.id === 'card-move-1') || undefined, 'the card to leave the projector’s board')
      await sleep(200)
      for (const client of [bernd, projector]) expect(holdsText(client.doc, 'Geheim vor der Enthüllung')).toBe(false)
      expect(anna.refusals).toEqual([])

      expect(await facilitator.send('station:reveal', { stationId: 'station-2' })).toEqual({ ok: true })
      expect((await bernd.waitForCard('card-move-1')).text).toBe('Geheim vor der Enthüllung')
    } finally {
      for (const client of [anna, bernd, projector, collection]) client.destroy()
      await facilitator.send('station:moderation', { stationId: 'station-2', collect: false })
    }
  })

  it('an approved card its author rewords waits for approval again; moving or marks alone do not', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const queue = connectDoc(running.url, moderationDocName(eventId, 'sprache'), cafe.facilitatorToken)
    try {
      await Promise.all([anna.synced(), bernd.synced(), annaOwn.synced(), queue.synced()])
      const card = anna.card({ id: 'card-swap-1', stationId: 'station-2', columnId: 'ziele', text: 'Harmloser Text zur Freigabe' })
      anna.put(card)
      await anna.saved()
      await waitFor(() => readHeld(queue.doc).find((h) => h.id === 'card-swap-1'), 'the card in the queue')
      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-swap-1', action: 'approve' })).toEqual({ ok: true })
      const approved = await bernd.waitForCard('card-swap-1')

      // Moved within its station (another column, another place): stays on the board.
      anna.put({ ...approved, columnId: 'leisten', position: 5 })
      await anna.saved()
      await waitFor(() => bernd.cards().find((c) => c.id === 'card-swap-1' && c.columnId === 'leisten'), 'the moved card on Bernd’s board')

      anna.put({ ...approved, columnId: 'leisten', position: 5, text: 'Nicht freigegebener Text' })
      await anna.saved()
      await waitFor(() => readHeld(queue.doc).find((h) => h.id === 'card-swap-1' && h.status === 'pending' && h.card.text === 'Nicht freigegebener Text'), 'the reworded card back in the queue')
      await waitFor(() => readHeld(annaOwn.doc).find((h) => h.id === 'card-swap-1' && h.status === 'pending'), 'Anna’s phone: waiting for approval again')
      await waitFor(() => !bernd.cards().some((c) => c.id === 'card-swap-1') || undefined, 'the card off Bernd’s board until approved')
      await sleep(200)
      expect(holdsText(bernd.doc, 'Nicht freigegebener Text')).toBe(false)

      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-swap-1', action: 'approve' })).toEqual({ ok: true })
      await waitFor(() => bernd.cards().find((c) => c.id === 'card-swap-1' && c.text === 'Nicht freigegebener Text'), 'the approved new wording on Bernd’s board')
    } finally {
      for (const client of [anna, bernd, annaOwn, queue]) client.destroy()
      await facilitator.send('station:moderation', { stationId: null, approval: false })
    }
  })
})
