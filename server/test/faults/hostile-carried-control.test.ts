import { WebSocket } from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type CreateEventResponse,
  type PresenceCounts,
  type PublicEventView,
  type RoundMessage,
  type VoteStepsMessage,
  CONTROL_FRAME_MAX,
  CONTROL_ID_MAX,
  CONTROL_ID_UNANSWERED,
  CONTROL_QUERY_VALUE,
  ErrorCode,
  WIRE_VERSION,
  boardCloseCode,
  boardDocName,
  encodeControlCommand,
  everyClientEvent,
} from '@tischrunde/shared'
import { io, type Socket } from 'socket.io-client'
import { api, createEvent, join, tokenOfLink } from '../helpers/api.js'
import { type CarriedPhone, carriedPhone } from '../helpers/carried-phone.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep, waitFor, within } from '../helpers/wait.js'
import { report } from './fault-kit.js'
import { FACILITATOR_COMMANDS, PHONE_COMMANDS, answersOf, rawCommand } from './carried-frames-kit.js'

/**
 * The control plane carried on a doc socket, attacked as a participant with a valid link, as the
 * projector and as a stranger: no command beyond the phone's, no frame beyond the caps, no screen
 * left behind when the socket goes.
 */
describe('fault suite: hostile carried control plane', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let table = ''
  const phones: CarriedPhone[] = []
  const sockets: Socket[] = []

  async function phone(token?: string, event = cafe, tableId = table) {
    const p = await carriedPhone(running.url, event.event.id, tableId, token ?? (await join(running.url, event.joinCode)).token)
    phones.push(p)
    return p
  }
  async function console_(event = cafe) {
    const socket = io(running.url, { auth: { token: event.facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
    sockets.push(socket)
    const counts: PresenceCounts[] = []
    const rounds: RoundMessage[] = []
    socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    socket.on('round:state', (m: RoundMessage) => rounds.push(m))
    await waitFor(() => rounds[0], 'the console’s round:state')
    return { socket, counts, rounds }
  }

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-carried')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz', tableNames: ['Sprache', 'Arbeit'] })
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

  it('names every command of the wire as a phone’s or a facilitator’s', () => {
    // A new command must be placed here, so the test below sends it too.
    const unplaced = Object.keys(everyClientEvent).filter((name) => !PHONE_COMMANDS.has(name) && !Object.hasOwn(FACILITATOR_COMMANDS, name))
    expect(unplaced).toEqual([])
  })

  for (const who of ['participant', 'projector'] as const)
    it(`refuses every facilitator command from a ${who}’s carried socket and changes nothing`, async () => {
      const token = who === 'participant' ? undefined : tokenOfLink(cafe.links.projector)
      const p = await phone(token)
      const before = (await waitFor(() => p.of<RoundMessage>('round:state')[0], 'round:state')).round
      const outcomes: string[] = []
      // The setup as the phone sees it, renamed: a well-formed event:update.
      const { id: _id, showNames: _shown, ...setup } = (await waitFor(() => p.of<PublicEventView>('event:state')[0], 'event:state')).event
      for (const name of Object.keys(FACILITATOR_COMMANDS)) {
        const payload = FACILITATOR_COMMANDS[name] ?? { setup: { ...setup, title: 'Gekapert' } }
        const answer = await p.send(name, payload)
        outcomes.push(`${name}=${answer.ok ? 'ok' : answer.code}`)
        // A well-formed command is refused by the policy, not by chance of its payload.
        expect(answer, name).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
        // The pace of one person clicking, not a flood.
        await sleep(60)
      }
      report(`carried ${who}: facilitator commands`, outcomes.join(' '))
      expect(p.ws.readyState).toBe(WebSocket.OPEN)
      // Nothing changed: the round, the votes, the title.
      const fresh = await phone()
      expect((await waitFor(() => fresh.of<RoundMessage>('round:state')[0], 'round:state')).round.version).toBe(before.version)
      expect((await waitFor(() => fresh.of<VoteStepsMessage>('vote:steps')[0], 'vote:steps')).steps).toEqual([])
      expect(p.of<RoundMessage>('round:state').map((m) => m.round.version)).toEqual([before.version])
      expect((await waitFor(() => fresh.of<PublicEventView>('event:state')[0], 'event:state')).event.title).toBe('Regionalkonferenz')
    })

  it('answers names that meet Object.prototype as unknown, and closes on `__proto__`', async () => {
    const p = await phone()
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])
      expect(await p.send(name, {}), name).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(p.ws.readyState).toBe(WebSocket.OPEN)
    p.raw(rawCommand(99, '__proto__', '{}'))
    expect((await p.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('does not let `__proto__` and `constructor` keys in payloads reach Object.prototype', async () => {
    const p = await phone()
    const poisons = ['{"__proto__":{"polluted":1},"tableId":"sprache"}', '{"constructor":{"prototype":{"polluted":1}},"tableId":"sprache"}', '{"tableId":"__proto__"}', '{"tableId":"constructor"}']
    const answers = answersOf(p.ws)
    poisons.forEach((text, i) => p.raw(rawCommand(i + 1, 'presence:table', text)))
    p.raw(rawCommand(5, 'presence:table', '{"tableId":"sprache","visits":{"__proto__":"sprache","constructor":"sprache","toString":"arbeit"}}'))
    p.raw(rawCommand(10, 'vote:cast', '{"__proto__":{"polluted":1},"stepId":"step-abcdef","tableId":"sprache","cardId":"karte-0001","delta":1}'))
    p.raw(rawCommand(11, 'programme:choose', '{"__proto__":{"polluted":1},"phaseId":"phase-1","workshopId":"constructor"}'))
    await waitFor(() => answers.length >= 7 || undefined, 'the answers')
    report('carried prototype keys', answers.map((a) => `${a.id}=${a.ok ? 'ok' : a.code}`).join(' '))
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(p.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('answers payloads nested 50,000 deep and stays up, for every phone command', async () => {
    const p = await phone()
    const answers = answersOf(p.ws)
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`
    const names = [...PHONE_COMMANDS]
    names.forEach((name, i) => p.raw(rawCommand(i + 1, name, `{"tableId":"sprache","visits":${deep}}`)))
    names.forEach((name, i) => p.raw(rawCommand(50 + i, name, `{"stepId":"step-abcdef","phaseId":"phase-1","tableId":"sprache","cardId":"karte-0001","delta":1,"query":${deep}}`)))
    names.forEach((name, i) => p.raw(rawCommand(100 + i, name, deep)))
    await waitFor(() => answers.length >= names.length * 3 || undefined, 'every answer')
    // Refused where the deep value sits in a field; a schema that drops an unknown field takes the rest.
    expect(answers.filter((a) => a.ok).map((a) => a.id).sort()).toEqual([4, 50, 53])
    p.raw(encodeControlCommand(999, 'presence:table', { tableId: table }))
    expect(await waitFor(() => answers.find((a) => a.id === 999), 'the answer after')).toMatchObject({ ok: true })
  })

  it('holds one slot of the connection budget per carried socket, and gives it back on close', async () => {
    const { connections } = running.server
    await waitFor(() => (connections.count === 0 ? true : undefined), 'the earlier sockets to close')
    const { token } = await join(running.url, cafe.joinCode)
    const opened = []
    for (let i = 0; i < 10; i++) opened.push(await phone(token))
    for (const p of opened) await waitFor(() => p.of('vote:steps')[0], 'the first pushes')
    expect(connections.count).toBe(10)
    for (const p of opened) p.close()
    await waitFor(() => (connections.count === 0 ? true : undefined), 'the slots back')
  })

  it('drops a carried phone that never reads once its pushes pile up, and keeps serving the console', async () => {
    const event = await createEvent(running.url, { title: 'Funkloch', tableNames: ['Sprache'] })
    const tableId = event.event.tables[0]!.id
    const c = await console_(event)
    const states: PublicEventView[] = []
    c.socket.on('event:state', (s: PublicEventView) => states.push(s))
    const p = await phone(undefined, event, tableId)
    await waitFor(() => p.of('vote:steps')[0], 'the first pushes')
    const { connections } = running.server
    const before = connections.count
    // The phone stops reading (a tab in the background, a dead spot): nothing leaves its socket's buffers.
    ;(p.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    // The largest setup the schemas allow (about 200 KB of event:state per push), its place changed each time.
    const widest = (n: number) => '€'.repeat(n)
    const slug = (i: number) => `s${i}`.padEnd(63, 'x')
    const setup = (i: number) => ({
      title: widest(200),
      date: '2026-11-23',
      place: `${i} ${widest(190)}`,
      agenda: Array.from({ length: 60 }, () => ({ time: '10:45', title: widest(200), detail: widest(600) })),
      tables: [{ id: tableId, name: widest(120), host: widest(120) }, ...Array.from({ length: 59 }, (_, j) => ({ id: slug(j), name: widest(120), host: widest(120) }))],
      template: {
        method: 'world-cafe',
        stations: Array.from({ length: 8 }, (_, j) => ({ id: slug(j), title: widest(80), prompt: widest(400), columns: Array.from({ length: 6 }, (_, k) => ({ id: slug(k), title: widest(120) })) })),
      },
    })
    let sent = 0
    const started = Date.now()
    while (connections.count >= before && Date.now() - started < 25_000) {
      const ack = (await within(c.socket.emitWithAck('event:update', { setup: setup(++sent) }), 'the ack of event:update')) as { ok: boolean; code?: string }
      if (!ack.ok) await sleep(150)
    }
    report('a carried phone that never reads', `dropped after ${sent} setups of the widest size in ${Date.now() - started} ms`)
    expect(connections.count).toBe(before - 1)
    // The console got every change meanwhile.
    await waitFor(() => states.some((s) => s.event.place.startsWith(`${sent} `)) || undefined, 'the last change on the console')
  })

  it('closes a carried socket that floods commands, answering at most its burst, and serves the others', async () => {
    const p = await phone()
    const other = await phone()
    const answers = answersOf(p.ws)
    for (let id = 1; id <= 500; id++) p.raw(encodeControlCommand(id, 'presence:table', { tableId: table }))
    expect((await p.closed()).code).toBe(boardCloseCode('TOO_MANY_MESSAGES'))
    await sleep(200)
    report('a carried command flood of 500', `${answers.length} answered (${answers.filter((a) => a.ok).length} taken) before the close`)
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(31)
    expect(await other.send('presence:table', { tableId: table })).toMatchObject({ ok: true })
  })

  it('refuses the upgrade for the parameter given twice', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    await expect(carriedPhone(running.url, cafe.event.id, table, token, `${CONTROL_QUERY_VALUE}&control=${CONTROL_QUERY_VALUE}`)).rejects.toThrow(/400/)
  })

  it('runs id 0 without an answer, answers 2^31−1 by its id and a reused id each time, and closes on an id beyond', async () => {
    const p = await phone()
    const answers = answersOf(p.ws)
    // Id 0 (CONTROL_ID_UNANSWERED) is the phone's seat, sent without waiting: run, never answered.
    for (const id of [CONTROL_ID_UNANSWERED, CONTROL_ID_MAX, 7, 7]) p.raw(encodeControlCommand(id, 'presence:table', { tableId: table }))
    await waitFor(() => answers.length >= 3 || undefined, 'three answers')
    // One more, answered after every command before it ran: an answer to id 0 would be here by now.
    p.raw(encodeControlCommand(9, 'presence:table', { tableId: table }))
    await waitFor(() => answers.some((a) => a.id === 9) || undefined, 'the answer to id 9')
    expect(answers.map((a) => a.id).sort()).toEqual([7, 7, 9, CONTROL_ID_MAX].sort())
    p.raw(encodeControlCommand(CONTROL_ID_MAX + 1, 'presence:table', { tableId: table }))
    expect((await p.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
    const q = await phone()
    q.raw(encodeControlCommand(Number.MAX_SAFE_INTEGER, 'presence:table', { tableId: table }))
    expect((await q.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('answers a name of 64 characters, and closes on one of 65', async () => {
    const p = await phone()
    expect(await p.send(`a${'b'.repeat(63)}`, {})).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    p.raw(rawCommand(50, `a${'b'.repeat(64)}`, '{}'))
    expect((await p.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('caps a command body by its bytes, as Socket.IO caps its message: wide characters count as what they weigh', async () => {
    // Under the cap in bytes: answered (the payload is no table).
    const p = await phone()
    expect(await p.send('presence:table', { tableId: 'x'.repeat(CONTROL_FRAME_MAX - 100) })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(p.ws.readyState).toBe(WebSocket.OPEN)
    // 100,000 euro signs are 100,000 characters but 300,000 bytes, over the 256 KiB cap.
    const q = await phone()
    const wide = JSON.stringify({ tableId: '€'.repeat(100_000) })
    expect(Buffer.byteLength(wide)).toBeGreaterThan(CONTROL_FRAME_MAX)
    expect(wide.length).toBeLessThan(CONTROL_FRAME_MAX)
    q.raw(rawCommand(2, 'presence:table', wide))
    expect((await q.closed()).code).toBe(boardCloseCode('INVALID_MESSAGE'))
  })

  it('closes on a frame over the doc socket’s 2 MiB and stays up for the others', async () => {
    const p = await phone()
    p.raw(rawCommand(1, 'presence:table', JSON.stringify({ tableId: 'x'.repeat(2 * 1024 * 1024 + 10) })))
    expect((await p.closed()).code).toBe(1009)
    const q = await phone()
    expect(await q.send('presence:table', { tableId: table })).toMatchObject({ ok: true })
  })

  it('answers every command sent before the doc has loaded', async () => {
    // A fresh event: its board is not loaded when the socket opens.
    const event = await createEvent(running.url, { title: 'Frisch', tableNames: ['Sprache'] })
    const { token } = await join(running.url, event.joinCode)
    const ws = new WebSocket(`${running.url.replace(/^http/, 'ws')}/yjs/${boardDocName(event.event.id, event.event.tables[0]!.id)}?token=${encodeURIComponent(token)}&control=${CONTROL_QUERY_VALUE}`)
    ws.binaryType = 'nodebuffer'
    const answers = answersOf(ws)
    ws.once('open', () => {
      for (let id = 1; id <= 3; id++) ws.send(encodeControlCommand(id, 'presence:table', { tableId: event.event.tables[0]!.id }))
      ws.send(encodeControlCommand(4, 'round:advance', { expectedVersion: 0 }))
    })
    try {
      await waitFor(() => answers.length >= 4 || undefined, 'four answers')
      // Every one answered, by its id (answers may overtake each other, as over Socket.IO).
      const byId = [...answers].sort((a, b) => a.id - b.id)
      expect(byId.map((a) => a.id)).toEqual([1, 2, 3, 4])
      expect(byId.map((a) => a.ok)).toEqual([true, true, true, false])
      expect(byId[3]!.code).toBe(ErrorCode.FORBIDDEN)
    } finally {
      ws.close()
    }
  })

  it('forgets a seat whose socket closed while its command was in flight', async () => {
    const event = await createEvent(running.url, { title: 'Kommen und Gehen', tableNames: ['Sprache'] })
    const tableId = event.event.tables[0]!.id
    const c = await console_(event)
    for (let i = 0; i < 8; i++) {
      const p = await phone(undefined, event, tableId)
      p.raw(encodeControlCommand(1, 'presence:table', { tableId }))
      p.ws.terminate()
    }
    // Counts go out at most once a second: wait for one sent after every socket closed.
    await sleep(1200)
    const stay = await phone(undefined, event, tableId)
    expect(await stay.send('presence:table', { tableId })).toMatchObject({ ok: true })
    const last = await waitFor(
      () => {
        const counts = c.counts.at(-1)
        return counts && counts.byTable[tableId] === 1 ? counts : undefined
      },
      'the counts with one phone',
      5000,
    )
    expect(last.unseated).toBe(0)
  })

  it('counts a person who opens many sockets once: at their table, not also as unseated', async () => {
    const event = await createEvent(running.url, { title: 'Vervielfacht', tableNames: ['Sprache'] })
    const tableId = event.event.tables[0]!.id
    const c = await console_(event)
    const { token } = await join(running.url, event.joinCode)
    for (let i = 0; i < 6; i++) {
      const p = await phone(token, event, tableId)
      expect(await p.send('presence:table', { tableId })).toMatchObject({ ok: true })
    }
    // The same person's Socket.IO screen, still at the table choice (a phone switching over, a second tab).
    const choosing = io(running.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
    sockets.push(choosing)
    await within(new Promise((resolve) => choosing.once('connect', () => resolve(undefined))), 'the second screen')
    // A second person, unseated.
    await phone(undefined, event, tableId)
    await sleep(1200)
    const last = c.counts.at(-1)!
    report('one link, six carried sockets and a Socket.IO screen', `the console counts ${last.byTable[tableId] ?? 0} at the table, ${last.unseated} unseated`)
    expect(last.byTable[tableId]).toBe(1)
    expect(last.unseated).toBe(1)
  })

  it('refuses a command on a socket whose link was renewed, and the reconnect', async () => {
    const event = await createEvent(running.url, { title: 'Neue Links', tableNames: ['Sprache'] })
    const tableId = event.event.tables[0]!.id
    const hostToken = tokenOfLink(event.links.hosts[tableId]!)
    const host = await phone(hostToken, event, tableId)
    await waitFor(() => host.of('event:state')[0], 'event:state')
    const answers = answersOf(host.ws)
    const renewing = api(running.url, `/api/events/${event.event.id}/revoke`, { body: { credential: 'host', tableId }, token: event.facilitatorToken })
    // Sent while the renewal is under way: either answered before or refused, never after the close.
    host.raw(encodeControlCommand(1, 'station:moderation', { stationId: event.event.template.stations[0]!.id, collect: true }))
    expect((await renewing).status).toBe(200)
    expect((await host.closed()).code).toBe(boardCloseCode('LINK_REVOKED'))
    report('command across a renewal', answers.map((a) => `${a.id}=${a.ok ? 'ok' : a.code}`).join(' ') || 'no answer')
    await expect(carriedPhone(running.url, event.event.id, tableId, hostToken)).rejects.toThrow(/401/)
  })

  it('answers a command whose credential cannot be read back (a storage fault) with a refusal, and the server stays up', async () => {
    const p = await phone()
    await waitFor(() => p.of('event:state')[0], 'event:state')
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const { events } = running.server
    const authenticate = events.authenticate.bind(events)
    events.authenticate = () => Promise.reject(new Error('EIO: the disk went away'))
    try {
      const answer = await p.send('presence:table', { tableId: table })
      expect(answer).toMatchObject({ ok: false, code: ErrorCode.STORAGE_FAILED })
      await sleep(50)
      expect(unhandled).toEqual([])
    } finally {
      events.authenticate = authenticate
      process.off('unhandledRejection', onUnhandled)
    }
    // The socket stays: the next command, with the disk back, is taken.
    expect(await p.send('presence:table', { tableId: table })).toMatchObject({ ok: true })
  })

  it('refuses a stranger: a forged token, another event’s link, no token', async () => {
    const other = await createEvent(running.url, { title: 'Anderswo', tableNames: ['Sprache'] })
    const { token } = await join(running.url, other.joinCode)
    for (const t of ['x'.repeat(40), token, '']) await expect(carriedPhone(running.url, cafe.event.id, table, t)).rejects.toThrow(/401/)
  })
})
