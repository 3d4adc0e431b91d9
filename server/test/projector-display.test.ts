import { type Socket, io } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, type ProjectorDisplay, type ProjectorDisplayMessage, ErrorCode, TREE_DAY_PHASE_STATIONS, TREE_DAY_TEMPLATE, WIRE_VERSION, groupsOf } from '@tischrunde/shared'
import { api, createEvent, join, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { advanceRounds, backRound } from './helpers/rounds.js'
import { waitFor, within } from './helpers/wait.js'

const REVIEW: ProjectorDisplay = { view: 'review', tableId: 'sprache', station: 1, spotlight: null }

describe('the console drives the projectors', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const sockets: Socket[] = []

  /** A Socket.IO client recording display commands and deletions. */
  const connect = async (token: string) => {
    const socket = io(running.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
    sockets.push(socket)
    const displays: ProjectorDisplayMessage[] = []
    const events = { deleted: 0, disconnected: 0 }
    socket.on('projector:display', (m: ProjectorDisplayMessage) => displays.push(m))
    socket.on('event:deleted', () => events.deleted++)
    socket.on('disconnect', () => events.disconnected++)
    await within(new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))), 'the socket to connect')
    return { socket, displays, events, send: (display: unknown) => within(socket.emitWithAck('projector:show', { display }) as Promise<Ack>, 'the ack') }
  }

  beforeAll(async () => {
    data = await tempDataDir('projector-display')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Beamer-Steuerung', tableNames: ['Arbeitsmarktintegration', 'Sprache'] })
  })
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect()
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('shows the facilitator’s choice on every projector, and on a projector that connects later', async () => {
    const projector = await connect(tokenOfLink(cafe.links.projector))
    const facilitator = await connect(cafe.facilitatorToken)
    expect(await facilitator.send(REVIEW)).toEqual({ ok: true })
    expect((await waitFor(() => projector.displays.at(-1), 'projector:display')).display).toEqual(REVIEW)
    // The console hears it too, so a second console shows the same.
    expect((await waitFor(() => facilitator.displays.at(-1), 'the echo')).display).toEqual(REVIEW)
    const late = await connect(tokenOfLink(cafe.links.projector))
    expect((await waitFor(() => late.displays.at(-1), 'the current display')).display).toEqual(REVIEW)
  })

  it('puts one card in the spotlight, and numbers each command so a repeat shows again', async () => {
    const projector = await connect(tokenOfLink(cafe.links.projector))
    const facilitator = await connect(cafe.facilitatorToken)
    const spot: ProjectorDisplay = { ...REVIEW, spotlight: { kind: 'card', tableId: 'sprache', cardId: 'card-1' } }
    await facilitator.send(spot)
    await facilitator.send(spot)
    const [a, b] = await waitFor(() => (projector.displays.length >= 3 ? projector.displays.slice(-2) : undefined), 'two spotlight commands')
    expect(a!.display.spotlight).toEqual(spot.spotlight)
    expect(b!.seq).toBeGreaterThan(a!.seq)
  })

  it.each([
    ['an unknown table', { ...REVIEW, tableId: 'gibt-es-nicht' }, ErrorCode.NOT_FOUND],
    ['a station past the last', { ...REVIEW, station: 7 }, ErrorCode.NOT_NOW],
    ['a column the station does not have', { ...REVIEW, spotlight: { kind: 'column', tableId: 'sprache', stationId: 'station-1', columnId: 'nope' } }, ErrorCode.NOT_NOW],
    ['a view that does not exist', { ...REVIEW, view: 'kino' }, ErrorCode.INVALID_MESSAGE],
    ['a group tree on a day without trees', { ...REVIEW, tree: { groupId: 'kreisfreie-stadt', phase: 'problem' } }, ErrorCode.NOT_FOUND],
  ])('refuses %s', async (_what, display, code) => {
    const facilitator = await connect(cafe.facilitatorToken)
    expect(await facilitator.send(display)).toMatchObject({ ok: false, code })
  })

  it('changes only the language the projectors speak: they keep what they show, a later projector hears both', async () => {
    const projector = await connect(tokenOfLink(cafe.links.projector))
    const facilitator = await connect(cafe.facilitatorToken)
    expect(await facilitator.send(REVIEW)).toEqual({ ok: true })
    await waitFor(() => projector.displays.find((m) => m.display.view === 'review' && !m.initial), 'the review')
    // The console's own idea of the view may be older (another console moved on): a language change does not send it.
    const languageOnly = (language: unknown) => within(facilitator.socket.emitWithAck('projector:show', { display: { view: 'wall', tableId: null, station: null, spotlight: null, language }, only: 'language' }) as Promise<Ack>, 'the ack')
    expect(await languageOnly('en')).toEqual({ ok: true })
    const told = await waitFor(() => projector.displays.find((m) => m.languageOnly), 'the language')
    expect(told.display).toEqual({ ...REVIEW, language: 'en' })
    const late = await connect(tokenOfLink(cafe.links.projector))
    const replay = await waitFor(() => late.displays.at(-1), 'the current display')
    expect(replay).toMatchObject({ display: { ...REVIEW, language: 'en' }, initial: true })
    expect(replay.languageOnly).toBeUndefined()
    // Not a language of the screens: refused, nothing sent.
    const before = projector.displays.length
    expect(await languageOnly('fr')).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await languageOnly('en')).toEqual({ ok: true })
    await waitFor(() => (projector.displays.length === before + 1 ? true : undefined), 'one more command')
  })

  it('ends a spotlight when the day moves to another station, keeping the view; a projector connecting later shows none', async () => {
    const projector = await connect(tokenOfLink(cafe.links.projector))
    const facilitator = await connect(cafe.facilitatorToken)
    const table: ProjectorDisplay = { view: 'table', tableId: 'sprache', station: null, spotlight: { kind: 'card', tableId: 'sprache', cardId: 'card-1' } }
    expect(await facilitator.send(table)).toEqual({ ok: true })
    await waitFor(() => projector.displays.find((m) => m.display.spotlight !== null && !m.initial), 'the spotlight')
    await advanceRounds(running.url, cafe.facilitatorToken)
    const ended = await waitFor(() => projector.displays.find((m) => m.spotlightEnded), 'the spotlight to end')
    expect(ended.display).toEqual({ ...table, spotlight: null })
    const late = await connect(tokenOfLink(cafe.links.projector))
    expect((await waitFor(() => late.displays.at(-1), 'the current display')).display.spotlight).toBeNull()
  })

  it('moves the tree the console chose in the morning to the solution tree when the afternoon begins, and back with the day', async () => {
    const body = { title: 'Bremen', date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod: { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: null, phaseStations: { ...TREE_DAY_PHASE_STATIONS } } }
    const day = (await api<CreateEventResponse>(running.url, '/api/events', { body, token: running.server.credentials.adminKey })).body
    const projector = await connect(tokenOfLink(day.links.projector))
    const facilitator = await connect(day.facilitatorToken)
    const group = groupsOf(day.event.treeMethod!)[1]!
    await advanceRounds(running.url, day.facilitatorToken) // the morning: the problem trees
    const morning: ProjectorDisplay = { view: 'table', tableId: null, station: null, spotlight: null, tree: { groupId: group.id, phase: 'problem' } }
    expect(await facilitator.send(morning)).toEqual({ ok: true })
    await waitFor(() => projector.displays.find((m) => m.display.tree && !m.initial), 'the morning tree')
    await advanceRounds(running.url, day.facilitatorToken) // the afternoon: the solution trees
    const followed = await waitFor(() => projector.displays.find((m) => m.treeFollowed), 'the tree to follow the day')
    expect(followed.display).toEqual({ ...morning, tree: { groupId: group.id, phase: 'objective' } })
    // The console hears it (its remote marks the solution tree), and a projector opened now shows the solution tree.
    await waitFor(() => facilitator.displays.find((m) => m.treeFollowed), 'the console to hear it')
    const late = await connect(tokenOfLink(day.links.projector))
    expect((await waitFor(() => late.displays.at(-1), 'the current display')).display.tree).toEqual({ groupId: group.id, phase: 'objective' })
    await backRound(running.url, day.facilitatorToken)
    await waitFor(() => projector.displays.find((m) => m.treeFollowed && m.display.tree?.phase === 'problem'), 'the tree to follow the day back')
  })

  it('shows on a tree day the group and tree the console chose, and refuses a group the day does not have', async () => {
    const trees = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Reflexionsgruppen', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    const projector = await connect(tokenOfLink(trees.links.projector))
    const facilitator = await connect(trees.facilitatorToken)
    const method = trees.event.treeMethod!
    const second = groupsOf(method)[1]!
    const shown: ProjectorDisplay = { view: 'table', tableId: null, station: null, spotlight: null, tree: { groupId: second.id, phase: 'objective' } }
    expect(await facilitator.send(shown)).toEqual({ ok: true })
    expect((await waitFor(() => projector.displays.find((m) => m.display.tree && !m.initial), 'the tree')).display.tree).toEqual({ groupId: second.id, phase: 'objective' })
    const before = projector.displays.length
    expect(await facilitator.send({ ...shown, tree: { groupId: 'gibt-es-nicht', phase: 'problem' } })).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND, params: { what: 'group' } })
    expect(await facilitator.send({ ...shown, tree: { groupId: second.id, phase: 'morgen' } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(projector.displays.length).toBe(before)
  })

  it('refuses display commands from participants and projectors, and tells them nothing', async () => {
    const phone = await connect((await join(running.url, cafe.joinCode)).token)
    const projector = await connect(tokenOfLink(cafe.links.projector))
    const before = projector.displays.length
    expect(await phone.send(REVIEW)).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await projector.send(REVIEW)).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    const facilitator = await connect(cafe.facilitatorToken)
    await facilitator.send({ ...REVIEW, view: 'join' })
    await waitFor(() => (projector.displays.length > before ? true : undefined), 'the facilitator’s command')
    // Phones never hear what the projectors show.
    expect(phone.displays).toEqual([])
  })

  it('tells every open screen that the event was deleted before disconnecting it', async () => {
    const doomed = await createEvent(running.url, { title: 'Wird gelöscht', tableNames: ['Sprache'] })
    const screens = await Promise.all([connect(tokenOfLink(doomed.links.projector)), connect(doomed.facilitatorToken), connect((await join(running.url, doomed.joinCode)).token)])
    const { status } = await api(running.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: doomed.facilitatorToken })
    expect(status).toBe(204)
    for (const screen of screens) {
      await waitFor(() => (screen.events.disconnected ? true : undefined), 'the disconnect')
      expect(screen.events.deleted).toBe(1)
    }
  })

  it('tells a screen that the event was deleted even when its command overtakes the deletion', async () => {
    // A console sends commands as it comes online; one that lands while the event is removed must not
    // leave it dropped without a word (it would then show "offline", not "gelöscht").
    const doomed = await createEvent(running.url, { title: 'Wird gelöscht', tableNames: ['Sprache'] })
    const screens = await Promise.all(Array.from({ length: 8 }, () => connect(doomed.facilitatorToken)))
    let sending = true
    const hammer = (async () => {
      while (sending) {
        for (const screen of screens) if (screen.socket.connected) void screen.socket.timeout(2000).emitWithAck('programme:get', {}).catch(() => {})
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    const { status } = await api(running.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: doomed.facilitatorToken })
    expect(status).toBe(204)
    for (const screen of screens) await waitFor(() => (screen.events.disconnected ? true : undefined), 'the disconnect')
    sending = false
    await hammer
    expect(screens.map((s) => s.events.deleted)).toEqual(screens.map(() => 1))
  })
})
