import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MESSAGE_REFUSED, MESSAGE_SAVED } from './errors.js'
import { boardClose, boardCloseReason, decodeBoardMessage, encodeRefused, encodeSaved, parseBoardCloseReason } from './board-messages.js'

/** A message of `type` followed by the given strings, for hand-made garbage. */
function raw(type: number, ...strings: string[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  for (const s of strings) encoding.writeVarString(encoder, s)
  return encoding.toUint8Array(encoder)
}

describe('board messages', () => {
  it('reads back a saved message with its state vector', () => {
    const vector = Uint8Array.from([1, 200, 3, 7]) // one client (200 + 3·128) at clock 7
    expect(decodeBoardMessage(encodeSaved(vector))).toEqual({ type: 'saved', stateVector: vector })
  })

  it('reads back a refusal with its reason and the texts to copy', () => {
    const texts = ['Mehr Sprachkurse', 'Kita-Plätze „jetzt“']
    expect(decodeBoardMessage(encodeRefused('STATION_CLOSED', texts))).toEqual({ type: 'refused', reason: 'STATION_CLOSED', texts })
    expect(decodeBoardMessage(encodeRefused('TOO_FAST'))).toEqual({ type: 'refused', reason: 'TOO_FAST', texts: [] })
  })

  it.each([
    ['an empty message', new Uint8Array()],
    ['a y-websocket sync message', Uint8Array.from([0, 0, 1, 0])],
    ['a saved message cut short', encodeSaved(Uint8Array.from([1, 2, 3])).subarray(0, 3)],
    ['a saved message with trailing bytes', Uint8Array.from([...encodeSaved(Uint8Array.from([1])), 9])],
    ['a refusal with an unknown reason', raw(MESSAGE_REFUSED, 'PLEASE_SHOW_THIS', '[]')],
    ['a refusal whose texts are not JSON', raw(MESSAGE_REFUSED, 'STATION_CLOSED', 'nope')],
    ['a refusal whose texts are not strings', raw(MESSAGE_REFUSED, 'STATION_CLOSED', '[1,2]')],
    ['a refusal without texts', raw(MESSAGE_REFUSED, 'STATION_CLOSED')],
    ['a saved type with a string body', raw(MESSAGE_SAVED, 'x'.repeat(300))],
  ])('refuses %s', (_name, bytes) => {
    expect(decodeBoardMessage(bytes)).toBeNull()
  })
})

describe('board close reasons', () => {
  it.each([
    ['MALFORMED_UPDATE', 'COUNT_TOO_LARGE', 4400],
    ['INVALID_CARD', undefined, 4400],
    ['READ_ONLY', undefined, 4403],
    ['TOO_MANY_MESSAGES', undefined, 4429],
    ['LOAD_FAILED', undefined, 4507],
    ['EVENT_DELETED', undefined, 4404],
    ['DOC_REMOVED', undefined, 4404],
  ] as const)('round-trips %s (%s) with close code %i', (reason, detail, code) => {
    const [closeCode, text] = boardClose(reason, detail)
    expect(closeCode).toBe(code)
    expect(text).toBe(boardCloseReason(reason, detail))
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(123)
    expect(parseBoardCloseReason(text)).toEqual(detail ? { reason, detail } : { reason })
  })

  it.each([
    ['update refused: FOREIGN_PARENT', { reason: 'MALFORMED_UPDATE', detail: 'FOREIGN_PARENT' }],
    ['too many messages', { reason: 'TOO_MANY_MESSAGES' }],
    ['board could not be loaded', { reason: 'LOAD_FAILED' }],
    ['event deleted', { reason: 'EVENT_DELETED' }],
    ['invalid message', { reason: 'INVALID_MESSAGE' }],
    ['NOT_YOUR_CARD', { reason: 'NOT_YOUR_CARD' }],
  ])('reads the older hand-written reason "%s" as a code', (text, parsed) => {
    expect(parseBoardCloseReason(text)).toEqual(parsed)
  })

  it.each(['', 'Going away', 'MALFORMED_UPDATE:NOT_A_PROBLEM', 'INVALID_CARD:TRUNCATED', 'EVENT_DELETED:x:y', 'update refused: anything', 'event deleted '])(
    'refuses the unknown reason "%s"',
    (text) => {
      expect(parseBoardCloseReason(text)).toBeNull()
    },
  )
})
