import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import {
  CONTROL_FRAME_MAX,
  MESSAGE_CONTROL_ACK,
  MESSAGE_CONTROL_COMMAND,
  MESSAGE_CONTROL_PUSH,
  encodeControlAck,
  encodeControlCommand,
  encodeControlPush,
  readControlAck,
  readControlCommand,
  readControlPush,
} from './control-frames.js'

/** The decoder after the message type, as y-websocket's handlers and the server see it; checks the type. */
function body(message: Uint8Array, type: number): decoding.Decoder {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(type)
  return decoder
}

/** Hand-made frame: a type, then varUints and varStrings in order. */
function raw(type: number, ...parts: (number | string)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(encoder, p)
    else encoding.writeVarString(encoder, p)
  }
  return encoding.toUint8Array(encoder)
}

describe('control frames on a doc socket', () => {
  it('reads back a push, a command and an answer', () => {
    const view = { event: { title: 'Integrationskonferenz „Winnenden“' }, role: 'participant' }
    expect(readControlPush(body(encodeControlPush('event:state', view), MESSAGE_CONTROL_PUSH))).toEqual({ type: 'push', name: 'event:state', payload: view })
    const seat = { tableId: 'frauen', visits: { 'station-1': 'frauen' } }
    expect(readControlCommand(body(encodeControlCommand(7, 'presence:table', seat), MESSAGE_CONTROL_COMMAND))).toEqual({ type: 'command', id: 7, name: 'presence:table', payload: seat })
    expect(readControlAck(body(encodeControlAck(7, { ok: true }), MESSAGE_CONTROL_ACK))).toEqual({ type: 'ack', id: 7, ack: { ok: true } })
    const refused = { ok: false as const, code: 'FORBIDDEN' as const, params: { needs: 'facilitator' as const } }
    expect(readControlAck(body(encodeControlAck(8, refused), MESSAGE_CONTROL_ACK))?.ack).toEqual(refused)
  })

  it.each([
    ['a name that is no wire name', raw(MESSAGE_CONTROL_COMMAND, 1, 'constructor()', '{}')],
    ['an empty name', raw(MESSAGE_CONTROL_COMMAND, 1, '', '{}')],
    ['a payload that is no JSON', raw(MESSAGE_CONTROL_COMMAND, 1, 'vote:cast', '{')],
    ['bytes after the body', Uint8Array.from([...encodeControlCommand(1, 'vote:cast', {}), 0])],
    ['a frame cut short', encodeControlCommand(1, 'vote:cast', { a: 1 }).subarray(0, 6)],
    ['a body over the cap', raw(MESSAGE_CONTROL_COMMAND, 1, 'vote:cast', JSON.stringify('x'.repeat(CONTROL_FRAME_MAX)))],
    ['an id over 2³¹', raw(MESSAGE_CONTROL_COMMAND, 2 ** 31, 'vote:cast', '{}')],
    // The cap is in bytes: 100,000 euro signs are fewer characters than the cap but 300,000 bytes.
    ['a body over the cap in bytes, under it in characters', raw(MESSAGE_CONTROL_COMMAND, 1, 'vote:cast', JSON.stringify('€'.repeat(100_000)))],
    ['a body that is no UTF-8', Uint8Array.from([MESSAGE_CONTROL_COMMAND, 1, 9, ...new TextEncoder().encode('vote:cast'), 3, 0x22, 0xff, 0x22])],
  ])('refuses a command with %s', (_what, frame) => {
    expect(readControlCommand(body(frame, MESSAGE_CONTROL_COMMAND))).toBeNull()
  })

  it('reads a body of exactly the cap in bytes', () => {
    const text = JSON.stringify(`x${'ä'.repeat((CONTROL_FRAME_MAX - 'vote:cast'.length - 3) / 2)}`)
    expect('vote:cast'.length + new TextEncoder().encode(text).length).toBe(CONTROL_FRAME_MAX)
    expect(readControlCommand(body(raw(MESSAGE_CONTROL_COMMAND, 1, 'vote:cast', text), MESSAGE_CONTROL_COMMAND))?.name).toBe('vote:cast')
  })

  it('refuses an answer that is no Ack, and a push that is garbage', () => {
    expect(readControlAck(body(raw(MESSAGE_CONTROL_ACK, 3, '{"ok":"yes"}'), MESSAGE_CONTROL_ACK))).toBeNull()
    expect(readControlAck(body(raw(MESSAGE_CONTROL_ACK, 3, '{"ok":false,"code":"NO_SUCH_CODE"}'), MESSAGE_CONTROL_ACK))).toBeNull()
    expect(readControlPush(body(raw(MESSAGE_CONTROL_PUSH, 'event:state', 'not json'), MESSAGE_CONTROL_PUSH))).toBeNull()
  })
})
