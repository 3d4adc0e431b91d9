import { type Socket, io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, WIRE_VERSION, boardCloseCode } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { carriedPhone } from './helpers/carried-phone.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor, within } from './helpers/wait.js'

/** Opens a Socket.IO screen; resolves with the socket, or with the handshake's refusal. */
function socketOf(url: string, token: string): Promise<{ socket: Socket } | { refused: string }> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  return within(
    new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket }))
      socket.once('connect_error', (error: Error) => (socket.disconnect(), resolve({ refused: error.message })))
    }),
    'the handshake',
  )
}

/** What a doc socket's upgrade answers: 'open', or the refusal's message (`upgrade answered 429`). */
async function upgradeOf(url: string, eventId: string, token: string): Promise<string> {
  try {
    const p = await carriedPhone(url, eventId, 'sprache', token, null)
    p.close()
    return 'open'
  } catch (error) {
    return (error as Error).message
  }
}

describe('a socket closed for sending too fast waits out the backoff on both transports', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const join = async () => (await api<{ token: string }>(running.url, '/api/join', { method: 'POST', body: { code: cafe.joinCode } })).body.token

  beforeAll(async () => {
    data = await tempDataDir('flood-backoff')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café unter Last', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('refuses the reconnects of a doc socket closed for TOO_MANY_MESSAGES, and lets everyone else in', async () => {
    const token = await join()
    const flooder = await carriedPhone(running.url, cafe.event.id, 'sprache', token, null)
    // Awareness frames: known, ignored, but counted against the socket's pace.
    for (let i = 0; i < 300; i++) flooder.raw(Uint8Array.from([1, 0]))
    expect((await flooder.closed()).code).toBe(boardCloseCode('TOO_MANY_MESSAGES'))
    expect(await upgradeOf(running.url, cafe.event.id, token)).toBe('upgrade answered 429')
    expect(await socketOf(running.url, token)).toEqual({ refused: ErrorCode.RATE_LIMITED })
    // Another phone of the event is not held back.
    expect(await upgradeOf(running.url, cafe.event.id, await join())).toBe('open')
  })

  it('refuses the reconnects of a Socket.IO screen cut off for flooding commands, on a doc socket too', async () => {
    const token = await join()
    const opened = await socketOf(running.url, token)
    if (!('socket' in opened)) throw new Error(`refused: ${opened.refused}`)
    const { socket } = opened
    let gone = false
    socket.on('disconnect', () => (gone = true))
    for (let i = 0; i < 200; i++) socket.emit('presence:table', { tableId: null }, () => {})
    await waitFor(() => gone || undefined, 'the flooding socket to be cut off')
    expect(await socketOf(running.url, token)).toEqual({ refused: ErrorCode.RATE_LIMITED })
    expect(await upgradeOf(running.url, cafe.event.id, token)).toBe('upgrade answered 429')
    const other = await socketOf(running.url, await join())
    expect('socket' in other).toBe(true)
    if ('socket' in other) other.socket.disconnect()
  })

  it('cuts off a console that floods commands, but keeps no console of the event out (they share the key)', async () => {
    const opened = await socketOf(running.url, cafe.facilitatorToken)
    if (!('socket' in opened)) throw new Error(`refused: ${opened.refused}`)
    const { socket } = opened
    let gone = false
    socket.on('disconnect', () => (gone = true))
    for (let i = 0; i < 200; i++) socket.emit('presence:table', { tableId: null }, () => {})
    await waitFor(() => gone || undefined, 'the flooding console to be cut off')
    // The other console on the projector laptop, and the flooding one's own reconnect, open at once.
    for (let i = 0; i < 2; i++) {
      const again = await socketOf(running.url, cafe.facilitatorToken)
      expect(again).toHaveProperty('socket')
      if ('socket' in again) again.socket.disconnect()
    }
  })
})
