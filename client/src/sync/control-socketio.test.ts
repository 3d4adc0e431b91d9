import { ErrorCode } from '@tischrunde/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TransportSink } from './control-transport.js'
import { openSocketTransport } from './control-socketio.js'

/** The Socket.IO client as the transport uses it: handshakes the test answers. */
const io = vi.hoisted(() => {
  const sockets: FakeIo[] = []
  class FakeIo {
    handlers = new Map<string, ((...args: unknown[]) => void)[]>()
    /** Whether Socket.IO would try again by itself (false after a refused handshake). */
    active = true
    connects = 0
    disconnected = false
    on(name: string, fn: (...args: unknown[]) => void) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
    }
    onAny() {}
    fire(name: string, ...args: unknown[]) {
      for (const fn of this.handlers.get(name) ?? []) fn(...args)
    }
    /** The server refuses the handshake with `code` (Socket.IO leaves it at that). */
    refuse(code: string) {
      this.active = false
      this.fire('connect_error', new Error(code))
    }
    connect() {
      this.connects++
      this.active = true
    }
    disconnect() {
      this.disconnected = true
      this.active = false
    }
    /** The server's next answers, as they arrive. */
    answers: unknown[] = []
    timeout() {
      return { emitWithAck: () => Promise.resolve(this.answers.shift()) }
    }
  }
  const options: unknown[] = []
  return { sockets, options, io: (opts: unknown) => (options.push(opts), sockets[sockets.push(new FakeIo()) - 1]) }
})
vi.mock('socket.io-client', () => ({ io: io.io }))

const sink = () => {
  const statuses: string[] = []
  let online = 0
  const s: TransportSink = { push: () => {}, online: () => void online++, ready: () => {}, status: (st) => void statuses.push(st), lost: () => {} }
  return { s, statuses, online: () => online }
}

beforeEach(() => {
  io.sockets.length = 0
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a screen whose Socket.IO handshake is refused for now', () => {
  it.each([ErrorCode.RATE_LIMITED, ErrorCode.SERVER_FULL])('says offline after %s and tries again 10 to 20 seconds later, once, until it is in', (code) => {
    const { s, statuses, online } = sink()
    const transport = openSocketTransport('eyJ2IjoxfQ.signature', 'event-1', s)
    const socket = io.sockets[0]!
    socket.refuse(code)
    expect(statuses.at(-1)).toBe('offline')
    vi.advanceTimersByTime(9_999)
    expect(socket.connects).toBe(0)
    vi.advanceTimersByTime(10_001)
    expect(socket.connects).toBe(1)
    // Refused again (still full): again later, not at once and not twice.
    socket.refuse(code)
    vi.advanceTimersByTime(9_999)
    expect(socket.connects).toBe(1)
    vi.advanceTimersByTime(10_001)
    expect(socket.connects).toBe(2)
    socket.fire('connect')
    expect(online()).toBe(1)
    vi.advanceTimersByTime(60_000)
    expect(socket.connects).toBe(2)
    transport.close()
  })

  it('does not try again after a wrong key (denied), nor when Socket.IO tries again itself, nor once the screen closed', () => {
    const denied = sink()
    openSocketTransport('eyJ2IjoxfQ.signature', 'event-1', denied.s)
    io.sockets[0]!.refuse(ErrorCode.UNAUTHORIZED)
    expect(denied.statuses.at(-1)).toBe('denied')
    vi.advanceTimersByTime(60_000)
    expect(io.sockets[0]!.connects).toBe(0)

    // A network error: Socket.IO's own reconnection goes on (active); no second attempt besides it.
    openSocketTransport('eyJ2IjoxfQ.signature', 'event-1', sink().s)
    io.sockets[1]!.fire('connect_error', new Error('websocket error'))
    vi.advanceTimersByTime(60_000)
    expect(io.sockets[1]!.connects).toBe(0)

    const closing = openSocketTransport('eyJ2IjoxfQ.signature', 'event-1', sink().s)
    io.sockets[2]!.refuse(ErrorCode.SERVER_FULL)
    closing.close()
    vi.advanceTimersByTime(60_000)
    expect(io.sockets[2]!.connects).toBe(0)
  })
})

describe('the address of a screen’s control connection', () => {
  const tokenFor = (claims: object) => `${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signatur`

  it('names the credential’s event when the screen knows no more than its link (console, projector), so several nodes route it to the event’s node', () => {
    const queryOf = (token: string, eventId?: string) => {
      openSocketTransport(token, eventId, sink().s).close()
      return (io.options.at(-1) as { query: Record<string, string> }).query
    }
    expect(queryOf(tokenFor({ v: 2, event: 'winnenden-2019', role: 'facilitator', epoch: 0 }))).toMatchObject({ event: 'winnenden-2019' })
    expect(queryOf(tokenFor({ v: 1, e: 'bremen', r: 'projector', n: 0 }))).toMatchObject({ event: 'bremen' })
    // The phone's own event stands; a body that is no credential names none.
    expect(queryOf(tokenFor({ v: 2, event: 'bremen', role: 'participant', epoch: 0 }), 'bremen')).toMatchObject({ event: 'bremen' })
    expect(queryOf('kein-token')).not.toHaveProperty('event')
    expect(queryOf(tokenFor({ v: 2, event: '../admin', role: 'facilitator', epoch: 0 }))).not.toHaveProperty('event')
  })
})

describe('an answer over Socket.IO', () => {
  it('is read through the shared schema: an answer that is none comes back as a failure, not as it is', async () => {
    const { s } = sink()
    const transport = openSocketTransport('eyJ2IjoxfQ.signature', 'event-1', s)
    io.sockets[0]!.answers.push({ ok: true, data: { version: 2 } }, { ok: false, code: 'NOT_A_CODE' }, 'gespeichert')
    await expect(transport.send('programme:get', {}, 1000)).resolves.toEqual({ ok: true, data: { version: 2 } })
    await expect(transport.send('programme:get', {}, 1000)).resolves.toMatchObject({ ok: false, code: ErrorCode.NETWORK })
    await expect(transport.send('programme:get', {}, 1000)).resolves.toMatchObject({ ok: false, code: ErrorCode.NETWORK })
    transport.close()
  })
})
