import { readdir, rm, stat, truncate } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aCard } from '@tischrunde/fixtures'
import { type Ack, ErrorCode, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent } from '../helpers/api.js'
import { connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, type Exit, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { sleep, waitFor, within } from '../helpers/wait.js'
import { controlSocket, report } from './fault-kit.js'
import { fill, smallDisk } from './small-disk.js'

describe('fault suite: the disk runs full', () => {
  let disk: Awaited<ReturnType<typeof smallDisk>>
  let child: ChildServer
  beforeAll(async () => {
    disk = await smallDisk()
    if (!disk) report('disk full', 'SKIPPED: mounting a small tmpfs needs root on this machine')
  })
  afterAll(async () => {
    await killAllChildren()
    await disk?.release()
  })

  it('does not acknowledge a card while the disk is full, reports it, and stores it once space returns', async ({ skip }) => {
    if (!disk) return skip()
    const dataDir = path.join(disk.dir, 'data')
    child = await startChildServer(dataDir)
    const cafe = await createEvent(child.url, { title: 'Platte voll', tableNames: ['Arbeitsmarktintegration'] })
    const table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
    const phone = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'before-full-1', text: 'Vor dem Vollaufen' }))
    await phone.saved()

    const filler = await fill(disk.dir)
    // More than a memory page of cards in one go: the last half-filled page of the log cannot take it.
    const long = 'Während die Platte voll ist. '.repeat(9)
    phone.doc.transact(() => {
      for (let i = 0; i < 16; i++) phone.put(phone.card({ id: `while-full-${i}`, text: `${long}${i}`, position: 2 + i }))
    })
    await sleep(1500)
    const ackedWhileFull = phone.isSaved()
    const health = await api<{ ok: boolean; storageFailing: number }>(child.url, '/healthz')
    // The log names the board (/healthz only counts it).
    const logged = /storing failed/.test(child.stdout() + child.stderr()) && /ENOSPC/.test(child.stdout() + child.stderr()) && (child.stdout() + child.stderr()).includes(`board.${cafe.event.id}.${table}`)

    await rm(filler)
    const t0 = performance.now()
    await phone.saved(10_000)
    const resumedMs = performance.now() - t0
    const healthAfter = await api<{ ok: boolean }>(child.url, '/healthz')
    phone.destroy()

    // Power cut right after: what was acknowledged must come back.
    await child.stop('SIGKILL')
    child = await startChildServer(dataDir)
    const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const texts = reader.cards().map((c) => (c.text.startsWith('Während') ? 'Während die Platte voll ist' : c.text))
    reader.destroy()
    report(
      'disk full (4 MiB tmpfs filled to the last byte)',
      `card not acknowledged while full: ${!ackedWhileFull}; /healthz ${health.status} ${health.body.storageFailing} failing; ENOSPC logged: ${logged}; acknowledged ${resumedMs.toFixed(0)} ms after space returned; after kill -9: ${texts.length} of 17 cards there`,
    )
    expect(ackedWhileFull).toBe(false)
    expect(health).toMatchObject({ status: 503, body: { ok: false, storageFailing: 1 } })
    expect(logged).toBe(true)
    expect(healthAfter.status).toBe(200)
    expect(texts).toEqual(['Vor dem Vollaufen', ...Array.from({ length: 16 }, () => 'Während die Platte voll ist')])
  })

  const CASE = 'disk full at a station auto-lock and a compaction (4 MiB tmpfs)'
  it('survives a station auto-lock and a board compaction on a full disk, and works on without a restart once space returns', async ({ skip }) => {
    if (!disk) return skip()
    const dataDir = path.join(disk.dir, 'data-auto-lock')
    child = await startChildServer(dataDir, { env: { TISCHRUNDE_BOARD_MESSAGES_PER_SECOND: '5000' } })
    let exited: Exit | null = null
    void child.exited.then((e) => (exited = e))
    const expectAlive = (when: string) => {
      if (exited) report(CASE, `the server died at ${when}: ${JSON.stringify(exited)}, ${child.stderr().trim().split('\n').at(-1)}`)
      expect(exited, `the server to live through ${when}`).toBeNull()
    }
    const cafe = await createEvent(child.url, { title: 'Platte voll am Stationsende', tableNames: ['Wohnen'] })
    const table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!.id
    const screen = () => controlSocket(child.url, { token: cafe.facilitatorToken, wire: WIRE_VERSION })
    const facilitator = screen()
    await facilitator.ready
    const command = (name: string, payload: unknown) => within(facilitator.socket.emitWithAck(name, payload) as Promise<Ack>, `the ack of ${name}`)
    const round = () => facilitator.rounds.at(-1)!.round
    /** What a screen opened now is shown: the round state it gets on connecting. */
    const newScreenSees = async () => {
      const s = screen()
      await s.ready
      const seen = (await waitFor(() => s.rounds.at(-1), 'round:state of a new screen')).round
      s.socket.disconnect()
      return seen
    }

    // A board log just short of its compaction (2,000 frames): 150 long cards, then many small edits
    // (the facilitator may write before the start).
    await waitFor(() => facilitator.rounds.at(-1), 'round:state')
    const board = connectBoard(child.url, cafe.event.id, table, cafe.facilitatorToken)
    await board.synced()
    const text = 'Bezahlbarer Wohnraum für Geflüchtete in der Kernstadt und den Ortsteilen. '.repeat(4).slice(0, 270)
    for (let i = 0; i < 150; i++) board.put(aCard({ id: `wohnen-${i}`, text: `${text} ${i}`, position: i, stationId: station }))
    for (let i = 0; i < 1830; i++) board.put(aCard({ id: 'wohnen-edit', text: `Fassung ${i}`, position: 999, stationId: station }))
    await board.saved(30_000)

    // Station 1 runs, and the facilitator sets its time to zero: it locks by itself once the grace of
    // GRACE_S seconds is over, while the disk is full (rather than a one-minute station run out).
    const GRACE_S = 12
    expect(await command('round:configure', { settings: { stationMinutes: 1, graceSeconds: GRACE_S } })).toEqual({ ok: true })
    await waitFor(() => round().settings.graceSeconds === GRACE_S, 'the new settings')
    expect(await command('round:advance', { expectedVersion: round().version })).toEqual({ ok: true })
    await waitFor(() => round().phase === 'station', 'station 1')
    expect(await command('timer:set', { expectedVersion: round().version, minutes: 0 })).toEqual({ ok: true })
    const ended = await waitFor(() => (round().timer?.endsAt !== undefined && round().timer!.endsAt! <= Date.now() + 1000 ? round().timer!.endsAt : null), 'the time set to zero')
    const locksAt = ended + GRACE_S * 1000

    // Room for the last edits only: they are stored, and the log passes 2,000 frames, but the snapshot does not fit.
    const filler = await fill(disk.dir)
    await truncate(filler, (await readFileSize(filler)) - 16 * 1024)
    for (let i = 0; i < 40; i++) board.put(aCard({ id: 'wohnen-edit', text: `Letzte Fassung ${i}`, position: 999, stationId: station }))
    await Promise.race([board.saved(10_000), child.exited]).catch(() => {})
    await sleep(500)
    const aliveAfterCompaction = exited === null
    expectAlive('the compaction')
    await fill(disk.dir)
    expect(Date.now(), 'the disk to be full before the station lock is due').toBeLessThan(locksAt - 500)

    // The station's time runs out while nothing can be stored.
    await sleep(Math.max(0, locksAt - Date.now()) + 1500)
    const aliveAfterAutoLock = exited === null
    expectAlive('the auto-lock')
    const before = round()
    const seenWhileFull = await newScreenSees()
    const pauseWhileFull = await command('round:pause', { expectedVersion: before.version })
    const seenAfterRefusal = await newScreenSees()
    const createWhileFull = await api<{ code: string }>(child.url, '/api/events', {
      body: { title: 'Neue Veranstaltung', tableNames: ['Sprache'], date: '2026-11-23', place: 'Rathaus Winnenden' },
      token: child.adminKey,
    })

    await rm(filler)
    const t0 = performance.now()
    // Measured without stopping at the first miss, so the report shows every point.
    const lockedMs = await waitFor(() => round().lockedStations.includes(station), 'the station lock', 15_000).then(() => performance.now() - t0, () => null)
    board.put(aCard({ id: 'wohnen-edit', text: 'Nach der Platte', position: 999, stationId: station }))
    await board.saved(10_000)
    const boardFiles = await waitFor(async () => {
      const files = await readdir(path.join(dataDir, 'boards'))
      return files.some((f) => f.endsWith('.ysnap')) && files
    }, 'the board log to be compacted', 10_000).catch(async () => readdir(path.join(dataDir, 'boards')))
    const created = await api<{ event: { id: string } }>(child.url, '/api/events', {
      body: { title: 'Nach der Platte', tableNames: ['Sprache'], date: '2026-11-23', place: 'Rathaus Winnenden' },
      token: child.adminKey,
    })
    const createdToken = (created.body as unknown as { facilitatorToken: string }).facilitatorToken
    const advanced = created.status === 201 ? await advanceRounds(child.url, createdToken).then((r) => r.phase, (e: Error) => e.message) : `not created (${created.status})`
    const advanceOld = await command('round:advance', { expectedVersion: round().version })
    const health = await api(child.url, '/healthz')
    const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const cards = reader.cards()
    reader.destroy()
    board.destroy()
    facilitator.socket.disconnect()

    report(
      CASE,
      `alive after the compaction: ${aliveAfterCompaction}, after the auto-lock: ${aliveAfterAutoLock}${exited ? ` (exited ${JSON.stringify(exited)})` : ''}; ` +
        `while full a new screen saw version ${seenWhileFull.version} (stored ${before.version}), station locked: ${seenWhileFull.lockedStations.includes(station)}; ` +
        `pause answered ${pauseWhileFull.ok ? 'ok' : pauseWhileFull.code}, then a new screen saw paused: ${seenAfterRefusal.paused}; create event answered ${createWhileFull.status} ${createWhileFull.body?.code}; ` +
        `space back: station locked after ${lockedMs === null ? 'never (15 s)' : `${lockedMs.toFixed(0)} ms`}, board compacted: ${boardFiles.filter((f) => !f.includes('.tmp')).join(' ')}, ` +
        `new event ${created.status} and advanced to ${advanced}, old event advanced: ${advanceOld.ok ? 'ok' : advanceOld.code}, /healthz ${health.status}, ${cards.length} cards on the board`,
    )
    expect(aliveAfterCompaction).toBe(true)
    expect(aliveAfterAutoLock).toBe(true)
    expect(seenWhileFull).toMatchObject({ version: before.version, lockedStations: [] })
    expect(pauseWhileFull).toMatchObject({ ok: false, code: ErrorCode.STORAGE_FAILED })
    expect(seenAfterRefusal).toMatchObject({ version: before.version, paused: false })
    expect(createWhileFull).toMatchObject({ status: 503, body: { code: ErrorCode.STORAGE_FAILED } })
    expect(lockedMs).not.toBeNull()
    expect(boardFiles.filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(boardFiles.some((f) => f.endsWith('.ysnap'))).toBe(true)
    expect(created.status).toBe(201)
    expect(advanced).toBe('station')
    expect(advanceOld).toEqual({ ok: true })
    expect(health.status).toBe(200)
    expect(cards).toHaveLength(151)
    expect(cards.find((c) => c.id === 'wohnen-edit')?.text).toBe('Nach der Platte')
    expect(exited).toBeNull()
  })
})

const readFileSize = async (file: string) => (await stat(file)).size
