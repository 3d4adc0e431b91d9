import {
  BoardCloseCode,
  CONTROL_ID_UNANSWERED,
  encodeControlAck,
  encodeControlPush,
  encodeRefused,
} from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTischStore } from '../store/index.js'
import { useVoteStore } from '../store/vote-store.js'
import { connectBoard } from './board-connection.js'
import { FakeWebSocket } from '../test/fake-web-socket.js'
import { type SwitchableControl, connectControl } from './control-connection.js'

/** The Socket.IO client, as far as the control plane uses it. */
const io = vi.hoisted(() => {
  const sockets: FakeIo[] = []
  class FakeIo {
    handlers = new Map<string, ((...args: unknown[]) => void)[]>()
    any: ((name: string, payload: unknown) => void)[] = []
    emitted: [string, unknown][] = []
    disconnected = false
    on(name: string, fn: (...args: unknown[]) => void) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
    }
    onAny(fn: (name: string, payload: unknown) => void) {
      this.any.push(fn)
    }
    fire(name: string, ...args: unknown[]) {
      for (const fn of this.handlers.get(name) ?? []) fn(...args)
      if (!['connect', 'disconnect', 'connect_error'].includes(name)) for (const fn of this.any) fn(name, args[0])
    }
    timeout() {
      return { emitWithAck: (name: string, payload: unknown) => (this.emitted.push([name, payload]), Promise.resolve({ ok: true, data: 'io' })) }
    }
    disconnect() {
      this.disconnected = true
    }
    connect() {}
  }
  return { sockets, FakeIo, io: () => sockets[sockets.push(new FakeIo()) - 1] }
})
vi.mock('socket.io-client', () => ({ io: io.io }))
// The board asks the API whether a link still holds after failed connects: it does here.
vi.mock('./api.js', () => ({ api: { publicView: () => new Promise(() => {}) } }))

const view = { event: anEvent(), role: 'participant' as const, joinCode: null }
const eventId = view.event.id
const seat = { eventId, tableId: view.event.tables[0]!.id, token: 'eyJ2IjoxfQ.signature', authorId: 'p-12345678', keepLocal: false }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let control: SwitchableControl
beforeEach(() => {
  FakeWebSocket.all = []
  io.sockets.length = 0
  vi.stubGlobal('WebSocket', FakeWebSocket)
  useTischStore.setState({ event: null, controlStatus: 'connecting' })
  useVoteStore.setState({ steps: [] })
})
afterEach(() => {
  control.close()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  window.localStorage.clear()
})

const seated = () => {
  control = connectControl(seat.token, eventId)
  control.carry(seat)
  const socket = FakeWebSocket.all[0]!
  return socket
}

describe('the control plane carried on a seated phone’s board socket', () => {
  it('opens one socket, asks it for the control plane, and is online with the first event state', async () => {
    const socket = seated()
    const connects: unknown[] = []
    control.on('connect', () => connects.push(1))
    expect(FakeWebSocket.all).toHaveLength(1)
    expect(socket.url).toContain('control=')
    socket.open()
    expect(useTischStore.getState().controlStatus).toBe('connecting')
    socket.deliver(encodeControlPush('event:state', view))
    expect(useTischStore.getState().controlStatus).toBe('online')
    expect(useTischStore.getState().event?.id).toBe(eventId)
    expect(connects).toHaveLength(1)
    socket.deliver(encodeControlPush('vote:steps', { steps: 'not steps' }))
    expect(useVoteStore.getState().steps).toEqual([])
    await flush()
    expect(io.sockets).toHaveLength(0)
  })

  it('answers a command by its id, and a command sent while the socket is down goes once it is up', async () => {
    const socket = seated()
    const answer = control.send('presence:table', { tableId: seat.tableId, visits: {} })
    expect(socket.commands()).toEqual([])
    socket.open()
    const [command] = socket.commands()
    expect(command).toMatchObject({ name: 'presence:table', payload: { tableId: seat.tableId } })
    socket.deliver(encodeControlAck(command!.id + 1, { ok: false, code: 'FORBIDDEN' } as never))
    socket.deliver(encodeControlAck(command!.id, { ok: true, data: null }))
    expect(await answer).toEqual({ ok: true, data: null })
  })

  it('announces the seat without waiting for an answer, once the socket is up', async () => {
    const socket = seated()
    control.tell('presence:table', { tableId: seat.tableId, visits: {} })
    expect(socket.commands()).toEqual([])
    socket.open()
    expect(socket.commands()).toMatchObject([{ id: CONTROL_ID_UNANSWERED, name: 'presence:table', payload: { tableId: seat.tableId } }])
  })

  it('answers NETWORK when no answer comes in time', async () => {
    vi.useFakeTimers()
    const socket = seated()
    socket.open()
    const answer = control.send('presence:table', { tableId: seat.tableId, visits: {} })
    vi.advanceTimersByTime(8000)
    expect(await answer).toMatchObject({ ok: false, code: 'NETWORK' })
  })

  it('says offline when the socket drops, online again with the next event state, denied for a revoked link', () => {
    vi.useFakeTimers()
    const socket = seated()
    const connects: unknown[] = []
    control.on('connect', () => connects.push(1))
    socket.open()
    socket.deliver(encodeControlPush('event:state', view))
    socket.close(1006)
    expect(useTischStore.getState().controlStatus).toBe('offline')
    vi.advanceTimersByTime(6000)
    const again = FakeWebSocket.all[1]!
    again.open()
    expect(useTischStore.getState().controlStatus).toBe('connecting')
    again.deliver(encodeControlPush('event:state', view))
    expect(useTischStore.getState().controlStatus).toBe('online')
    expect(connects).toHaveLength(2)
    again.close(BoardCloseCode.UNAUTHORIZED, 'LINK_REVOKED')
    expect(useTischStore.getState().controlStatus).toBe('denied')
  })

  it('says deleted when the event is deleted', () => {
    const socket = seated()
    socket.open()
    socket.deliver(encodeControlPush('event:state', view))
    socket.deliver(encodeControlPush('event:deleted', null))
    expect(useTischStore.getState().controlStatus).toBe('deleted')
  })

  it('moves to Socket.IO when the phone stands up, keeping its listeners and announcing its seat there', async () => {
    const socket = seated()
    const rotations: unknown[] = []
    control.on('rotation:suggestion', (payload) => rotations.push(payload))
    socket.open()
    socket.deliver(encodeControlPush('event:state', view))
    void control.send('presence:table', { tableId: seat.tableId, visits: {} })
    control.carry(null)
    await vi.waitFor(() => expect(io.sockets).toHaveLength(1))
    const sio = io.sockets[0]!
    // Until Socket.IO is online the board socket still carries the control plane.
    expect(socket.readyState).toBe(1)
    sio.fire('connect')
    expect(socket.readyState).toBe(3)
    expect(sio.emitted[0]?.[0]).toBe('presence:table')
    sio.fire('rotation:suggestion', { x: 1 })
    expect(rotations).toEqual([{ x: 1 }])
    expect(await control.send('presence:table', { tableId: null, visits: {} })).toEqual({ ok: true, data: 'io' })
  })

  it('moves from Socket.IO to the board socket once that is online, and closes Socket.IO', async () => {
    control = connectControl(seat.token, eventId)
    control.carry(null)
    await vi.waitFor(() => expect(io.sockets).toHaveLength(1))
    const sio = io.sockets[0]!
    sio.fire('connect')
    expect(useTischStore.getState().controlStatus).toBe('online')
    control.carry(seat)
    const socket = FakeWebSocket.all[0]!
    socket.open()
    expect(sio.disconnected).toBe(false)
    // A command meanwhile goes over the connection that is online.
    expect(await control.send('presence:table', { tableId: seat.tableId, visits: {} })).toEqual({ ok: true, data: 'io' })
    socket.deliver(encodeControlPush('event:state', view))
    expect(sio.disconnected).toBe(true)
    expect(useTischStore.getState().controlStatus).toBe('online')
    // The seat is announced on the board socket.
    expect(socket.commands().map((c) => c.name)).toEqual(['presence:table'])
  })

  it('at the table choice waits before loading Socket.IO; a table picked meanwhile means it never loads', async () => {
    vi.useFakeTimers()
    control = connectControl(seat.token, eventId)
    control.carry(null, 4000)
    vi.advanceTimersByTime(3000)
    control.carry(seat)
    vi.advanceTimersByTime(5000)
    vi.useRealTimers()
    await flush()
    expect(io.sockets).toHaveLength(0)
    expect(FakeWebSocket.all).toHaveLength(1)
  })

  it('carries the control plane on a board the screen had opened without it, once it reconnected with it', () => {
    const release = connectBoard({ ...seat })
    const plain = FakeWebSocket.all[0]!
    plain.open()
    expect(plain.url).not.toContain('control=')
    control = connectControl(seat.token, eventId)
    control.carry(seat)
    void control.send('presence:table', { tableId: seat.tableId, visits: {} })
    // Nothing goes over the socket without the control plane; the reconnect carries it.
    expect(plain.commands()).toEqual([])
    expect(plain.readyState).toBe(3)
    vi.useFakeTimers()
    vi.advanceTimersByTime(6000)
    const carrying = FakeWebSocket.all.at(-1)!
    expect(carrying.url).toContain('control=')
    carrying.open()
    expect(carrying.commands().map((c) => c.name)).toEqual(['presence:table'])
    release()
  })
})

describe('the control plane when the device has no network', () => {
  const setOnLine = (onLine: boolean) => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => onLine })
    window.dispatchEvent(new Event(onLine ? 'online' : 'offline'))
  }
  afterEach(() => setOnLine(true))

  it('says offline at once when the Wi-Fi goes (the socket notices after half a minute), and online again when it is back and the socket held', () => {
    const socket = seated()
    socket.open()
    socket.deliver(encodeControlPush('event:state', view))
    expect(useTischStore.getState().controlStatus).toBe('online')
    setOnLine(false)
    expect(useTischStore.getState().controlStatus).toBe('offline')
    setOnLine(true)
    expect(useTischStore.getState().controlStatus).toBe('online')
  })

  it('says offline from the start when opened without a network (no offline event ever comes), also while its socket keeps trying', () => {
    setOnLine(false)
    const socket = seated()
    expect(useTischStore.getState().controlStatus).toBe('offline')
    socket.close(1006)
    expect(useTischStore.getState().controlStatus).toBe('offline')
  })
})

describe('cards refused one after another (a phone back online is refused each offline card in a message of its own)', () => {
  it('keeps every refused text to copy, each once, not only the last one', () => {
    const socket = seated()
    socket.open()
    socket.deliver(encodeRefused('STATION_CLOSED', ['Offline A']))
    socket.deliver(encodeRefused('STATION_CLOSED', ['Offline B']))
    socket.deliver(encodeRefused('STATION_CLOSED', ['Offline A']))
    const board = Object.values(useTischStore.getState().boards).at(-1)!
    expect(board).toMatchObject({ refused: 'STATION_CLOSED', refusedTexts: ['Offline A', 'Offline B'] })
  })
})
