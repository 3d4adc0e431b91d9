import { WebSocket } from 'ws'
import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, type ProgrammeInput, WIRE_VERSION, WORKSHOP_STATION_ID, workshopBoardDocName } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { type BoardClient, connectDoc } from './helpers/board-client.js'
import { createEvent, join, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []
const clients: BoardClient[] = []

beforeEach(async () => {
  data = await tempDataDir('programme-workshop-board')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  for (const c of clients.splice(0)) c.destroy()
  await running?.close()
  running = undefined
  await data.remove()
})

async function control(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return (name: string, payload: unknown) => socket.emitWithAck(name, payload) as Promise<Ack & { data?: unknown }>
}

/** The HTTP status a websocket upgrade to a doc gets (101: it opened). */
function upgradeStatus(url: string, docName: string, token: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    ws.on('unexpected-response', (req, res) => (res.resume(), req.destroy(), resolve(res.statusCode)))
    ws.on('open', () => (ws.terminate(), resolve(101)))
    ws.on('error', () => {})
  })
}

const DAY: ProgrammeInput = {
  date: '2018-06-19',
  items: [
    {
      id: 'phase-1',
      kind: 'work-phase',
      title: 'Arbeitsphase I',
      start: '11:30',
      end: '13:00',
      workshops: [
        { id: 'ws-1', number: 1, title: 'Kommunale Angebote unter einem Dach', speakers: ['Ute Beispiel'] },
        { id: 'ws-2', number: 2, title: 'Ein kreisweites Integrationskonzept' },
      ],
    },
  ],
}

describe("a workshop's own board", () => {
  it('opens for those who booked the workshop and the facilitators; others, hosts and unknown workshops are refused', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum', tableNames: ['Bildung'] })
    expect(await (await control(running.url, event.facilitatorToken))('programme:save', { programme: DAY, expectedVersion: null })).toMatchObject({ ok: true })
    const anna = await join(running.url, event.joinCode)
    const ben = await join(running.url, event.joinCode)
    expect(await (await control(running.url, anna.token))('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
    expect(await (await control(running.url, ben.token))('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2' })).toMatchObject({ ok: true, data: { booked: true } })
    const board = workshopBoardDocName(event.event.id, 'ws-1')

    // Anna (booked) writes a card; the facilitator sees it and may change any card.
    const annaBoard = connectDoc(running.url, board, anna.token)
    const facilitator = connectDoc(running.url, board, event.facilitatorToken)
    clients.push(annaBoard, facilitator)
    await Promise.all([annaBoard.synced(), facilitator.synced()])
    const card = aCard({ authorId: anna.participantId, stationId: WORKSHOP_STATION_ID, columnId: 'ergebnisse', text: 'Eine Anlaufstelle für alle Ämter' })
    annaBoard.put(card)
    await annaBoard.saved()
    expect((await facilitator.waitForCard(card.id)).text).toBe('Eine Anlaufstelle für alle Ämter')
    facilitator.put({ ...card, text: 'Eine Anlaufstelle für alle Ämter (zusammengefasst)' })
    await facilitator.saved()
    await waitFor(() => annaBoard.cards()[0]?.text.endsWith('(zusammengefasst)') || undefined, "the facilitator's edit on Anna's phone")

    // Ben booked workshop 2: workshop 1's board stays closed to him; no doc for an unknown workshop.
    expect(await upgradeStatus(running.url, board, ben.token)).toBe(403)
    expect(await upgradeStatus(running.url, workshopBoardDocName(event.event.id, 'ws-2'), ben.token)).toBe(101)
    expect(await upgradeStatus(running.url, workshopBoardDocName(event.event.id, 'ws-9'), event.facilitatorToken)).toBe(404)
    const hostLink = Object.values(event.links.hosts)[0]!
    expect(await upgradeStatus(running.url, board, tokenOfLink(hostLink))).toBe(403)

    // A card in a column the workshop board does not have is refused (and closes the sender).
    const stray = aCard({ authorId: anna.participantId, stationId: WORKSHOP_STATION_ID, columnId: 'irgendwas', text: 'x' })
    annaBoard.put(stray)
    await waitFor(() => annaBoard.closeCodes.length > 0 || undefined, 'the server to refuse the stray card')

    // After a restart the card is still there, and Anna's board opens again (her booking is read from the store).
    await running.close()
    running = await startServer(data.dir)
    const again = connectDoc(running.url, board, anna.token)
    clients.push(again)
    await again.synced()
    expect(again.cards().map((c) => c.text)).toEqual(['Eine Anlaufstelle für alle Ämter (zusammengefasst)'])
  })
})
