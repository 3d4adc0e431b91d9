import { type Socket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { aCard } from '@tischrunde/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, type CredentialInfo, HELD_ROOT, boardDocName, MODSTATE_COUNTS, WIRE_VERSION, collectDocName, countKey, moderationDocName, modstateDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { api, createEvent, join, tokenOfLink } from '../../test/helpers/api.js'
import { connectBoard, connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { sleep, waitFor, within } from '../../test/helpers/wait.js'
import { encodeSyncStep1 } from '../boards/sync-messages.js'

/** A control-plane socket as a console or host device opens it. */
async function control(url: string, token: string) {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  await within(new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))), 'control socket')
  return { socket, send: (name: string, payload: unknown) => within(socket.emitWithAck(name, payload) as Promise<Ack>, `ack of ${name}`) }
}

/** Opens a raw doc socket: the HTTP answer and how many messages arrive. */
function tryUpgrade(url: string, docName: string, token: string): Promise<{ status: number | undefined; messages: number }> {
  return new Promise((resolve) => {
    const outcome = { status: undefined as number | undefined, messages: 0 }
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    const done = () => setTimeout(() => (ws.terminate(), resolve(outcome)), 300)
    ws.on('unexpected-response', (req, res) => {
      outcome.status = res.statusCode
      res.resume()
      req.destroy()
      done()
    })
    ws.on('message', () => outcome.messages++)
    ws.on('open', done)
    ws.on('error', () => {})
  })
}

/**
 * A raw socket on a doc that records every byte the server sends it (broadcast updates, and the
 * full state it asks for with `askState`), as a phone's network tab would see them.
 */
function wireTap(url: string, docName: string, token: string) {
  const frames: Buffer[] = []
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
  const opened = new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)))
  return {
    opened,
    askState: () => ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))),
    heard: (text: string) => frames.some((f) => f.includes(Buffer.from(text, 'utf8'))),
    frames,
    close: () => ws.terminate(),
  }
}

/** Whether a text is anywhere in a doc's encoded state (what a device would keep of it). */
const holdsText = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'))

describe('moderation: hidden, waiting and collected cards never reach those who may not see them', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: Awaited<ReturnType<typeof control>>

  beforeAll(async () => {
    data = await tempDataDir('moderation')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Moderiertes Café', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    facilitator = await control(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.socket.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('hides a card from every phone and the projector, shows it to the table host, and restores it', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const projector = connectBoard(running.url, eventId, 'sprache', tokenOfLink(cafe.links.projector))
    const hostToken = tokenOfLink(cafe.links.hosts.sprache!)
    const otherHost = await control(running.url, tokenOfLink(cafe.links.hosts.arbeit!))
    try {
      await Promise.all([anna.synced(), bernd.synced(), projector.synced()])
      const text = 'Name und Adresse von Frau K. aus der Unterkunft'
      anna.put(anna.card({ id: 'card-hide-1', text }))
      await anna.saved()
      await bernd.waitForCard('card-hide-1')
      await projector.waitForCard('card-hide-1')

      // Neither a participant nor another table's host may hide it.
      const asAnna = await control(running.url, anna.token)
      expect(await asAnna.send('card:moderate', { tableId: 'sprache', cardId: 'card-hide-1', action: 'hide' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      asAnna.socket.disconnect()
      expect(await otherHost.send('card:moderate', { tableId: 'sprache', cardId: 'card-hide-1', action: 'hide' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-hide-1', action: 'hide' })).toEqual({ ok: true })
      for (const client of [anna, bernd, projector]) {
        await waitFor(() => !client.cards().some((c) => c.id === 'card-hide-1'), 'the hidden card to leave')
        expect(holdsText(client.doc, text)).toBe(false)
      }
      // A phone that connects now gets no trace of it either, not one byte on the wire.
      const late = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
      await late.synced()
      expect(holdsText(late.doc, text)).toBe(false)
      const tap = wireTap(running.url, boardDocName(eventId, 'sprache'), late.token)
      await tap.opened
      tap.askState()
      await waitFor(() => tap.frames.length >= 3, 'the full state on the tap')
      expect(tap.heard('Unterkunft')).toBe(false)
      tap.close()
      late.destroy()

      // The table's host sees it, marked as hidden; participants and the projector cannot open that doc at all.
      const host = connectDoc(running.url, moderationDocName(eventId, 'sprache'), hostToken)
      await host.synced()
      await waitFor(() => readHeld(host.doc).find((h) => h.id === 'card-hide-1'), 'the hidden card in the moderation doc')
      expect(readHeld(host.doc)[0]).toMatchObject({ status: 'hidden', card: { text } })
      expect(await tryUpgrade(running.url, moderationDocName(eventId, 'sprache'), bernd.token)).toEqual({ status: 403, messages: 0 })
      expect(await tryUpgrade(running.url, moderationDocName(eventId, 'sprache'), tokenOfLink(cafe.links.projector))).toEqual({ status: 403, messages: 0 })
      expect(await tryUpgrade(running.url, moderationDocName(eventId, 'sprache'), tokenOfLink(cafe.links.hosts.arbeit!))).toEqual({ status: 403, messages: 0 })

      // The results leave it out; the facilitator's own list of held cards names it, marked.
      const download = (path: string, token: string) => fetch(`${running.url}/api/events/${eventId}${path}`, { headers: { authorization: `Bearer ${token}` } })
      const results = await download('/export?format=csv', cafe.facilitatorToken)
      expect(results.status).toBe(200)
      expect(await results.text()).not.toContain(text)
      const heldList = await download('/moderation/held.csv', cafe.facilitatorToken)
      expect(heldList.status).toBe(200)
      expect(heldList.headers.get('content-disposition')).toContain('Zurueckgehaltene-Karten')
      const heldRows = (await heldList.text()).split('\r\n')
      expect(heldRows[0]).toBe('Thementisch;Station;Spalte;Status;Seit;Text;Darin zusammengeführt')
      expect(heldRows.find((row) => row.includes(text))).toMatch(/^Sprache;Station 1;Was läuft gut\?;Ausgeblendet;/)
      for (const other of [bernd.token, tokenOfLink(cafe.links.projector), hostToken]) expect((await download('/moderation/held.csv', other)).status).toBe(403)
      expect((await download('/moderation/held.csv', 'kein-gueltiger-link')).status).toBe(401)

      // The host restores it: back on every board.
      const hostControl = await control(running.url, hostToken)
      expect(await hostControl.send('card:moderate', { tableId: 'sprache', cardId: 'card-hide-1', action: 'restore' })).toEqual({ ok: true })
      hostControl.socket.disconnect()
      expect((await bernd.waitForCard('card-hide-1')).text).toBe(text)
      await projector.waitForCard('card-hide-1')
      await waitFor(() => readHeld(host.doc).length === 0, 'the moderation doc to empty')
      host.destroy()
    } finally {
      otherHost.socket.disconnect()
      for (const client of [anna, bernd, projector]) client.destroy()
    }
  })

  it('refuses every client write to the moderation docs: a participant cannot forge a hide, an approval or a reveal', async () => {
    const eventId = cafe.event.id
    const anna = await join(running.url, cafe.joinCode)
    // Their own doc and the public state they may read, but a write closes the socket and changes nothing.
    for (const name of [ownDocName(eventId, 'sprache', anna.participantId), modstateDocName(eventId)]) {
      const reader = connectDoc(running.url, name, anna.token)
      try {
        await reader.synced()
        reader.doc.getMap(name.startsWith('own') ? HELD_ROOT : 'stations').set('station-1', { stationId: 'station-1', approval: false, collect: false, revealedAt: 1 })
        await waitFor(() => reader.closeCodes.length > 0, `the server to close the writer of ${name}`)
      } finally {
        reader.destroy()
      }
    }
    const check = connectDoc(running.url, modstateDocName(eventId), cafe.facilitatorToken)
    await check.synced()
    expect(check.doc.getMap('stations').get('station-1')).toBeUndefined()
    check.destroy()
    // Nobody else's own cards, and no collection.
    const bernd = await join(running.url, cafe.joinCode)
    expect(await tryUpgrade(running.url, ownDocName(eventId, 'sprache', anna.participantId), bernd.token)).toEqual({ status: 403, messages: 0 })
    expect(await tryUpgrade(running.url, collectDocName(eventId, 'sprache'), bernd.token)).toEqual({ status: 403, messages: 0 })
    expect(await tryUpgrade(running.url, collectDocName(eventId, 'sprache'), tokenOfLink(cafe.links.hosts.sprache!))).toEqual({ status: 403, messages: 0 })
    const asBernd = await control(running.url, bernd.token)
    expect(await asBernd.send('station:reveal', { stationId: 'station-1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await asBernd.send('station:moderation', { stationId: 'station-1', collect: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await asBernd.send('card:moderate', { tableId: 'sprache', cardId: 'card-any-1', action: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A malformed command is refused with a code, not an exception: from a participant, who may not send it at all, before its message is read.
    expect(await asBernd.send('card:moderate', { tableId: 'sprache', cardId: 'x', action: 'explode' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    asBernd.socket.disconnect()
  })

  it('collects a station: each phone sees only its own card and the count, until the reveal shows all at once', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: 'station-1', collect: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    const projector = connectBoard(running.url, eventId, 'arbeit', tokenOfLink(cafe.links.projector))
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'arbeit', anna.participantId), anna.token)
    const state = connectDoc(running.url, modstateDocName(eventId), bernd.token)
    const tap = wireTap(running.url, boardDocName(eventId, 'arbeit'), bernd.token)
    try {
      await Promise.all([anna.synced(), bernd.synced(), projector.synced(), annaOwn.synced(), state.synced(), tap.opened])
      anna.put(anna.card({ id: 'card-coll-1', text: 'Sprachkurse mit Kinderbetreuung' }))
      bernd.put(bernd.card({ id: 'card-coll-2', text: 'Patenschaften für Ausbildung' }))
      await Promise.all([anna.saved(), bernd.saved()])
      await waitFor(() => readHeld(annaOwn.doc).find((h) => h.id === 'card-coll-1'), 'Anna’s collected card in her own doc')
      expect(readHeld(annaOwn.doc).map((h) => [h.id, h.status])).toEqual([['card-coll-1', 'collected']])
      await waitFor(() => state.doc.getMap(MODSTATE_COUNTS).get(countKey('arbeit', 'station-1')) === 2, 'the count of collected cards')
      await sleep(200)
      for (const client of [anna, bernd, projector]) {
        expect(client.cards().filter((c) => c.id.startsWith('card-coll'))).toEqual([])
        expect(holdsText(client.doc, 'Sprachkurse mit Kinderbetreuung')).toBe(false)
        expect(holdsText(client.doc, 'Patenschaften für Ausbildung')).toBe(false)
      }
      expect(holdsText(state.doc, 'Sprachkurse')).toBe(false)
      // Not one byte of it went over the wire to another phone, neither as a live update nor in a full sync.
      tap.askState()
      await waitFor(() => tap.frames.length >= 4, 'the full state on the tap')
      await sleep(100)
      expect(tap.heard('Sprachkurse mit Kinderbetreuung')).toBe(false)
      expect(tap.heard('Patenschaften für Ausbildung')).toBe(false)

      expect(await facilitator.send('station:reveal', { stationId: 'station-1' })).toEqual({ ok: true })
      for (const client of [anna, bernd, projector]) {
        await client.waitForCard('card-coll-1', 1000)
        await client.waitForCard('card-coll-2', 1000)
      }
      await waitFor(() => tap.heard('Sprachkurse mit Kinderbetreuung'), 'the revealed text on the wire')
      await waitFor(() => readHeld(annaOwn.doc).length === 0, 'Anna’s own doc to empty after the reveal')
      // After the reveal new cards go straight to the board.
      anna.put(anna.card({ id: 'card-coll-3', text: 'Nach dem Aufdecken' }))
      await bernd.waitForCard('card-coll-3')
    } finally {
      tap.close()
      for (const client of [anna, bernd, projector, annaOwn, state]) client.destroy()
      await facilitator.send('station:moderation', { stationId: 'station-1', collect: false })
    }
  })

  it('holds cards for approval: the host sees the queue, approved cards appear, refused ones stay with their author', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const hostToken = tokenOfLink(cafe.links.hosts.sprache!)
    const queue = connectDoc(running.url, moderationDocName(eventId, 'sprache'), hostToken)
    const host = await control(running.url, hostToken)
    try {
      await Promise.all([anna.synced(), bernd.synced(), annaOwn.synced(), queue.synced()])
      anna.put(anna.card({ id: 'card-appr-1', text: 'Mehr Beratung im Stadtteil' }))
      anna.put(anna.card({ id: 'card-appr-2', text: 'Ein Satz, der nicht passt' }))
      await anna.saved()
      const tap = wireTap(running.url, boardDocName(eventId, 'sprache'), bernd.token)
      await tap.opened
      await waitFor(() => readHeld(queue.doc).filter((h) => h.status === 'pending').length === 2, 'both cards in the queue')
      tap.askState()
      await waitFor(() => tap.frames.length >= 3, 'the full state on the tap')
      await sleep(100)
      expect(tap.heard('Mehr Beratung')).toBe(false)
      tap.close()
      await waitFor(() => readHeld(annaOwn.doc).length === 2, 'both cards waiting on Anna’s phone')
      expect(holdsText(bernd.doc, 'Mehr Beratung')).toBe(false)

      expect(await host.send('card:moderate', { tableId: 'sprache', cardId: 'card-appr-1', action: 'approve' })).toEqual({ ok: true })
      expect(await host.send('card:moderate', { tableId: 'sprache', cardId: 'card-appr-2', action: 'refuse' })).toEqual({ ok: true })
      await bernd.waitForCard('card-appr-1')
      await waitFor(() => readHeld(annaOwn.doc).map((h) => `${h.id}:${h.status}`).join() === 'card-appr-2:refused', 'the refused card with its author')
      expect(holdsText(bernd.doc, 'Ein Satz, der nicht passt')).toBe(false)
      expect(readHeld(queue.doc)).toEqual([])
      // Approving twice (the phone sent it again after a lost answer) is answered as done, and changes nothing.
      expect(await host.send('card:moderate', { tableId: 'sprache', cardId: 'card-appr-1', action: 'approve' })).toEqual({ ok: true })
      expect(readHeld(queue.doc)).toEqual([])
      // Approving a refused card finds nothing to approve.
      expect(await host.send('card:moderate', { tableId: 'sprache', cardId: 'card-appr-2', action: 'approve' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    } finally {
      host.socket.disconnect()
      for (const client of [anna, bernd, annaOwn, queue]) client.destroy()
      await facilitator.send('station:moderation', { stationId: null, approval: false })
    }
  })

  it('keeps an author’s correction of a card that waits for approval: the approved card carries it', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const queue = connectDoc(running.url, moderationDocName(eventId, 'sprache'), tokenOfLink(cafe.links.hosts.sprache!))
    try {
      await Promise.all([anna.synced(), bernd.synced(), annaOwn.synced(), queue.synced()])
      const card = anna.card({ id: 'card-typo-1', text: 'Tippfehlr' })
      // Sent, and corrected before the phone heard that it waits: both are told "gespeichert".
      anna.put(card)
      anna.put({ ...card, text: 'Tippfehler korrigiert' })
      await anna.saved()
      expect(anna.refusals).toEqual([])
      await waitFor(() => readHeld(queue.doc).find((h) => h.id === 'card-typo-1' && h.card.text === 'Tippfehler korrigiert'), 'the correction in the queue')
      await waitFor(() => readHeld(annaOwn.doc).find((h) => h.id === 'card-typo-1' && h.card.text === 'Tippfehler korrigiert'), 'the correction on Anna’s phone')
      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-typo-1', action: 'approve' })).toEqual({ ok: true })
      expect((await bernd.waitForCard('card-typo-1')).text).toBe('Tippfehler korrigiert')
    } finally {
      for (const client of [anna, bernd, annaOwn, queue]) client.destroy()
      await facilitator.send('station:moderation', { stationId: null, approval: false })
    }
  })

  it('collects and approves at one station: at the reveal a participant’s collected card goes to the approval queue, not the board; the host’s goes to the board', async () => {
    const eventId = cafe.event.id
    expect(await facilitator.send('station:moderation', { stationId: 'station-1', collect: true, approval: true })).toEqual({ ok: true })
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const hostToken = tokenOfLink(cafe.links.hosts.sprache!)
    const hostId = (await api<CredentialInfo>(running.url, '/api/credential', { token: hostToken })).body.participantId!
    const hostBoard = connectBoard(running.url, eventId, 'sprache', hostToken)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const queue = connectDoc(running.url, moderationDocName(eventId, 'sprache'), hostToken)
    try {
      await Promise.all([anna.synced(), bernd.synced(), hostBoard.synced(), annaOwn.synced(), queue.synced()])
      anna.put(anna.card({ id: 'card-both-1', text: 'Ungeprüft gesammelt' }))
      hostBoard.put(aCard({ id: 'card-both-2', authorId: hostId, text: 'Vom Tisch notiert' }))
      await Promise.all([anna.saved(), hostBoard.saved()])
      await waitFor(() => readHeld(annaOwn.doc).find((h) => h.id === 'card-both-1' && h.status === 'collected'), 'Anna’s card collected')

      expect(await facilitator.send('station:reveal', { stationId: 'station-1' })).toEqual({ ok: true })
      // The host's card shows for everyone; Anna's waits for approval and reaches no other phone.
      await bernd.waitForCard('card-both-2', 2000)
      await waitFor(() => readHeld(queue.doc).find((h) => h.id === 'card-both-1' && h.status === 'pending'), 'Anna’s card in the approval queue')
      await waitFor(() => readHeld(annaOwn.doc).map((h) => `${h.id}:${h.status}`).join() === 'card-both-1:pending', 'Anna’s phone: waiting for approval')
      await sleep(200)
      expect(holdsText(bernd.doc, 'Ungeprüft gesammelt')).toBe(false)
      expect(readHeld(queue.doc).map((h) => h.id)).toEqual(['card-both-1'])

      // Approved, it appears like any approved card.
      expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'card-both-1', action: 'approve' })).toEqual({ ok: true })
      expect((await bernd.waitForCard('card-both-1')).text).toBe('Ungeprüft gesammelt')
    } finally {
      for (const client of [anna, bernd, hostBoard, annaOwn, queue]) client.destroy()
      await facilitator.send('station:moderation', { stationId: 'station-1', collect: false, approval: false })
    }
  })

  it('pins, strikes through and merges cards on every screen; a participant write keeps the marks as they are', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    try {
      await Promise.all([anna.synced(), bernd.synced()])
      anna.put(anna.card({ id: 'card-mark-1', text: 'Mehr Sprachkurse' }))
      bernd.put(bernd.card({ id: 'card-mark-2', text: 'Mehr Sprachkurse anbieten', position: 2 }))
      await Promise.all([anna.saved(), bernd.saved()])
      await anna.waitForCard('card-mark-2')
      for (const action of ['pin', 'strike'] as const) {
        expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'card-mark-2', action })).toEqual({ ok: true })
      }
      await waitFor(() => anna.cards().find((c) => c.id === 'card-mark-2' && c.pinned && c.struck), 'the marks on Anna’s phone')
      // Pinned cards come first in their column.
      expect(anna.cards().filter((c) => c.id.startsWith('card-mark')).map((c) => c.id)).toEqual(['card-mark-2', 'card-mark-1'])
      // Bernd edits his card and tries to drop the marks: the server keeps them.
      const mine = bernd.cards().find((c) => c.id === 'card-mark-2')!
      bernd.put({ ...mine, text: 'Mehr Sprachkurse am Abend anbieten', pinned: undefined, struck: undefined } as never)
      await bernd.saved()
      await waitFor(() => anna.cards().find((c) => c.text === 'Mehr Sprachkurse am Abend anbieten' && c.pinned && c.struck), 'the edit with the marks kept')
      // Anna cannot pin her own card by writing it.
      const own = anna.cards().find((c) => c.id === 'card-mark-1')!
      anna.put({ ...own, pinned: true })
      await anna.saved()
      await waitFor(() => bernd.cards().find((c) => c.id === 'card-mark-1' && c.pinned === undefined), 'Anna’s card unpinned by the server')
      await sleep(100)
      expect(bernd.cards().find((c) => c.id === 'card-mark-1')?.pinned).toBeUndefined()

      // Merging the duplicate keeps both texts.
      expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'card-mark-1', action: 'merge', intoCardId: 'card-mark-2' })).toEqual({ ok: true })
      await waitFor(() => !bernd.cards().some((c) => c.id === 'card-mark-1'), 'the duplicate to leave the board')
      expect(bernd.cards().find((c) => c.id === 'card-mark-2')?.merged).toEqual([{ id: 'card-mark-1', text: 'Mehr Sprachkurse', authorId: anna.participantId }])
      expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'card-mark-2', action: 'merge', intoCardId: 'card-mark-2' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    } finally {
      for (const client of [anna, bernd]) client.destroy()
    }
  })
})
