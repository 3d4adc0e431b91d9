import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, BoardCloseCode, type CreateEventResponse, ErrorCode, WIRE_VERSION, boardDocName, clientEvents } from '@tischrunde/shared'
import { api, createEvent, join } from '../helpers/api.js'
import { connectBoard } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor, within } from '../helpers/wait.js'
import { controlSocket, report, sendRaw } from './fault-kit.js'

/** Every command a facilitator may send, with a well-formed payload. */
const FACILITATOR_COMMANDS: [string, unknown][] = [
  ['round:advance', { expectedVersion: 0 }],
  ['round:back', { expectedVersion: 0 }],
  ['round:end', { expectedVersion: 0 }],
  ['round:pause', { expectedVersion: 0 }],
  ['round:resume', { expectedVersion: 0 }],
  ['timer:extend', { expectedVersion: 0, minutes: 5 }],
  ['timer:set', { expectedVersion: 0, minutes: 7 }],
  ['timer:start', { expectedVersion: 0 }],
  ['projector:show', { display: { view: 'review', tableId: null, station: 0, spotlight: null } }],
  ['round:configure', { settings: { stationMinutes: 1, graceSeconds: 0 } }],
  ['station:lock', { stationId: 'station-1', locked: true }],
  ['event:display', { showNames: true }],
  ['tree:objectives', { groupId: 'kleiner-landkreis' }],
  ['actors:refresh', {}],
  ['tree:configure', { method: { attribute: 'Kommunengröße', values: ['kleiner Landkreis'], maxGroupSize: null } }],
  ['card:moderate', { tableId: 'arbeitsmarktintegration', cardId: 'card-0001', action: 'hide' }],
  ['station:moderation', { stationId: 'station-1', collect: true }],
  ['station:reveal', { stationId: 'station-1' }],
  ['vote:open', { setup: { question: 'Welche Maßnahmen zuerst?', scope: {}, budget: 3, perCardMax: 1 } }],
  ['vote:freeze', { stepId: 'step-abcdef', frozen: true }],
  ['vote:show', { stepId: 'step-abcdef', shown: true }],
  ['vote:order', { stepId: 'step-abcdef' }],
  // Grouping and ordering cards: the facilitator, or a table's host (never a participant).
  ['groups:edit', { column: { tableId: 'arbeitsmarktintegration', stationId: 'station-1', columnId: 'laeuft-gut' }, change: { type: 'create', id: 'gruppe-0001', title: 'Sprache', cardIds: [] } }],
  ['cards:move', { column: { tableId: 'arbeitsmarktintegration', stationId: 'station-1', columnId: 'laeuft-gut' }, cardId: 'karte-00001', beforeCardId: null }],
  // event:update gets the event's own setup with a new title (filled in below, it needs the event).
  ['event:update', null],
]

describe('fault suite: roles, forged fields and the Socket.IO edge', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse
  let participant: { token: string; participantId: string }
  const open: ReturnType<typeof controlSocket>[] = []
  const ctl = (auth: unknown, headers?: Record<string, string>) => {
    const c = controlSocket(child.url, auth, headers)
    open.push(c)
    return c
  }
  const emit = (c: ReturnType<typeof controlSocket>, name: string, payload: unknown) =>
    within(c.socket.emitWithAck(name, payload) as Promise<Ack>, `the ack of ${name}`)

  beforeAll(async () => {
    data = await tempDataDir('faults-roles')
    child = await startChildServer(data.dir)
    cafe = await createEvent(child.url, { title: 'Rollen', tableNames: ['Arbeitsmarktintegration'] })
    participant = await join(child.url, cafe.joinCode)
  })
  afterEach(() => {
    for (const c of open.splice(0)) c.socket.disconnect()
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  /** The event as the facilitator's API sees it: round version and title. */
  const state = async () => {
    const { body } = await api<{ event: { title: string } }>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })
    const f = ctl({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await f.ready
    const round = await waitFor(() => f.rounds.at(-1), 'round:state')
    return { title: body.event.title, version: round.round.version, phase: round.round.phase }
  }

  it('covers every client command in the list below', () => {
    // presence:table, tree:join and vote:cast are every phone's own commands.
    const phoneCommands = new Set(['presence:table', 'tree:join', 'vote:cast'])
    expect(FACILITATOR_COMMANDS.map(([n]) => n).sort()).toEqual(Object.keys(clientEvents).filter((n) => !phoneCommands.has(n)).sort())
  })

  it('answers a participant issuing each facilitator command with FORBIDDEN and changes nothing', async () => {
    const before = await state()
    const phone = ctl({ token: participant.token, wire: WIRE_VERSION })
    await phone.ready
    const codes: string[] = []
    const { event } = (await api<{ event: Record<string, unknown> }>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })).body
    const { id: _id, ...setup } = event
    const valid = (name: string, payload: unknown) => (name === 'event:update' ? { setup: { ...setup, title: 'Übernommen' } } : payload)
    for (const [name, payload] of FACILITATOR_COMMANDS) expect(clientEvents[name as keyof typeof clientEvents].safeParse(valid(name, payload)).success).toBe(true)
    for (const [name, payload] of FACILITATOR_COMMANDS.map(([n, p]) => [n, valid(n, p)] as const)) codes.push(((await emit(phone, name, payload)) as { code?: string }).code ?? 'ok')
    report('participant issuing every facilitator command', `${codes.length} commands → ${[...new Set(codes)].join(', ')}`)
    expect(codes).toEqual(FACILITATOR_COMMANDS.map(() => ErrorCode.FORBIDDEN))
    expect(await state()).toEqual(before)
  })

  it('ignores forged role fields and __proto__ keys in handshakes and payloads', async () => {
    const before = await state()
    const forgedAuth = JSON.parse(`{"token":${JSON.stringify(participant.token)},"wire":${WIRE_VERSION},"role":"facilitator","r":"facilitator","__proto__":{"r":"facilitator","role":"facilitator"}}`)
    const phone = ctl(forgedAuth)
    await phone.ready
    const view = await waitFor(() => phone.views.at(-1), 'event:state')
    const payloads = [
      { expectedVersion: before.version, role: 'facilitator' },
      JSON.parse(`{"expectedVersion":${before.version},"__proto__":{"role":"facilitator","claims":{"r":"facilitator"}}}`),
      JSON.parse(`{"expectedVersion":${before.version},"constructor":{"prototype":{"role":"facilitator"}}}`),
    ]
    const codes: string[] = []
    for (const p of payloads) codes.push(((await emit(phone, 'round:advance', p)) as { code?: string }).code ?? 'ok')
    // A join body with forged fields still makes a participant.
    const joined = await api<{ token: string }>(child.url, '/api/join', { body: JSON.parse(`{"code":"${cafe.joinCode}","role":"facilitator","__proto__":{"r":"facilitator"}}`) })
    const claims = JSON.parse(Buffer.from(joined.body.token.split('.')[0]!, 'base64url').toString('utf8')) as { role: string }
    // A facilitator's event update with a __proto__ key stores no prototype and no extra key.
    const facilitator = ctl({ token: cafe.facilitatorToken, wire: WIRE_VERSION })
    await facilitator.ready
    const ev = (await api<{ event: Record<string, unknown> }>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })).body.event
    const update = JSON.parse(JSON.stringify({ setup: { ...ev } }).replace('{"setup":{', '{"setup":{"__proto__":{"isAdmin":true},"polluted":1,'))
    const updateAck = await emit(facilitator, 'event:update', update)
    const after = (await api<{ event: Record<string, unknown> }>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })).body.event
    report('forged role fields and __proto__ payloads', `handshake role → ${view.role}; round:advance → ${codes.join(', ')}; forged join → role ${claims.role}; facilitator update with __proto__ → ${updateAck.ok ? 'ok, extra keys dropped' : (updateAck as { code: string }).code}`)
    expect(view.role).toBe('participant')
    expect(view.joinCode).toBeNull()
    expect(codes).toEqual([ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN])
    expect(claims.role).toBe('participant')
    expect(Object.keys(after).sort()).toEqual(Object.keys(ev).sort())
    expect(await state()).toMatchObject({ version: before.version, phase: before.phase })
  })

  it('answers a participant FORBIDDEN for a staff command before reading its message, and answers a command that does not exist', async () => {
    const phone = ctl({ token: participant.token, wire: WIRE_VERSION })
    await phone.ready
    const codes: string[] = []
    for (const [name] of FACILITATOR_COMMANDS) codes.push(((await emit(phone, name, { nonsense: true, setup: { budget: 99 } })) as { code?: string }).code ?? 'ok')
    report('participant sending malformed staff commands', `${codes.length} commands → ${[...new Set(codes)].join(', ')}`)
    expect(codes).toEqual(FACILITATOR_COMMANDS.map(() => ErrorCode.FORBIDDEN))
    expect(await emit(phone, 'card:moderate', { tableId: 42 })).toEqual({ ok: false, code: ErrorCode.FORBIDDEN, params: { needs: 'host' } })
    expect(await emit(phone, 'no:such:command', {})).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
  })

  it('survives commands without an ack callback and with malformed payloads, answering the next one', async () => {
    const phone = ctl({ token: participant.token, wire: WIRE_VERSION })
    await phone.ready
    for (const [name] of FACILITATOR_COMMANDS) phone.socket.emit(name, { nonsense: true })
    phone.socket.emit('presence:table', null)
    phone.socket.emit('presence:table')
    const invalid = await emit(phone, 'presence:table', { tableId: 42 })
    const fine = await emit(phone, 'presence:table', { tableId: cafe.event.tables[0]!.id })
    report('commands without ack and malformed payloads', `server alive; malformed with ack → ${(invalid as { code: string }).code}; next valid → ${fine.ok ? 'ok' : 'refused'}`)
    expect(invalid).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(fine).toEqual({ ok: true })
  })

  it('drops a Socket.IO message over 256 KiB without harm to others', async () => {
    const phone = ctl({ token: participant.token, wire: WIRE_VERSION })
    await phone.ready
    const gone = new Promise<string>((resolve) => phone.socket.once('disconnect', (reason) => resolve(reason)))
    phone.socket.emit('presence:table', { tableId: 'x'.repeat(300 * 1024) })
    const reason = await within(gone, 'the oversized sender to be disconnected')
    const other = ctl({ token: participant.token, wire: WIRE_VERSION })
    await other.ready
    report('oversized Socket.IO message (300 KiB)', `sender disconnected (${reason}); a new connection works`)
    expect(await emit(other, 'presence:table', { tableId: null })).toEqual({ ok: true })
  })

  it('answers a command flood with RATE_LIMITED and keeps serving', async () => {
    const phone = ctl({ token: participant.token, wire: WIRE_VERSION })
    await phone.ready
    const acks = await Promise.all(Array.from({ length: 80 }, () => emit(phone, 'presence:table', { tableId: null })))
    const limited = acks.filter((a) => !a.ok && a.code === ErrorCode.RATE_LIMITED).length
    report('80 Socket.IO commands at once from one connection', `${acks.length - limited} run, ${limited} answered RATE_LIMITED`)
    expect(limited).toBeGreaterThan(0)
    expect(acks.length - limited).toBeGreaterThanOrEqual(30)
  })

  it('refuses sockets opened from pages of other sites, and accepts the server’s own pages', async () => {
    const evil = ctl({ token: cafe.facilitatorToken, wire: WIRE_VERSION }, { origin: 'https://evil.example' })
    const evilError = await evil.ready.then(() => 'connected', (e: Error) => e.message)
    const good = ctl({ token: cafe.facilitatorToken, wire: WIRE_VERSION }, { origin: child.url })
    await good.ready
    const board = await new Promise<number | undefined>((resolve) => {
      import('ws').then(({ WebSocket }) => {
        const ws = new WebSocket(`${child.url.replace(/^http/, 'ws')}/yjs/${boardDocName(cafe.event.id, cafe.event.tables[0]!.id)}?token=${participant.token}`, { headers: { origin: 'https://evil.example' } })
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode))
        ws.on('open', () => resolve(101))
        ws.on('error', () => {})
      })
    })
    report('Origin check', `Socket.IO from https://evil.example → "${evilError}"; board socket → HTTP ${board}; own origin → connected`)
    expect(evilError).toBe(ErrorCode.BAD_ORIGIN)
    expect(board).toBe(403)
  })

  it('deletes an event only for its facilitator; its screens are cut off and cannot come back', async () => {
    const doomed = await createEvent(child.url, { title: 'Wird gelöscht', tableNames: ['Sprache'] })
    const table = doomed.event.tables[0]!.id
    const guest = await join(child.url, doomed.joinCode)
    const phone = connectBoard(child.url, doomed.event.id, table, guest.token)
    const screen = ctl({ token: guest.token, wire: WIRE_VERSION })
    try {
      await Promise.all([phone.synced(), screen.ready])
      phone.put({ id: 'doomed-card-1', stationId: 'station-1', columnId: 'ziele', text: 'x', subPoints: [], authorId: guest.participantId, createdAt: 1, position: 1 })
      const byGuest = await api(child.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: guest.token })
      const byOther = await api(child.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: cafe.facilitatorToken })
      const cut = new Promise<string>((resolve) => screen.socket.once('disconnect', (r) => resolve(r)))
      const deleted = await api(child.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: doomed.facilitatorToken })
      await within(cut, 'the screen to be disconnected')
      await waitFor(() => phone.closeCodes.includes(BoardCloseCode.NOT_FOUND) || phone.closeCodes.includes(BoardCloseCode.UNAUTHORIZED), 'the board socket to close')
      phone.destroy()
      const again = ctl({ token: guest.token, wire: WIRE_VERSION })
      const againError = await again.ready.then(() => 'connected', (e: Error) => e.message)
      const boardAgain = await sendRaw(child.url, doomed.event.id, table, guest.token, null)
      const files = ['ysnap', 'ywal'].map((ext) => path.join(data.dir, 'boards', `${boardDocName(doomed.event.id, table)}.${ext}`)).filter(existsSync)
      report('event deletion', `participant → ${byGuest.status}, other event's facilitator → ${byOther.status}, own facilitator → ${deleted.status}; reconnect → "${againError}", board → HTTP ${boardAgain.status}; board files left: ${files.length}`)
      expect([byGuest.status, byOther.status, deleted.status]).toEqual([403, 401, 204])
      // Refused, and told why: the event is deleted (not a wrong key), so the screen says "gelöscht".
      expect(againError).toBe(ErrorCode.NOT_FOUND)
      expect(boardAgain.status).toBe(410)
      expect(files).toEqual([])
    } finally {
      phone.destroy()
    }
  })
})
