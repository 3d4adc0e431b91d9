import { type Socket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, WIRE_VERSION } from '@tischrunde/shared'
import { ANONYMOUS_PENDING_MAX, CONTROL_CONNECT_TIMEOUT_MS } from '../src/transport/engine-gate.js'
import { createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor, within } from './helpers/wait.js'

/** A bare engine.io handshake (long-polling, no Socket.IO after it): its HTTP status and refusal. */
async function bareHandshake(url: string, token?: string): Promise<{ status: number; refusal?: string }> {
  const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling${token ? `&token=${encodeURIComponent(token)}` : ''}`)
  const body = await res.text()
  return res.ok ? { status: res.status } : { status: res.status, refusal: (JSON.parse(body) as { message?: string }).message }
}

/** A screen's handshake as the app makes it (the credential in the address and in `auth`), or without it in the address. */
function screen(url: string, token: string, inAddress = true): Promise<{ socket: Socket } | { refused: string }> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000, ...(inAddress ? { query: { token } } : {}) })
  return within(
    new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket }))
      socket.once('connect_error', (error: Error) => (socket.disconnect(), resolve({ refused: error.message })))
    }),
    'the handshake',
  )
}

describe('a flood of bare Socket.IO handshakes', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const sockets: Socket[] = []
  const opened = (result: { socket: Socket } | { refused: string }) => {
    if ('socket' in result) sockets.push(result.socket)
    return 'socket' in result ? 'open' : result.refused
  }

  beforeAll(async () => {
    data = await tempDataDir('engine-flood')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Offenes WLAN', tableNames: ['Bildung'] })
  })
  afterAll(async () => {
    for (const s of sockets) s.disconnect()
    await running?.close()
    await data?.remove()
  })

  it('holds at most a pool of sessions without a credential: the console, the projector and the phones still connect, and the pool empties after the connect timeout', async () => {
    const flood: { status: number; refusal?: string }[] = []
    for (let batch = 0; batch < 6; batch++) flood.push(...(await Promise.all(Array.from({ length: 50 }, () => bareHandshake(running.url)))))
    expect(flood.filter((h) => h.status === 200)).toHaveLength(ANONYMOUS_PENDING_MAX)
    expect(new Set(flood.filter((h) => h.status !== 200).map((h) => h.refusal))).toEqual(new Set([ErrorCode.RATE_LIMITED]))
    // Everyone with a link gets in; a page without the credential in the address waits for the pool.
    expect(opened(await screen(running.url, cafe.facilitatorToken))).toBe('open')
    expect(opened(await screen(running.url, cafe.projectorToken))).toBe('open')
    expect(opened(await screen(running.url, (await join(running.url, cafe.joinCode)).token))).toBe('open')
    expect(opened(await screen(running.url, (await join(running.url, cafe.joinCode)).token, false))).not.toBe('open')
    // The bare sessions never showed a credential: they are closed, and the pool takes new ones.
    const started = Date.now()
    await waitFor(async () => (await bareHandshake(running.url)).status === 200 || undefined, 'the pool to take a handshake again', CONTROL_CONNECT_TIMEOUT_MS + 10_000)
    expect(Date.now() - started).toBeLessThan(CONTROL_CONNECT_TIMEOUT_MS + 5_000)
  }, 60_000)

  it('closes a session that left its Socket.IO socket: it holds no connection of the cap', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    // The engine.io session kept open by answering pings after "41" (leaving the namespace).
    const raw = new WebSocket(`${running.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`)
    const frames: string[] = []
    raw.on('message', (data: Buffer) => {
      const frame = data.toString()
      frames.push(frame)
      if (frame === '2') raw.send('3')
      if (frame.startsWith('0{')) raw.send(`40${JSON.stringify({ token, wire: WIRE_VERSION })}`)
      if (frame.startsWith('40{')) raw.send('41')
    })
    const closed = new Promise<number>((resolve) => raw.once('close', resolve))
    await waitFor(() => frames.some((f) => f.startsWith('40{')) || undefined, 'the namespace handshake')
    await within(closed, 'the server to close the session left empty', 3000)
  }, 30_000)

  it('lets one participant hold only a few handshakes that never complete; another participant is not held back', async () => {
    const { token } = await join(running.url, cafe.joinCode)
    const tries = await Promise.all(Array.from({ length: 24 }, () => bareHandshake(running.url, token)))
    expect(tries.filter((h) => h.status === 200)).toHaveLength(16)
    expect(tries.filter((h) => h.status !== 200).map((h) => h.refusal)).toEqual(Array(8).fill(ErrorCode.RATE_LIMITED))
    expect(opened(await screen(running.url, (await join(running.url, cafe.joinCode)).token))).toBe('open')
  }, 30_000)
})
