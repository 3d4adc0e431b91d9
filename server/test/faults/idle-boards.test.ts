import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, boardDocName } from '@tischrunde/shared'
import { readEnv } from '../../src/config/env.js'
import { DEFAULT_LIMITS } from '../../src/config/limits.js'
import { createEvent } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep, waitFor } from '../helpers/wait.js'
import { report } from './fault-kit.js'

/**
 * Quiet boards: the y-websocket client closes a connection after 30 s without any message. The
 * server keeps quiet connections alive with a sign of life (an empty presence message) well within
 * that, whether or not the clients send presence themselves. The browser side of it:
 * e2e/idle-board.test.ts.
 */
describe('fault suite: boards nobody writes to', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-idle-boards')
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  // Before the keep-alive every client reconnected after 30 s of silence. Waiting two whole client
  // timeouts in real time took 70 s; the same claim at a tenth of the scale: the keep-alive at 2 s
  // (the default's 15 s to the client's 30 s is the same ratio, a half), idle for five intervals, and
  // no client ever goes as long without a message as a scaled client timeout (twice the interval).
  it('keeps 60 idle phones and projectors connected, with or without their own presence: none is ever silent for half a client timeout and more', { timeout: 90_000 }, async () => {
    const keepAliveMs = 2000
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_BOARD_KEEPALIVE_MS: String(keepAliveMs) } })
    cafe = await createEvent(child.url, { title: 'Stille Runde', tableNames: ['Wohnen', 'Arbeit'] })
    const tables = cafe.event.tables.map((t) => t.id)
    const clients: BoardClient[] = []
    for (let i = 0; i < 60; i++) {
      const table = tables[i % tables.length]!
      const client = i % 3 === 0 ? connectBoard(child.url, cafe.event.id, table, cafe.projectorToken) : await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
      // Half of them send no presence at all (a client that announces nobody).
      if (i % 2 === 0) client.provider.awareness.setLocalState(null)
      clients.push(client)
    }
    await Promise.all(clients.map((c) => c.synced(20_000)))
    let reconnects = 0
    for (const c of clients) c.provider.on('status', ({ status }: { status: string }) => status === 'connected' && reconnects++)
    // The longest silence each client lives through, as y-websocket's own timeout check measures it.
    let longest = 0
    const watch = setInterval(() => {
      const now = Date.now()
      for (const c of clients) longest = Math.max(longest, now - c.provider.wsLastMessageReceived)
    }, 50)
    await sleep(5 * keepAliveMs)
    clearInterval(watch)
    const closes = clients.reduce((n, c) => n + c.closeCodes.length, 0)
    const connected = clients.filter((c) => c.provider.wsconnected).length
    for (const c of clients) c.destroy()
    report('idle boards, keep-alive 2 s', `60 clients idle for ${(5 * keepAliveMs) / 1000} s: ${closes} closes, ${reconnects} reconnects, ${connected} connected, longest silence ${longest} ms`)
    expect({ closes, reconnects, connected }).toEqual({ closes: 0, reconnects: 0, connected: 60 })
    expect(longest).toBeLessThan(2 * keepAliveMs)
    await child.stop('SIGTERM')
  })

  it('keeps the real default well inside the client timeout and the idle timeouts of common proxies', () => {
    // y-websocket's client drops a connection after 30 s without a message; nginx (proxy_read_timeout),
    // cloud load balancers and HAProxy set-ups close idle connections after 30 to 60 s.
    const clientTimeoutMs = 30_000
    const shortestProxyIdleMs = 30_000
    expect(DEFAULT_LIMITS.boardKeepAliveMs).toBeLessThanOrEqual(clientTimeoutMs / 2)
    expect(DEFAULT_LIMITS.boardKeepAliveMs).toBeLessThan(shortestProxyIdleMs)
    // And what an operator may set stays below the client's timeout too.
    expect(() => readEnv({ TISCHRUNDE_BOARD_KEEPALIVE_MS: '30000' })).toThrow(/TISCHRUNDE_BOARD_KEEPALIVE_MS/)
    expect(readEnv({}).TISCHRUNDE_BOARD_KEEPALIVE_MS).toBe(DEFAULT_LIMITS.boardKeepAliveMs)
  })

  it('sends the sign of life within the configured silence, and only that on a quiet board', async () => {
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_BOARD_KEEPALIVE_MS: '600' } })
    cafe = await createEvent(child.url, { title: 'Kurze Stille', tableNames: ['Wohnen'] })
    const table = cafe.event.tables[0]!.id
    const ws = new WebSocket(`${child.url.replace(/^http/, 'ws')}/yjs/${boardDocName(cafe.event.id, table)}?token=${encodeURIComponent(cafe.projectorToken)}`)
    const arrivals: { at: number; type: number }[] = []
    ws.on('message', (data: Buffer) => arrivals.push({ at: performance.now(), type: decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))) }))
    await waitFor(() => arrivals.length >= 2, 'the first sync messages', 5000)
    // The board's own setup write on its first load arrives once stored; then the board is quiet.
    await sleep(1000)
    const start = performance.now()
    await sleep(3000)
    ws.close()
    const quiet = arrivals.filter((a) => a.at >= start)
    const gaps = quiet.map((a, i) => a.at - (i === 0 ? start : quiet[i - 1]!.at))
    report('keep-alive at 600 ms', `${quiet.length} signs of life in 3 s (types ${quiet.map((a) => a.type).join(',')}), longest gap ${Math.max(...gaps).toFixed(0)} ms`)
    // Presence messages (type 1) only, at most every 600 ms (with slack for a busy machine).
    expect(quiet.every((a) => a.type === 1)).toBe(true)
    expect(quiet.length).toBeGreaterThanOrEqual(3)
    expect(quiet.length).toBeLessThanOrEqual(10)
    expect(Math.max(...gaps)).toBeLessThan(1500)
    await child.stop('SIGTERM')
  })
})
