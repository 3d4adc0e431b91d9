import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MESSAGE_SYNC, encodeUpdateMessage } from './sync-messages.js'

/** The message as y-protocols writes it (what the y-websocket server sends). */
function asYProtocolsWrites(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('the update message a card travels in', () => {
  it('has the bytes y-protocols writes, for updates on both sides of every length-prefix step', () => {
    for (const length of [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152]) {
      const update = Uint8Array.from({ length }, (_, i) => (i * 31) % 256)
      expect(Buffer.compare(Buffer.from(encodeUpdateMessage(update)), Buffer.from(asYProtocolsWrites(update))), `length ${length}`).toBe(0)
    }
  })

  it('is read by a phone as the card it carries', () => {
    const writer = new Y.Doc()
    writer.getMap('cards').set('karte-0001', { id: 'karte-0001', text: 'Sprachkurse am Abend' })
    const message = encodeUpdateMessage(Y.encodeStateAsUpdate(writer))
    const phone = new Y.Doc()
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC)
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), phone, null)
    expect(phone.getMap('cards').get('karte-0001')).toEqual({ id: 'karte-0001', text: 'Sprachkurse am Abend' })
  })
})
