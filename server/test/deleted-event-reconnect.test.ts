import { type Socket, io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { carriedPhone } from './helpers/carried-phone.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { within } from './helpers/wait.js'

/** A Socket.IO handshake: 'connected', or the refusal's message and data. */
function handshake(url: string, token: string): Promise<'connected' | { message: string; data: unknown }> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  return within(
    new Promise((resolve) => {
      socket.once('connect', () => (socket.disconnect(), resolve('connected')))
      socket.once('connect_error', (error: Error & { data?: unknown }) => (socket.disconnect(), resolve({ message: error.message, data: error.data })))
    }),
    'the handshake',
  )
}

/** What a doc socket's upgrade answers: 'open', or `upgrade answered <status>`. */
async function upgrade(url: string, eventId: string, token: string): Promise<string> {
  try {
    const p = await carriedPhone(url, eventId, 'sprache', token)
    p.close()
    return 'open'
  } catch (error) {
    return (error as Error).message
  }
}

describe('a screen that comes back after its event was deleted is told "gelöscht", not "wrong key"', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer

  beforeAll(async () => {
    data = await tempDataDir('deleted-reconnect')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('answers the Socket.IO handshake, the doc socket upgrade and GET /api/credential with the deletion', async () => {
    const doomed = await createEvent(running.url, { title: 'Café, das gelöscht wird', tableNames: ['Sprache'] })
    await advanceRounds(running.url, doomed.facilitatorToken)
    const phone = (await api<{ token: string }>(running.url, '/api/join', { method: 'POST', body: { code: doomed.joinCode } })).body.token
    const tokens = { console: doomed.facilitatorToken, projector: doomed.projectorToken, phone }
    for (const token of Object.values(tokens)) expect(await handshake(running.url, token)).toBe('connected')
    expect(await upgrade(running.url, doomed.event.id, phone)).toBe('open')

    expect((await api(running.url, `/api/events/${doomed.event.id}`, { method: 'DELETE', token: doomed.facilitatorToken })).status).toBe(204)

    for (const [screen, token] of Object.entries(tokens))
      expect(await handshake(running.url, token), screen).toEqual({ message: ErrorCode.NOT_FOUND, data: { what: 'event', deleted: true } })
    expect(await upgrade(running.url, doomed.event.id, phone)).toBe('upgrade answered 410')
    expect(await api(running.url, '/api/credential', { token: phone })).toMatchObject({ status: 410, body: { code: ErrorCode.NOT_FOUND, params: { deleted: true } } })

    // A wrong key is still a wrong key: a forged token, and a live event's token changed by one character.
    const live = await createEvent(running.url, { title: 'Café, das bleibt', tableNames: ['Sprache'] })
    const forged = `${live.facilitatorToken.slice(0, -2)}${live.facilitatorToken.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await handshake(running.url, forged)).toMatchObject({ message: ErrorCode.UNAUTHORIZED })
    expect(await handshake(running.url, 'x'.repeat(40))).toMatchObject({ message: ErrorCode.UNAUTHORIZED })
    expect(await upgrade(running.url, live.event.id, forged)).toBe('upgrade answered 401')
  })

  it('opens an event made later under the same id with none of the deleted one’s links', async () => {
    const old = await createEvent(running.url, { title: 'Jahreskonferenz', tableNames: ['Sprache'] })
    const phone = (await api<{ token: string }>(running.url, '/api/join', { method: 'POST', body: { code: old.joinCode } })).body.token
    const hostLink = old.links.hosts[old.event.tables[0]!.id]!
    const oldTokens = { console: old.facilitatorToken, projector: old.projectorToken, phone, host: hostLink.slice(hostLink.indexOf('#k=') + 3) }
    expect((await api(running.url, `/api/events/${old.event.id}`, { method: 'DELETE', token: old.facilitatorToken })).status).toBe(204)
    // Next year's conference, same title: the same id.
    const again = await createEvent(running.url, { title: 'Jahreskonferenz', tableNames: ['Sprache'] })
    expect(again.event.id).toBe(old.event.id)
    expect(again.facilitatorToken).not.toBe(old.facilitatorToken)
    for (const [screen, token] of Object.entries(oldTokens)) {
      expect(await handshake(running.url, token), screen).not.toBe('connected')
      expect((await api(running.url, `/api/events/${again.event.id}`, { token })).status, screen).not.toBe(200)
      expect(await upgrade(running.url, again.event.id, token), screen).not.toBe('open')
    }
    expect((await api(running.url, `/api/events/${again.event.id}`, { method: 'DELETE', token: old.facilitatorToken })).status).not.toBe(204)
    // The new event's own links work.
    expect(await handshake(running.url, again.facilitatorToken)).toBe('connected')
  })
})
