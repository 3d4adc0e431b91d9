import { WebSocket } from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BoardCloseCode, type CreateEventResponse, ErrorCode, WIRE_VERSION, WriteRefusal, boardDocName } from '@tischrunde/shared'
import { api, createEvent } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep, waitFor } from '../helpers/wait.js'
import { aCard } from '@tischrunde/fixtures'
import { controlSocket, measureCardLatency, report, summary } from './fault-kit.js'

describe('fault suite: floods and many connections', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse
  let table: string
  const clients: BoardClient[] = []

  beforeAll(async () => {
    data = await tempDataDir('faults-load')
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await killAllChildren()
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  async function start(env: NodeJS.ProcessEnv = {}) {
    child = await startChildServer(data.dir, { env })
    cafe = await createEvent(child.url, { title: `Last ${Date.now()}`, tableNames: ['Arbeitsmarktintegration'] })
    table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
  }

  it('takes 1,000 cards per second from one phone only at a person’s pace, and other phones see no stall', async () => {
    await start()
    const flooder = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    // The measuring writer is the facilitator (not paced), so the numbers show the server, not the limit.
    const other = Object.assign(connectBoard(child.url, cafe.event.id, table, cafe.facilitatorToken), {
      card: (o: { id: string; text: string; position: number }) => aCard({ ...o, authorId: 'moderation-1' }),
    })
    const projector = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    clients.push(flooder, other, projector)
    await Promise.all([flooder.synced(), other.synced(), projector.synced()])

    // One card per millisecond, caught up after every timer tick: 1,000 cards in about a second,
    // even when the machine is busy and ticks come late.
    let sent = 0
    let floodMs = 0
    const flood = (async () => {
      const started = performance.now()
      while (sent < 1000) {
        const due = Math.min(1000, Math.ceil(performance.now() - started))
        while (sent < due) flooder.put(flooder.card({ id: `flood-card-${sent}`, text: `Flut ${sent}`, position: sent++ }))
        await sleep(5)
      }
      floodMs = Math.round(performance.now() - started)
      await sleep(1500)
    })()
    const latencies = await measureCardLatency(other, projector, flood, 'flood')
    const stored = await waitFor(async () => {
      const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
      try {
        await reader.synced()
        return reader.cards().filter((c) => c.authorId === flooder.participantId)
      } finally {
        reader.destroy()
      }
    }, 'a reader')
    const health = await api<{ ok: boolean }>(child.url, '/healthz')
    report(
      '1,000 cards per second from one phone',
      `${sent} sent in ${floodMs} ms; ${stored.length} stored (burst 20 + pace); refusals ${[...new Set(flooder.refusals)].join(', ') || 'none'}; close codes ${[...new Set(flooder.closeCodes)].join(', ') || 'none'}; other phone ${summary(latencies)}; healthz ${health.status}`,
    )
    expect(sent).toBe(1000)
    expect(stored.length).toBeGreaterThanOrEqual(20)
    expect(stored.length).toBeLessThanOrEqual(25)
    expect(flooder.refusals).toContain(WriteRefusal.TOO_FAST)
    expect(flooder.closeCodes).toContain(BoardCloseCode.RATE_LIMITED)
    expect(Math.max(...latencies)).toBeLessThan(1000)
    expect(health.status).toBe(200)
  })

  it('opens 1,000 simultaneous connections, then refuses more cleanly (503 / SERVER_FULL) and recovers', async () => {
    await start({ TISCHRUNDE_MAX_CONNECTIONS: '1000' })
    const path = `/yjs/${boardDocName(cafe.event.id, table)}?token=${encodeURIComponent(cafe.projectorToken)}`
    const sockets: WebSocket[] = []
    const openOne = () =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${child.url.replace(/^http/, 'ws')}${path}`)
        sockets.push(ws)
        ws.once('message', () => resolve(101)) // the server's first sync message: the board is open
        ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0))
        ws.on('error', () => resolve(0))
      })
    try {
      const t0 = performance.now()
      const statuses = await Promise.all(Array.from({ length: 1000 }, openOne))
      const openMs = performance.now() - t0
      const extraBoard = await openOne()
      const extraControl = controlSocket(child.url, { token: cafe.facilitatorToken, wire: WIRE_VERSION })
      const controlError = await extraControl.ready.then(() => 'connected', (e: Error) => e.message)
      extraControl.socket.disconnect()
      const health = await api<{ ok: boolean }>(child.url, '/healthz')
      for (const ws of sockets.splice(0)) ws.terminate()
      const after = await waitFor(async () => ((await openOne()) === 101 ? 'open' : null), 'a connection after the others closed')
      const opened = statuses.filter((s) => s === 101).length
      report('1,000 simultaneous connections', `${opened}/1000 board sockets open and synced in ${openMs.toFixed(0)} ms; connection 1,001 → HTTP ${extraBoard}, Socket.IO → ${controlError}; healthz ${health.status}; after closing: ${after}`)
      expect(opened).toBe(1000)
      expect(extraBoard).toBe(503)
      expect(controlError).toBe(ErrorCode.SERVER_FULL)
      expect(health.status).toBe(200)
    } finally {
      for (const ws of sockets) ws.terminate()
    }
  })

  it('lets 60 people behind one NAT join while one of them guesses codes, slows only the guesser, and tells the console', async () => {
    await start()
    const console_ = controlSocket(child.url, { token: cafe.facilitatorToken, wire: WIRE_VERSION })
    const alerts: { wrongCodes: number; windowSeconds: number }[] = []
    console_.socket.on('access:guessing', (m: { wrongCodes: number; windowSeconds: number }) => alerts.push(m))
    await console_.ready
    const guesser = { device: 'guessing-phone-01' }
    const codes = ['AAAAAA', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF']
    try {
      // The guesser starts first and keeps going while the hall joins (all from 127.0.0.1).
      const wrong: number[] = []
      for (let i = 0; i < 20; i++) wrong.push((await api(child.url, '/api/join', { body: { code: codes[i % codes.length], ...guesser } })).status)
      const guessing = (async () => {
        for (let i = 0; i < 10; i++) wrong.push((await api(child.url, '/api/join', { body: { code: codes[i % codes.length], ...guesser } })).status)
      })()
      const joins = await Promise.all(Array.from({ length: 60 }, (_, i) => api(child.url, '/api/join', { body: { code: cafe.joinCode, device: `hall-phone-${String(i).padStart(3, '0')}` } })))
      const withoutKey = await api(child.url, '/api/join', { body: { code: cafe.joinCode } })
      await guessing
      // The guesser's own right code gets in too: a right code is never refused.
      const guesserRight = await api(child.url, '/api/join', { body: { code: cafe.joinCode, ...guesser } })
      const alert = await waitFor(() => alerts.at(-1), 'the console to hear of the guessing')
      const joined = joins.filter((j) => j.status === 200).length
      report(
        '60 joins from one IP while one client guesses 30 wrong codes',
        `${joined}/60 joined (+ one without device key → ${withoutKey.status}); wrong codes → ${wrong.filter((s) => s === 404).length}×404 then ${wrong.filter((s) => s === 429).length}×429; the guesser's right code → ${guesserRight.status}; console told: ${alert.wrongCodes} wrong codes in ${alert.windowSeconds} s`,
      )
      expect(joined).toBe(60)
      expect(withoutKey.status).toBe(200)
      expect(guesserRight.status).toBe(200)
      expect(wrong.slice(0, 20).every((s) => s === 404)).toBe(true)
      // Beyond the burst the guesser waits (a 429 after a pause); one code refills every 3 s.
      expect(wrong.slice(20).filter((s) => s === 429).length).toBeGreaterThanOrEqual(6)
      expect(alert.wrongCodes).toBeGreaterThanOrEqual(20)
    } finally {
      console_.socket.disconnect()
    }
  })
})
