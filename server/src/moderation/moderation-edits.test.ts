import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
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

/** Sends an update on a board socket as it is, past the client's own doc (a hand-made client). */
function sendRaw(client: { provider: { ws: WebSocket | null } }, update: Uint8Array) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  client.provider.ws!.send(encoding.toUint8Array(encoder))
}

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

  it('a reword that loses to the server’s own write of the card (built on the card before it) waits for approval, or is collected, as any reword', async () => {
    const eventId = cafe.event.id
    for (const [mode, id] of [['approval', 'card-race-1'], ['collect', 'card-race-2']] as const) {
      const stationId = 'station-2'
      const modeOn = mode === 'approval' ? { approval: true } : { collect: true }
      // Approval: on from the start (the server writes the card onto the board as it approves it).
      if (mode === 'approval') expect(await facilitator.send('station:moderation', { stationId, ...modeOn })).toEqual({ ok: true })
      const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
      const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
      const held = connectDoc(running.url, (mode === 'approval' ? moderationDocName : collectDocName)(eventId, 'sprache'), cafe.facilitatorToken)
      try {
        await Promise.all([anna.synced(), bernd.synced(), held.synced()])
        // Anna's first write of the card, as her phone sent it. Collect: typed long ago, so the
        // server corrects its time on the board under its own client id.
        let first: Uint8Array | null = null
        anna.doc.once('update', (update: Uint8Array) => (first = update))
        anna.put(anna.card({ id, stationId, columnId: 'ziele', text: 'Harmlos', ...(mode === 'collect' ? { createdAt: 0 } : {}) }))
        await anna.saved()
        if (mode === 'approval') {
          await waitFor(() => readHeld(held.doc).find((h) => h.id === id), 'the card in the queue')
          expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: id, action: 'approve' })).toEqual({ ok: true })
        }
        const onBoard = await bernd.waitForCard(id)
        if (mode === 'collect') expect(await facilitator.send('station:moderation', { stationId, ...modeOn })).toEqual({ ok: true })
        // A second client of Anna's rewords the card on top of her first write, not of the server's:
        // its version loses to the server's, which stored it on the board itself, unheld.
        const stale = new Y.Doc()
        stale.clientID = 7 + Math.floor(Math.random() * 1000)
        Y.applyUpdate(stale, first!)
        const vector = Y.encodeStateVector(stale)
        stale.getMap('cards').set(id, { ...onBoard, text: `Ungeprüft ${mode}` })
        sendRaw(anna, Y.encodeStateAsUpdate(stale, vector))
        await waitFor(() => readHeld(held.doc).find((h) => h.id === id && h.card.text === `Ungeprüft ${mode}`), `the reword held (${mode})`)
        await waitFor(() => !bernd.cards().some((c) => c.id === id) || undefined, 'the card off Bernd’s board')
        await sleep(300)
        expect(holdsText(bernd.doc, `Ungeprüft ${mode}`)).toBe(false)
      } finally {
        for (const client of [anna, bernd, held]) client.destroy()
        await facilitator.send('station:moderation', { stationId, approval: false, collect: false })
      }
    }
  })
})
