import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, type ProgrammeInput, type RoundMessage, WIRE_VERSION, groupColumnKey, moderationDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { connectDoc, connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { cardGroups } from '../../src/harvest/group-service.js'
import { voteSteps } from '../../src/harvest/vote-service.js'
import { PROGRAMME_KEY, PROGRAMME_RECORDS } from '../../src/programme/programme-records.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

const DAY: ProgrammeInput = {
  date: null,
  items: [
    { id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:10' },
    { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [{ id: 'ws-1', number: 1, title: 'Sprache', room: 'Raum 1', capacity: 10 }] },
  ],
}

/**
 * The console sends a command again when its answer was lost ("keine Verbindung") though the
 * command arrived: the server answers the repeat with the first outcome and does not do it twice.
 */
describe('commands the console sends again happen once', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let console_: VoteSocket
  const rounds: RoundMessage[] = []

  beforeAll(async () => {
    data = await tempDataDir('repeated-console-commands')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Integrationskonferenz Kreis Nord', tableNames: ['Sprache', 'Arbeit'] })
    // The round states from the first one on: listened to before the socket connects.
    const roundSocket = io(running.url, { auth: { token: cafe.facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    roundSocket.on('round:state', (m: RoundMessage) => rounds.push(m))
    await waitFor(() => rounds.at(-1), 'the round on connect')
    roundSocket.disconnect()
    console_ = await voteSocket(running.url, cafe.facilitatorToken)
    console_.socket.on('round:state', (m: RoundMessage) => rounds.push(m))
  })
  afterAll(async () => {
    console_?.close()
    await running?.close()
    await data?.remove()
  })

  it('opens a voting step once when "Abstimmung starten" is sent again under its id, and refuses another setup under that id', async () => {
    const setup = { question: 'Welche Maßnahmen zuerst?', scope: {}, budget: 3, perCardMax: 1 }
    // A vote needs a card to vote on.
    const station = cafe.event.template.stations[0]!
    await writeCards(running.url, cafe.event.id, cafe.event.tables[0]!.id, cafe.facilitatorToken, { stationId: station.id, columnId: station.columns[0]!.id }, ['Sprachkurse vor Ort'])
    const first = await console_.send('vote:open', { setup, stepId: 'schritt-0001' })
    expect(first).toEqual({ ok: true, data: { stepId: 'schritt-0001' } })
    expect(await console_.send('vote:open', { setup, stepId: 'schritt-0001' })).toEqual({ ok: true, data: { stepId: 'schritt-0001' } })
    // Both copies at the same moment: still one step.
    const both = await Promise.all([console_.send('vote:open', { setup, stepId: 'schritt-0002' }), console_.send('vote:open', { setup, stepId: 'schritt-0002' })])
    expect(both).toEqual([
      { ok: true, data: { stepId: 'schritt-0002' } },
      { ok: true, data: { stepId: 'schritt-0002' } },
    ])
    const stored = (await running.server.storage.events.listRecords(cafe.event.id, voteSteps)).map((r) => r.value.id).sort()
    expect(stored).toEqual(['schritt-0001', 'schritt-0002'])
    await waitFor(() => console_.steps.at(-1)?.steps.length === 2 || undefined, 'two steps on the console')
    // Another question under an id in use is not a repeat.
    expect(await console_.send('vote:open', { setup: { ...setup, question: 'Was noch?' }, stepId: 'schritt-0001' })).toMatchObject({ ok: false, code: ErrorCode.CONFLICT })
    // The id is an id: checked like one.
    for (const stepId of ['kurz', 'mit leerzeichen!', 'x'.repeat(41), 42]) expect(await console_.send('vote:open', { setup, stepId })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    // Without an id the console still opens steps (older consoles).
    expect(await console_.send('vote:open', { setup })).toMatchObject({ ok: true })
    expect(await running.server.storage.events.listRecords(cafe.event.id, voteSteps)).toHaveLength(3)
  })

  it('advances the round one step when "Weiter" is sent again with the version it was sent from', async () => {
    const before = rounds.at(-1)!.round
    expect(await console_.send('round:advance', { expectedVersion: before.version })).toEqual({ ok: true })
    const repeat = await console_.send('round:advance', { expectedVersion: before.version })
    expect(repeat).toMatchObject({ ok: false })
    await waitFor(() => rounds.at(-1)!.round.version > before.version || undefined, 'the next round state')
    await running.server.rooms.settle()
    const now = rounds.at(-1)!.round
    expect(now.version).toBe(before.version + 1)
  })

  it('answers a dissolve sent again as done', async () => {
    const column = { tableId: 'sprache', stationId: cafe.event.template.stations[0]!.id, columnId: cafe.event.template.stations[0]!.columns[0]!.id }
    expect(await console_.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-weg', title: 'Wohnen', cardIds: [] } })).toEqual({ ok: true })
    for (let i = 0; i < 2; i++) expect(await console_.send('groups:edit', { column, change: { type: 'dissolve', groupId: 'gruppe-weg' } })).toEqual({ ok: true })
    const record = await running.server.storage.events.getRecord(cafe.event.id, cardGroups, groupColumnKey(column))
    expect(record?.value.groups ?? []).toEqual([])
  })

  it('answers a refusal sent again as done; the card is refused once', async () => {
    const anna = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    await anna.synced()
    expect(await console_.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
    anna.put(anna.card({ id: 'anna-abgelehnt', text: 'Name und Telefonnummer von Frau K.' }))
    await anna.saved()
    const queue = connectDoc(running.url, moderationDocName(cafe.event.id, 'sprache'), cafe.facilitatorToken)
    await queue.synced()
    await waitFor(() => readHeld(queue.doc).some((h) => h.id === 'anna-abgelehnt' && h.status === 'pending') || undefined, 'the card in the queue')
    const refuse = () => console_.send('card:moderate', { tableId: 'sprache', cardId: 'anna-abgelehnt', action: 'refuse' })
    expect(await refuse()).toEqual({ ok: true })
    expect(await refuse()).toEqual({ ok: true })
    const own = connectDoc(running.url, ownDocName(cafe.event.id, 'sprache', anna.participantId), anna.token)
    await own.synced()
    await waitFor(() => readHeld(own.doc).some((h) => h.id === 'anna-abgelehnt' && h.status === 'refused') || undefined, 'the refusal on Anna’s phone')
    expect(readHeld(queue.doc).map((h) => h.id)).toEqual([])
    // A card nobody refused is still no card to refuse.
    expect(await console_.send('card:moderate', { tableId: 'sprache', cardId: 'gibt-es-nicht', action: 'refuse' })).toMatchObject({ ok: false, code: ErrorCode.CONFLICT })
    expect(await console_.send('station:moderation', { stationId: null, approval: false })).toEqual({ ok: true })
    for (const d of [queue, own]) d.destroy()
    anna.destroy()
  })

  it('shifts the day once when "Verschieben" is sent again under its id, and answers a save sent again as done', async () => {
    const read = await console_.send('programme:get', {})
    const from = (read as { data: { version: number } }).data.version
    const v = from + 1
    const save = (programme: ProgrammeInput) => console_.send('programme:save', { programme, expectedVersion: from || null })
    expect(await save(DAY)).toEqual({ ok: true, data: { version: v } })
    // The same save again (its answer was lost): done, at the version it made.
    expect(await save(DAY)).toEqual({ ok: true, data: { version: v } })
    // Another programme from the old version is still refused: someone saved meanwhile.
    expect(await save({ ...DAY, items: DAY.items.slice(0, 1) })).toMatchObject({ ok: false, code: ErrorCode.STALE_VERSION })

    expect(await console_.send('programme:shift', { minutes: 15, shiftId: 'verschieben-1' })).toEqual({ ok: true, data: { version: v + 1 } })
    expect(await console_.send('programme:shift', { minutes: 15, shiftId: 'verschieben-1' })).toEqual({ ok: true, data: { version: v + 1 } })
    expect(await console_.send('programme:shift', { minutes: 15, shiftId: 'verschieben-2' })).toEqual({ ok: true, data: { version: v + 2 } })
    const stored = await running.server.storage.events.getRecord(cafe.event.id, PROGRAMME_RECORDS, PROGRAMME_KEY)
    expect(stored!.value.shifts.map((s) => [s.minutes, s.id])).toEqual([
      [15, 'verschieben-1'],
      [15, 'verschieben-2'],
    ])
    expect(await console_.send('programme:shift', { minutes: 15, shiftId: 'kein id!' })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
  })
})

