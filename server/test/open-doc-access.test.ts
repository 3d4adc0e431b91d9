import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Card, type ProgrammeInput, WORKSHOP_STATION_ID, boardDocName, putCard, workshopBoardDocName } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { type BoardClient, connectDoc } from './helpers/board-client.js'
import { createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { sleep, within } from './helpers/wait.js'
import { controlSockets, eventWithWorkshopDay, upgradeStatus, workshopDay } from './helpers/workshop-day.js'

/*
 * Whoever opened a doc socket keeps it only while their access holds: a workshop booking switched,
 * cancelled or moved by the organiser, a workshop or table removed, a credential revoked. Open
 * sockets close at once when such a change happens on the server, and every write on a socket is
 * judged against the access as it is now, so nobody writes into a doc they no longer belong to.
 */

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets = controlSockets()
const opened: { close(): void }[] = []

beforeEach(async () => {
  data = await tempDataDir('open-doc-access')
})
afterEach(async () => {
  sockets.closeAll()
  for (const o of opened.splice(0)) o.close()
  await running?.close()
  running = undefined
  await data.remove()
})

/** A doc socket speaking the y-websocket protocol by hand: no reconnects, every close recorded. */
interface RawDoc {
  /** The server's first messages (its sync request and the doc) arrived. */
  ready: Promise<void>
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string }>
  isOpen(): boolean
  /** Sends a card as a Yjs update of a fresh client (a phone's first card on this doc). */
  write(card: Card): void
  close(): void
}

function openRaw(url: string, docName: string, token: string): RawDoc {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
  ws.on('error', () => {})
  let received = 0
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', () => ++received >= 2 && resolve())
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)))
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const raw: RawDoc = {
    ready: within(ready, `the first messages of ${docName}`),
    closed,
    isOpen: () => ws.readyState === ws.OPEN,
    write(card) {
      const doc = new Y.Doc()
      putCard(doc, card)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
      ws.send(encoding.toUint8Array(encoder))
      doc.destroy()
    },
    close: () => ws.terminate(),
  }
  opened.push(raw)
  return raw
}

/** A facilitator's view of a doc, to see what it holds. */
function watch(url: string, docName: string, token: string): BoardClient {
  const client = connectDoc(url, docName, token)
  opened.push({ close: () => client.destroy() })
  return client
}

const DAY = workshopDay()

/** An event with the day's two workshops and a participant booked into workshop 1. */
async function bookedDay() {
  running = await startServer(data.dir)
  const { event, facilitator } = await eventWithWorkshopDay(running.url, sockets, { tableNames: ['Bildung', 'Arbeit'], day: DAY })
  const anna = await join(running.url, event.joinCode)
  const annaControl = await sockets.connect(running.url, anna.token)
  expect(await annaControl('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
  const ws1 = workshopBoardDocName(event.event.id, 'ws-1')
  const ws2 = workshopBoardDocName(event.event.id, 'ws-2')
  const card = (text: string, id: string) => aCard({ id, authorId: anna.participantId, stationId: WORKSHOP_STATION_ID, columnId: 'ergebnisse', text })
  return { url: running.url, event, facilitator, anna, annaControl, ws1, ws2, card }
}

describe('an open doc socket keeps only the access its holder still has', () => {
  it('closes the old workshop board of a participant who switches to another workshop, at once and without marking them', async () => {
    const day = await bookedDay()
    const old = openRaw(day.url, day.ws1, day.anna.token)
    await old.ready
    expect(await day.annaControl('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2' })).toMatchObject({ ok: true, data: { booked: true } })
    // Closed by the server with "not for you (any more)", before she wrote anything on it.
    expect(await within(old.closed, 'the old board to close')).toEqual({ code: 4403, reason: 'READ_ONLY' })
    // The old board opens no more; the new one opens at once (no back-off as if she had attacked).
    expect(await upgradeStatus(day.url, day.ws1, day.anna.token)).toBe(403)
    expect(await upgradeStatus(day.url, day.ws2, day.anna.token)).toBe(101)
  })

  it('refuses a write racing a cancelled booking: it never reaches the old workshop board', async () => {
    const day = await bookedDay()
    const viewer = watch(day.url, day.ws1, day.event.facilitatorToken)
    await viewer.synced()
    const old = openRaw(day.url, day.ws1, day.anna.token)
    await old.ready
    old.write(day.card('Vor der Abmeldung', 'card-before-0001'))
    await viewer.waitForCard('card-before-0001')
    // She cancels, and as soon as that is answered her phone sends a card on the socket, which may
    // not have seen its close yet. (Sent before the answer, the card could honestly arrive while she
    // was still booked: the server may take it then.)
    const cancelled = await day.annaControl('programme:choose', { phaseId: 'phase-1', workshopId: null })
    if (old.isOpen()) old.write(day.card('Nach der Abmeldung', 'card-after-0001'))
    expect(cancelled).toMatchObject({ ok: true, data: { booked: true, mine: { choices: {} } } })
    expect((await within(old.closed, 'the old board to close')).code).toBe(4403)
    // A card the facilitator writes afterwards arrives; hers from after the cancellation never does.
    viewer.put(aCard({ id: 'card-later-0001', authorId: 'facilitator', stationId: WORKSHOP_STATION_ID, columnId: 'ergebnisse', text: 'Später' }))
    await viewer.saved()
    expect(viewer.cards().map((c) => c.id).sort()).toEqual(['card-before-0001', 'card-later-0001'])
    expect(await upgradeStatus(day.url, day.ws1, day.anna.token)).toBe(403)
  })

  it('closes the board of a participant the organiser moves out of the workshop', async () => {
    const day = await bookedDay()
    const old = openRaw(day.url, day.ws1, day.anna.token)
    await old.ready
    expect(await day.facilitator('programme:move', { participantId: day.anna.participantId, phaseId: 'phase-1', workshopId: 'ws-2' })).toEqual({ ok: true })
    expect(await within(old.closed, 'the old board to close')).toEqual({ code: 4403, reason: 'READ_ONLY' })
  })

  it('closes every socket of a workshop taken out of the programme, the facilitator’s too, as gone', async () => {
    const day = await bookedDay()
    const anna = openRaw(day.url, day.ws1, day.anna.token)
    const console = openRaw(day.url, day.ws1, day.event.facilitatorToken)
    const other = openRaw(day.url, day.ws2, day.event.facilitatorToken)
    await Promise.all([anna.ready, console.ready, other.ready])
    const withoutWs1: ProgrammeInput = { ...DAY, items: [{ ...DAY.items[0]!, workshops: DAY.items[0]!.workshops.filter((w) => w.id !== 'ws-1') }] }
    expect(await day.facilitator('programme:save', { programme: withoutWs1, expectedVersion: 1 })).toMatchObject({ ok: true })
    expect(await within(anna.closed, 'Anna’s board to close')).toEqual({ code: 4404, reason: 'DOC_REMOVED' })
    expect(await within(console.closed, 'the console’s board to close')).toEqual({ code: 4404, reason: 'DOC_REMOVED' })
    // Workshop 2 stays.
    await sleep(100)
    expect(other.isOpen()).toBe(true)
  })

  it('closes the board of a table taken out of the setup', async () => {
    const day = await bookedDay()
    const arbeit = day.event.event.tables.find((t) => t.name === 'Arbeit')!.id
    const bildung = day.event.event.tables.find((t) => t.name === 'Bildung')!.id
    const gone = openRaw(day.url, boardDocName(day.event.event.id, arbeit), day.anna.token)
    const stays = openRaw(day.url, boardDocName(day.event.event.id, bildung), day.anna.token)
    await Promise.all([gone.ready, stays.ready])
    const { id: _id, showNames: _showNames, ...setup } = day.event.event
    expect(await day.facilitator('event:update', { setup: { ...setup, tables: setup.tables.filter((t) => t.id !== arbeit) } })).toEqual({ ok: true })
    expect(await within(gone.closed, 'the removed table’s board to close')).toEqual({ code: 4404, reason: 'DOC_REMOVED' })
    await sleep(100)
    expect(stays.isOpen()).toBe(true)
  })

  it('judges every write by the credential as it stands now: after all links were revoked, a write closes the socket and is not stored', async () => {
    const day = await bookedDay()
    const table = boardDocName(day.event.event.id, day.event.event.tables[0]!.id)
    const phone = openRaw(day.url, table, day.anna.token)
    const workshop = openRaw(day.url, day.ws1, day.anna.token)
    await Promise.all([phone.ready, workshop.ready])
    // A new access epoch: every link and token issued before is void.
    await running!.server.events.revokeLinks(day.event.event.id)
    const station = day.event.event.template.stations[0]!
    phone.write(aCard({ id: 'card-revoked-0001', authorId: day.anna.participantId, stationId: station.id, columnId: station.columns[0]!.id, text: 'Nach dem Widerruf' }))
    workshop.write(day.card('Nach dem Widerruf', 'card-revoked-0002'))
    expect(await within(phone.closed, 'the table socket to close')).toEqual({ code: 4401, reason: 'LINK_REVOKED' })
    expect(await within(workshop.closed, 'the workshop socket to close')).toEqual({ code: 4401, reason: 'LINK_REVOKED' })
    // Nothing of it was stored: a fresh facilitator link (the new epoch) sees empty boards.
    const fresh = running!.server.events.issue((await running!.server.events.get(day.event.event.id))!, 'facilitator')
    for (const name of [table, day.ws1]) {
      const viewer = watch(day.url, name, fresh)
      await viewer.synced()
      expect(viewer.cards()).toEqual([])
    }
  })
})

describe('a host link renewed while its socket is open', () => {
  it('closes the socket at once; the renewed link opens the board', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Weltcafé', tableNames: ['Bildung'] })
    const tableId = event.event.tables[0]!.id
    const hostToken = decodeURIComponent(Object.values(event.links.hosts)[0]!.split('#k=')[1]!)
    const host = openRaw(running.url, boardDocName(event.event.id, tableId), hostToken)
    await host.ready
    const renewed = await fetch(`${running.url}/api/events/${event.event.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${event.facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credential: 'host', tableId }),
    })
    expect(renewed.status).toBe(200)
    expect(await within(host.closed, 'the host socket to close')).toEqual({ code: 4401, reason: 'LINK_REVOKED' })
    expect(await upgradeStatus(running.url, boardDocName(event.event.id, tableId), hostToken)).toBe(401)
  })
})
