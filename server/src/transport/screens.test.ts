import type { Server } from 'socket.io'
import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { MESSAGE_CONTROL_PUSH, readControlPush } from '@tischrunde/shared'
import { type Screen, ScreenRooms } from './screens.js'

/** A stand-in for Socket.IO's server that records what went to its rooms. */
function fakeIo() {
  const sent: { rooms: unknown; name: string; payload: unknown }[] = []
  const disconnected: unknown[] = []
  const io = {
    to: (rooms: unknown) => ({ emit: (name: string, payload: unknown) => sent.push({ rooms, name, payload }) }),
    in: (rooms: unknown) => ({ disconnectSockets: () => disconnected.push(rooms) }),
  } as unknown as Server
  return { io, sent, disconnected }
}

function carried(id: string) {
  const frames: { name: string; payload: unknown }[] = []
  /** Pushes sent to this screen alone (by its id): encoded for its socket, not shared. */
  const emits: { name: string; payload: unknown }[] = []
  const ends: (string | undefined)[] = []
  const screen: Screen = {
    id,
    session: { socketId: id, actor: { type: 'event', eventId: 'e', role: 'participant', participantId: 'p', tableId: null } },
    emit: (name, payload) => void emits.push({ name, payload }),
    frame: (bytes) => {
      const decoder = decoding.createDecoder(bytes)
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_CONTROL_PUSH)
      frames.push(readControlPush(decoder)!)
    },
    disconnect: (why) => void ends.push(why),
    join: () => {},
  }
  return { screen, frames, emits, ends }
}

describe('rooms over Socket.IO and carried screens', () => {
  it('sends a message to the Socket.IO rooms and once to each carried screen in any of them', () => {
    const { io, sent } = fakeIo()
    const rooms = new ScreenRooms(io)
    const a = carried('a')
    const b = carried('b')
    rooms.add(a.screen)
    rooms.add(b.screen)
    rooms.join(a.screen, 'event:e:participant')
    rooms.join(a.screen, 'event:e:voter:p')
    rooms.join(b.screen, 'event:e:host')
    rooms.to(['event:e:participant', 'event:e:voter:p']).emit('vote:steps', { steps: [] })
    expect(sent).toEqual([{ rooms: ['event:e:participant', 'event:e:voter:p'], name: 'vote:steps', payload: { steps: [] } }])
    expect(a.frames).toEqual([{ type: 'push', name: 'vote:steps', payload: { steps: [] } }])
    expect(b.frames).toEqual([])
    // One screen by its id, as rotation suggestions go.
    rooms.to('b').emit('rotation:suggestion', { tableId: 't' })
    expect(b.emits).toEqual([{ name: 'rotation:suggestion', payload: { tableId: 't' } }])
    expect(b.frames).toEqual([])
    expect(a.emits).toEqual([])
    // …without a Socket.IO broadcast to a room no socket is in (with Redis: one publish per phone).
    expect(sent).toHaveLength(1)
  })

  it('forgets a closed screen and ends the screens of rooms with the reason', () => {
    const { io, disconnected } = fakeIo()
    const rooms = new ScreenRooms(io)
    const a = carried('a')
    const b = carried('b')
    for (const s of [a, b]) {
      rooms.add(s.screen)
      rooms.join(s.screen, 'event:e:participant')
    }
    rooms.remove(a.screen)
    rooms.to('event:e:participant').emit('round:state', {})
    expect(a.frames).toEqual([])
    rooms.disconnect(['event:e:participant'], 'deleted')
    expect(disconnected).toEqual([['event:e:participant']])
    expect(a.ends).toEqual([])
    expect(b.ends).toEqual(['deleted'])
    expect(rooms.carriedIn(['event:e:participant', 'a', 'b'])).toEqual([b.screen])
  })
})
