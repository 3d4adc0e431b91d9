import { type Socket, io } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type PresenceCounts, type PublicEventView, type RoundMessage, ErrorCode, WIRE_VERSION } from '@tischrunde/shared'
import { createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor, within } from './helpers/wait.js'

describe('the control plane', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let other: CreateEventResponse
  const sockets: Socket[] = []

  /** A Socket.IO client that records what the server sends it. */
  const connect = (auth: unknown) => {
    const socket = io(running.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, timeout: 5000 })
    sockets.push(socket)
    const states: PublicEventView[] = []
    const counts: PresenceCounts[] = []
    socket.on('event:state', (s: PublicEventView) => states.push(s))
    socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    return { socket, states, counts }
  }
  const connected = (socket: Socket) =>
    within(
      new Promise<void>((resolve, reject) => {
        if (socket.connected) return resolve()
        socket.once('connect', () => resolve())
        socket.once('connect_error', (e) => reject(e))
      }),
      'the socket to connect',
    )
  const refused = (socket: Socket) =>
    within(
      new Promise<string>((resolve, reject) => {
        socket.once('connect', () => reject(new Error('the server accepted the socket')))
        socket.once('connect_error', (e) => resolve(e.message))
      }),
      'connect_error',
    )

  beforeAll(async () => {
    data = await tempDataDir('control')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz Pakt für Integration', tableNames: ['Arbeitsmarktintegration', 'Digitalisierung'] })
    other = await createEvent(running.url, { title: 'Andere Veranstaltung', tableNames: ['Sprache'] })
  })
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect()
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('refuses a socket with a forged token with UNAUTHORIZED', async () => {
    const forged = cafe.facilitatorToken.slice(0, -4) + 'AAAA'
    const { socket, states } = connect({ token: forged, wire: WIRE_VERSION })
    expect(await refused(socket)).toBe(ErrorCode.UNAUTHORIZED)
    expect(states).toEqual([])
  })

  it('refuses a socket without a token, or of another wire version, as an invalid message', async () => {
    const none = connect({ wire: WIRE_VERSION })
    const oldWire = connect({ token: cafe.facilitatorToken, wire: WIRE_VERSION + 1 })
    expect(await refused(none.socket)).toBe(ErrorCode.INVALID_MESSAGE)
    expect(await refused(oldWire.socket)).toBe(ErrorCode.INVALID_MESSAGE)
  })

  it('sends the facilitator the event with its title and join code, and the counts of who is connected', async () => {
    const facilitator = connect({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await connected(facilitator.socket)
    const state = await waitFor(() => facilitator.states[0], 'event:state')
    expect(state).toMatchObject({ role: 'facilitator', joinCode: cafe.joinCode, event: { title: 'Regionalkonferenz Pakt für Integration' } })
    const counts = await waitFor(() => facilitator.counts[0], 'presence:counts')
    expect(counts).toEqual({ byTable: {}, unseated: 0, projectors: 0, facilitators: 1 })
  })

  it('counts a phone at the table it reports, for the facilitator', async () => {
    const facilitator = connect({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await connected(facilitator.socket)
    const { token } = await join(running.url, cafe.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    await connected(phone.socket)

    const ack = await within(phone.socket.emitWithAck('presence:table', { tableId: 'digitalisierung' }), 'the ack of presence:table')
    expect(ack).toEqual({ ok: true })
    const seated = await waitFor(
      () => facilitator.counts.find((c) => c.byTable['digitalisierung'] === 1),
      'presence:counts with one phone at Digitalisierung',
      4000,
    )
    expect(seated).toEqual({ byTable: { digitalisierung: 1 }, unseated: 0, projectors: 0, facilitators: 1 })

    phone.socket.disconnect()
    await waitFor(() => facilitator.counts.at(-1)?.byTable['digitalisierung'] === undefined, 'the phone to leave the counts', 4000)
  })

  it('gives a phone the event without the join code and no presence counts', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    await connected(phone.socket)
    const state = await waitFor(() => phone.states[0], 'event:state')
    expect(state).toMatchObject({ role: 'participant', joinCode: null, event: { id: cafe.event.id } })
    const facilitator = connect({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await connected(facilitator.socket)
    await waitFor(() => facilitator.counts.some((c) => c.unseated === 1), 'the facilitator to count the phone', 4000)
    expect(phone.counts).toEqual([])
  })

  it('answers a presence report with an unknown shape with INVALID_MESSAGE', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    await connected(phone.socket)
    const ack = await within(phone.socket.emitWithAck('presence:table', { tableId: 'Kein Tisch!' }), 'the ack')
    expect(ack).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE, params: { path: ['tableId'] } })
  })

  it('refuses round commands from a phone with FORBIDDEN and changes nothing', async () => {
    const { token } = await join(running.url, other.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    const rounds: RoundMessage[] = []
    phone.socket.on('round:state', (m: RoundMessage) => rounds.push(m))
    await connected(phone.socket)
    const before = (await waitFor(() => rounds[0], 'round:state')).round
    const ack = await within(phone.socket.emitWithAck('round:advance', { expectedVersion: before.version }), 'the ack')
    expect(ack).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(rounds.map((m) => m.round.version)).toEqual([before.version])
  })

  it('shows every screen of the event that the facilitator opened Station 1', async () => {
    const fresh = await createEvent(running.url, { title: 'Rundenstart', tableNames: ['Sprache'] })
    const { token } = await join(running.url, fresh.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    const projector = connect({ token: fresh.projectorToken, wire: WIRE_VERSION })
    const seen = { phone: [] as RoundMessage[], projector: [] as RoundMessage[] }
    phone.socket.on('round:state', (m: RoundMessage) => seen.phone.push(m))
    projector.socket.on('round:state', (m: RoundMessage) => seen.projector.push(m))
    await Promise.all([connected(phone.socket), connected(projector.socket)])
    await advanceRounds(running.url, fresh.facilitatorToken)
    for (const screen of [seen.phone, seen.projector]) {
      const last = await waitFor(() => screen.find((m) => m.round.phase === 'station'), 'round:state with Station 1 open')
      expect({ phase: last.round.phase, stationIndex: last.round.stationIndex, timerRunning: last.round.timer?.endsAt !== null }).toEqual({
        phase: 'station',
        stationIndex: 0,
        timerRunning: true,
      })
    }
  })

  it("keeps one event's screens apart from another's", async () => {
    const mine = connect({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    const theirs = connect({ token: other.facilitatorToken, wire: WIRE_VERSION })
    await Promise.all([connected(mine.socket), connected(theirs.socket)])
    const { token } = await join(running.url, other.joinCode)
    const phone = connect({ token, wire: WIRE_VERSION })
    await connected(phone.socket)
    await phone.socket.emitWithAck('presence:table', { tableId: 'sprache' })
    await waitFor(() => theirs.counts.some((c) => c.byTable['sprache'] === 1), 'the other facilitator to count the phone', 4000)
    expect(mine.states.map((s) => s.event.id)).toEqual([cafe.event.id])
    expect(mine.counts.every((c) => Object.keys(c.byTable).length === 0 && c.unseated === 0)).toBe(true)
  })
})
