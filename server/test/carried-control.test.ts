import * as encoding from 'lib0/encoding'
import { type Socket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type CreateEventResponse,
  type PresenceCounts,
  type PublicEventView,
  type RoundMessage,
  type VoteBallotsMessage,
  type VoteStepsMessage,
  ErrorCode,
  MESSAGE_CONTROL_COMMAND,
  WIRE_VERSION,
  boardCloseCode,
  boardDocName,
  encodeControlCommand,
} from '@tischrunde/shared'
import { api, createEvent, join, tokenOfLink } from './helpers/api.js'
import { type CarriedPhone, carriedPhone } from './helpers/carried-phone.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { sleep, waitFor, within } from './helpers/wait.js'

/**
 * A phone seated at a table opens one connection: its board's doc socket, with the control plane
 * on it (`?control=`). It gets what a Socket.IO screen gets and may do what a phone may do, no more.
 */
describe('the control plane carried on a doc socket', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let table = ''
  const phones: CarriedPhone[] = []
  const sockets: Socket[] = []

  /** A facilitator console over Socket.IO that records what it gets. */
  async function console_(token = cafe.facilitatorToken) {
    const socket = io(running.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
    sockets.push(socket)
    const counts: PresenceCounts[] = []
    const rounds: RoundMessage[] = []
    socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    socket.on('round:state', (m: RoundMessage) => rounds.push(m))
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve())
        socket.once('connect_error', reject)
      }),
      'the console to connect',
    )
    await waitFor(() => rounds[0], 'the console’s round:state')
    return { socket, counts, rounds, send: (name: string, payload: unknown) => within(socket.emitWithAck(name, payload) as Promise<{ ok: boolean; data?: unknown; code?: string }>, `the ack of ${name}`) }
  }
  async function phone(event = cafe, tableId = table, token?: string) {
    const p = await carriedPhone(running.url, event.event.id, tableId, token ?? (await join(running.url, event.joinCode)).token)
    phones.push(p)
    return p
  }

  beforeAll(async () => {
    data = await tempDataDir('carried-control')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz Pakt für Integration', tableNames: ['Sprache', 'Arbeit'] })
    table = cafe.event.tables[0]!.id
  })
  afterEach(() => {
    for (const p of phones.splice(0)) p.close()
    for (const s of sockets.splice(0)) s.disconnect()
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('sends the phone the participant’s view of the event and the round on open, as over Socket.IO', async () => {
    const p = await phone()
    const state = await waitFor(() => p.of<PublicEventView>('event:state')[0], 'event:state')
    expect(state).toMatchObject({ role: 'participant', joinCode: null, event: { id: cafe.event.id, title: 'Regionalkonferenz Pakt für Integration' } })
    const round = await waitFor(() => p.of<RoundMessage>('round:state')[0], 'round:state')
    expect(round.round.version).toBeGreaterThanOrEqual(0)
    // Staff-only messages never reach a phone.
    await sleep(100)
    expect(p.of('presence:counts')).toEqual([])
  })

  it('seats the phone on presence:table for the console, and forgets the seat when the socket closes', async () => {
    const c = await console_()
    const p = await phone()
    expect(await p.send('presence:table', { tableId: table })).toEqual({ ok: true })
    await waitFor(() => c.counts.at(-1)?.byTable[table] === 1, 'the console to count the seat', 4000)
    p.close()
    await waitFor(() => c.counts.at(-1)?.byTable[table] === undefined && c.counts.at(-1)?.unseated === 0, 'the seat to leave the counts', 4000)
  })

  it('seats a phone that announces its seat without waiting for an answer (as the app does), and sends it none', async () => {
    const c = await console_()
    const p = await phone()
    p.tell('presence:table', { tableId: table, visits: {} })
    await waitFor(() => c.counts.at(-1)?.byTable[table] === 1, 'the console to count the seat', 4000)
    // Also a refused one is answered with nothing: the phone waits for no answer.
    p.tell('presence:table', { tableId: 'Kein Tisch!' })
    expect(await p.send('presence:table', { tableId: table })).toEqual({ ok: true })
    expect(p.answered).toEqual([1])
    p.close()
  })

  it('brings the console’s round change to the phone, and refuses the phone’s own with FORBIDDEN', async () => {
    const c = await console_()
    const p = await phone()
    const before = (await waitFor(() => p.of<RoundMessage>('round:state')[0], 'round:state')).round
    const refused = await p.send('round:advance', { expectedVersion: before.version })
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await p.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: 'x' }, budget: 1, perCardMax: 1 } })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    await sleep(100)
    expect(p.of<RoundMessage>('round:state').map((m) => m.round.version)).toEqual([before.version])
    expect(await c.send('round:advance', { expectedVersion: before.version })).toMatchObject({ ok: true })
    await waitFor(() => p.of<RoundMessage>('round:state').some((m) => m.round.version > before.version), 'the advanced round on the phone')
  })

  it('brings a vote the console opens to the phone, and takes the phone’s dots within the budget', async () => {
    const event = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Sprache'] })
    await advanceRounds(running.url, event.facilitatorToken)
    const tableId = event.event.tables[0]!.id
    const stationId = event.event.template.stations[0]!.id
    const c = await console_(event.facilitatorToken)
    const author = await join(running.url, event.joinCode)
    const p = await phone(event, tableId, author.token)
    await waitFor(() => p.of('vote:steps')[0], 'the steps on open')
    // A card to vote on, written by the console on the table's board (a vote needs one to start).
    const { writeCards } = await import('./harvest/vote-test-kit.js')
    const [cardId] = await writeCards(running.url, event.event.id, tableId, event.facilitatorToken, { stationId, columnId: event.event.template.stations[0]!.columns[0]!.id }, ['Sprachcafé im Rathaus'])
    const opened = await c.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId }, budget: 1, perCardMax: 1 } })
    expect(opened).toMatchObject({ ok: true })
    const stepId = (opened.data as { stepId: string }).stepId
    await waitFor(() => p.of<VoteStepsMessage>('vote:steps').some((m) => m.steps.some((s) => s.id === stepId)), 'the opened step on the phone')
    expect(await p.send('vote:cast', { stepId, tableId, cardId, delta: 1 })).toMatchObject({ ok: true, data: { left: 0 } })
    await waitFor(() => p.of<VoteBallotsMessage>('vote:ballots').at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 1, 'the phone’s own ballot')
    expect(await p.send('vote:cast', { stepId, tableId, cardId, delta: 1 })).toMatchObject({ ok: false, code: ErrorCode.NOT_NOW })
  })

  it('answers an unknown command name with INVALID_MESSAGE and a bad payload with its field', async () => {
    const p = await phone()
    expect(await p.send('nothing:here', {})).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await p.send('presence:table', { tableId: 'Kein Tisch!' })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE, params: { path: ['tableId'] } })
    expect(p.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('closes the socket on a command frame that is garbage', async () => {
    const p = await phone()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_CONTROL_COMMAND)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, 'presence:table')
    encoding.writeVarString(encoder, '{not json')
    p.raw(encoding.toUint8Array(encoder))
    expect((await p.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('answers commands beyond the pace with RATE_LIMITED', async () => {
    const p = await phone()
    const answers = await Promise.all(Array.from({ length: 40 }, () => p.send('presence:table', { tableId: table })))
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(25)
    expect(answers.filter((a) => !a.ok && a.code === ErrorCode.RATE_LIMITED).length).toBeGreaterThan(0)
  })

  it('tells the phone the event was deleted, then closes', async () => {
    const doomed = await createEvent(running.url, { title: 'Abgesagt', tableNames: ['Sprache'] })
    const p = await phone(doomed, doomed.event.tables[0]!.id)
    await waitFor(() => p.of('event:state')[0], 'event:state')
    expect((await api(running.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: doomed.facilitatorToken })).status).toBe(204)
    expect((await p.closed()).code).toBe(boardCloseCode('EVENT_DELETED'))
    expect(p.of('event:deleted')).toHaveLength(1)
  })

  it('closes a table host’s carried socket when their link is renewed', async () => {
    const event = await createEvent(running.url, { title: 'Neue Links', tableNames: ['Sprache'] })
    const tableId = event.event.tables[0]!.id
    const host = await phone(event, tableId, tokenOfLink(event.links.hosts[tableId]!))
    await waitFor(() => host.of('event:state')[0], 'event:state')
    const renewed = await api(running.url, `/api/events/${event.event.id}/revoke`, { body: { credential: 'host', tableId }, token: event.facilitatorToken })
    expect(renewed.status).toBe(200)
    expect((await host.closed()).code).toBe(boardCloseCode('LINK_REVOKED'))
  })

  it('sends a doc socket opened without the parameter no control messages', async () => {
    const p = await carriedPhone(running.url, cafe.event.id, table, (await join(running.url, cafe.joinCode)).token, null)
    phones.push(p)
    const c = await console_()
    const before = c.rounds.at(-1)!.round
    expect(await c.send('round:pause', { expectedVersion: before.version })).toBeDefined()
    await sleep(300)
    expect(p.pushes).toEqual([])
    // Nor does it take commands: a command frame there is no message of its protocol.
    p.raw(encodeControlCommand(1, 'presence:table', { tableId: table }))
    expect((await p.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('refuses the upgrade with 400 for another value of the parameter', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    const url = `${running.url.replace(/^http/, 'ws')}/yjs/${boardDocName(cafe.event.id, table)}?token=${encodeURIComponent(token)}&control=2`
    const status = await within(
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url)
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.once('open', () => reject(new Error('the server opened the socket')))
        ws.once('error', () => {})
      }),
      'the refusal',
    )
    expect(status).toBe(400)
  })
})
