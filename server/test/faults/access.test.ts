import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BoardCloseCode, type CreateEventResponse, ErrorCode, type FacilitatorEventView, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent, join, tokenOfLink } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep, waitFor, within } from '../helpers/wait.js'
import { controlSocket, report, sendRaw } from './fault-kit.js'

type Failed = { code: string; params?: Record<string, unknown> }

describe('fault suite: who may create events, and links revoked one by one', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  const boards: BoardClient[] = []
  const sockets: ReturnType<typeof controlSocket>[] = []
  const screen = (token: string) => {
    const c = controlSocket(child.url, { token, wire: WIRE_VERSION })
    sockets.push(c)
    return c
  }

  beforeAll(async () => {
    data = await tempDataDir('faults-access')
  })
  afterEach(async () => {
    for (const b of boards.splice(0)) b.destroy()
    for (const s of sockets.splice(0)) s.socket.disconnect()
    await killAllChildren()
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  const newEvent = { title: 'Fremd angelegt', date: '2026-11-23', tableNames: ['Sprache'] }
  const eventCount = async () => (await api<unknown[]>(child.url, '/api/events', { token: child.adminKey })).body.length

  it('creates events only with the admin key, and no more than the installation allows', async () => {
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_MAX_EVENTS: '3' } })
    const stranger = await api<Failed>(child.url, '/api/events', { body: newEvent })
    const forged = await api<Failed>(child.url, '/api/events', { body: newEvent, token: `${child.adminKey}x` })
    const instance = await api<{ eventCreation: string }>(child.url, '/api/instance')
    const afterStrangers = await eventCount()
    const created: number[] = []
    for (let i = 0; i < 3; i++) created.push((await api(child.url, '/api/events', { body: { ...newEvent, title: `Mit Schlüssel ${i}` }, token: child.adminKey })).status)
    const fourth = await api<Failed>(child.url, '/api/events', { body: { ...newEvent, title: 'Eine zu viel' }, token: child.adminKey })
    report(
      'creating events (class 8)',
      `without key → ${stranger.status} ${stranger.body.code}/${String(stranger.body.params?.credential)}, forged key → ${forged.status}; stored after strangers: ${afterStrangers}; with the admin key → ${created.join(', ')}; past TISCHRUNDE_MAX_EVENTS=3 → ${fourth.status} ${fourth.body.code} (maximum ${String(fourth.body.params?.maximum)})`,
    )
    expect(instance.body).toEqual({ eventCreation: 'admin_key' })
    expect(stranger).toMatchObject({ status: 401, body: { code: ErrorCode.UNAUTHORIZED, params: { credential: 'admin_key' } } })
    expect(forged.status).toBe(401)
    expect(afterStrangers).toBe(0)
    expect(created).toEqual([201, 201, 201])
    expect(fourth).toMatchObject({ status: 403, body: { code: ErrorCode.LIMIT_REACHED, params: { what: 'events', maximum: 3 } } })
    expect(await eventCount()).toBe(3)
  })

  it('when creation is opened by configuration, paces it per address; the admin key is not paced', async () => {
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_OPEN_EVENT_CREATION: 'true', TISCHRUNDE_EVENTS_PER_HOUR: '2' } })
    const instance = await api<{ eventCreation: string }>(child.url, '/api/instance')
    const open: number[] = []
    for (let i = 0; i < 4; i++) open.push((await api(child.url, '/api/events', { body: { ...newEvent, title: `Offen ${i}` } })).status)
    const limited = await api<Failed>(child.url, '/api/events', { body: { ...newEvent, title: 'Noch eine' } })
    const admin = await api(child.url, '/api/events', { body: { ...newEvent, title: 'Mit Schlüssel' }, token: child.adminKey })
    report('open event creation, 2 per hour', `${open.join(', ')}; then → ${limited.status} ${limited.body.code}/${String(limited.body.params?.what)}; with the admin key → ${admin.status}`)
    expect(instance.body).toEqual({ eventCreation: 'open' })
    expect(open).toEqual([201, 201, 429, 429])
    expect(limited.body).toMatchObject({ code: ErrorCode.RATE_LIMITED, params: { what: 'event_creation' } })
    expect(admin.status).toBe(201)
  })

  describe('revoking one link (class 10)', () => {
    let cafe: CreateEventResponse
    let tables: [string, string]

    async function openCafe() {
      child = await startChildServer(data.dir)
      cafe = await createEvent(child.url, { title: 'Widerruf', tableNames: ['Sprache', 'Arbeit'] })
      tables = cafe.event.tables.map((t) => t.id) as [string, string]
      await advanceRounds(child.url, cafe.facilitatorToken)
    }
    const revoke = (body: unknown, token = cafe.facilitatorToken) => api<FacilitatorEventView & Failed>(child.url, `/api/events/${cafe.event.id}/revoke`, { body, token })

    it('closes a revoked host link’s sockets and refuses it, while facilitator, projector, the other host and participants stay connected', async () => {
      await openCafe()
      const hostToken = tokenOfLink(cafe.links.hosts[tables[0]]!)
      const otherHostToken = tokenOfLink(cafe.links.hosts[tables[1]]!)
      const phone = await connectPhone(child.url, cafe.event.id, tables[0], cafe.joinCode)
      const host = connectBoard(child.url, cafe.event.id, tables[0], hostToken)
      const otherHost = connectBoard(child.url, cafe.event.id, tables[1], otherHostToken)
      const facilitator = connectBoard(child.url, cafe.event.id, tables[0], cafe.facilitatorToken)
      const projector = connectBoard(child.url, cafe.event.id, tables[0], cafe.projectorToken)
      boards.push(phone, host, otherHost, facilitator, projector)
      await Promise.all(boards.map((b) => b.synced()))
      const screens = { host: screen(hostToken), facilitator: screen(cafe.facilitatorToken), projector: screen(cafe.projectorToken), phone: screen(phone.token) }
      await Promise.all(Object.values(screens).map((s) => s.ready))
      const hostScreenCut = new Promise<string>((resolve) => screens.host.socket.once('disconnect', (r) => resolve(r)))

      const byParticipant = await revoke({ credential: 'host', tableId: tables[0] }, phone.token)
      const revoked = await revoke({ credential: 'host', tableId: tables[0] })
      await waitFor(() => host.closeCodes.includes(BoardCloseCode.UNAUTHORIZED), 'the revoked host’s board socket to close')
      host.destroy()
      const cutReason = await within(hostScreenCut, 'the revoked host’s control socket to be disconnected')
      const upgrade = await sendRaw(child.url, cafe.event.id, tables[0], hostToken, null)
      const handshake = await screen(hostToken).ready.then(() => 'connected', (e: Error) => e.message)
      const newHostToken = tokenOfLink(revoked.body.links.hosts[tables[0]]!)
      const renewed = connectBoard(child.url, cafe.event.id, tables[0], newHostToken)
      boards.push(renewed)
      await renewed.synced()

      // Everyone else is still connected and still sees new cards.
      await sleep(300)
      phone.put(phone.card({ id: 'nach-dem-widerruf', text: 'Noch da' }))
      await Promise.all([facilitator, projector, renewed].map((b) => b.waitForCard('nach-dem-widerruf')))
      const stillOpen = { facilitator: facilitator.closeCodes.length, projector: projector.closeCodes.length, otherHost: otherHost.closeCodes.length, phone: phone.closeCodes.length }
      const screensUp = Object.entries(screens).filter(([k]) => k !== 'host').map(([k, s]) => [k, s.socket.connected] as const)
      report(
        'revoking one table host’s link',
        `by a participant → ${byParticipant.status}; by the facilitator → ${revoked.status}; old host board socket closed ${host.closeCodes.join(',')}, its screen "${cutReason}"; old link at the upgrade → HTTP ${upgrade.status}, handshake → ${handshake}; new link syncs; closes elsewhere ${JSON.stringify(stillOpen)}; screens up ${JSON.stringify(Object.fromEntries(screensUp))}`,
      )
      expect(byParticipant.status).toBe(403)
      expect(revoked.status).toBe(200)
      expect(newHostToken).not.toBe(hostToken)
      expect(upgrade.status).toBe(401)
      expect(handshake).toBe(ErrorCode.UNAUTHORIZED)
      expect(stillOpen).toEqual({ facilitator: 0, projector: 0, otherHost: 0, phone: 0 })
      expect(screensUp.every(([, up]) => up)).toBe(true)
      expect(tokenOfLink(revoked.body.links.hosts[tables[1]]!)).toBe(otherHostToken)
      expect(revoked.body.links.facilitator).toBe(cafe.links.facilitator)
      expect(revoked.body.links.projector).toBe(cafe.links.projector)
    })

    it('renews the projector link: old projectors are closed and refused, every other screen stays', async () => {
      await openCafe()
      const projector = connectBoard(child.url, cafe.event.id, tables[0], cafe.projectorToken)
      const facilitator = connectBoard(child.url, cafe.event.id, tables[0], cafe.facilitatorToken)
      const host = connectBoard(child.url, cafe.event.id, tables[0], tokenOfLink(cafe.links.hosts[tables[0]]!))
      boards.push(projector, facilitator, host)
      await Promise.all(boards.map((b) => b.synced()))
      const wall = screen(cafe.projectorToken)
      await wall.ready
      const cut = new Promise<void>((resolve) => wall.socket.once('disconnect', () => resolve()))
      const revoked = await revoke({ credential: 'projector' })
      await waitFor(() => projector.closeCodes.includes(BoardCloseCode.UNAUTHORIZED), 'the old projector’s board socket to close')
      projector.destroy()
      await within(cut, 'the old projector screen to be disconnected')
      const old = await sendRaw(child.url, cafe.event.id, tables[0], cafe.projectorToken, null)
      const fresh = connectBoard(child.url, cafe.event.id, tables[0], revoked.body.projectorToken)
      boards.push(fresh)
      await fresh.synced()
      report('renewing the projector link', `old projector board closed ${projector.closeCodes.join(',')}, upgrade → HTTP ${old.status}; new link syncs; facilitator and host closes: ${facilitator.closeCodes.length + host.closeCodes.length}`)
      expect(old.status).toBe(401)
      expect(revoked.body.projectorToken).not.toBe(cafe.projectorToken)
      expect(facilitator.closeCodes.length + host.closeCodes.length).toBe(0)
    })

    it('renews the facilitator link: old consoles are closed and refused everywhere, the new link works, every other screen stays', async () => {
      await openCafe()
      const oldConsoleBoard = connectBoard(child.url, cafe.event.id, tables[0], cafe.facilitatorToken)
      const projector = connectBoard(child.url, cafe.event.id, tables[0], cafe.projectorToken)
      const host = connectBoard(child.url, cafe.event.id, tables[0], tokenOfLink(cafe.links.hosts[tables[0]]!))
      boards.push(oldConsoleBoard, projector, host)
      await Promise.all(boards.map((b) => b.synced()))
      const oldConsole = screen(cafe.facilitatorToken)
      const wall = screen(cafe.projectorToken)
      await Promise.all([oldConsole.ready, wall.ready])
      const cut = new Promise<void>((resolve) => oldConsole.socket.once('disconnect', () => resolve()))
      // Only a facilitator renews it: a participant, a projector or a host is refused.
      const byProjector = await api<Failed>(child.url, `/api/events/${cafe.event.id}/revoke`, { body: { credential: 'facilitator' }, token: cafe.projectorToken })
      const revoked = await revoke({ credential: 'facilitator' })
      const newToken = tokenOfLink(revoked.body.links.facilitator)
      await waitFor(() => oldConsoleBoard.closeCodes.includes(BoardCloseCode.UNAUTHORIZED), 'the old console’s board socket to close')
      oldConsoleBoard.destroy()
      await within(cut, 'the old console to be disconnected')
      const oldApi = await api<Failed>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })
      const oldRevoke = await api<Failed>(child.url, `/api/events/${cafe.event.id}/revoke`, { body: { credential: 'facilitator' }, token: cafe.facilitatorToken })
      const oldUpgrade = await sendRaw(child.url, cafe.event.id, tables[0], cafe.facilitatorToken, null)
      const newApi = await api(child.url, `/api/events/${cafe.event.id}`, { token: newToken })
      const newConsole = screen(newToken)
      await newConsole.ready
      report(
        'renewing the facilitator link',
        `by the projector → ${byProjector.status}; renewed → ${revoked.status}; old console board closed ${oldConsoleBoard.closeCodes.join(',')}, old link at the API → ${oldApi.status}, renewing again with it → ${oldRevoke.status}, upgrade → HTTP ${oldUpgrade.status}; new link → ${newApi.status}; projector and host closes: ${projector.closeCodes.length + host.closeCodes.length}`,
      )
      expect(byProjector.status).toBe(403)
      expect(revoked.status).toBe(200)
      expect(newToken).not.toBe(cafe.facilitatorToken)
      expect(oldApi.status).toBe(401)
      expect(oldRevoke.status).toBe(401)
      expect(oldUpgrade.status).toBe(401)
      expect(newApi.status).toBe(200)
      expect(projector.closeCodes.length + host.closeCodes.length).toBe(0)
      expect(wall.socket.connected).toBe(true)
      expect(revoked.body.links.projector).toBe(cafe.links.projector)
      expect(revoked.body.links.hosts).toEqual(cafe.links.hosts)
    })

    it('issues a new join code: the old one answers BAD_JOIN_CODE, the new one works, joined phones stay', async () => {
      await openCafe()
      const phone = await connectPhone(child.url, cafe.event.id, tables[0], cafe.joinCode)
      boards.push(phone)
      await phone.synced()
      const wall = screen(cafe.projectorToken)
      await wall.ready
      const renewed = await revoke({ credential: 'join-code' })
      const oldCode = await api<Failed>(child.url, '/api/join', { body: { code: cafe.joinCode } })
      const newCode = await join(child.url, renewed.body.joinCode)
      const wallView = await waitFor(() => wall.views.find((v) => v.joinCode === renewed.body.joinCode), 'the projector to show the new code')
      phone.put(phone.card({ id: 'alter-code-karte', text: 'Schon drin' }))
      await phone.saved()
      report('a new join code', `${cafe.joinCode} → ${renewed.body.joinCode}; old code → ${oldCode.status} ${oldCode.body.code}; new code → joined; projector shows ${wallView.joinCode}; a phone joined before keeps writing (closes: ${phone.closeCodes.length})`)
      expect(renewed.body.joinCode).not.toBe(cafe.joinCode)
      expect(oldCode).toMatchObject({ status: 404, body: { code: ErrorCode.BAD_JOIN_CODE } })
      expect(newCode.eventId).toBe(cafe.event.id)
      expect(phone.closeCodes).toEqual([])
      expect(renewed.body.links.participant).toBe(`/j/${renewed.body.joinCode}`)
    })
  })
})
