import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { type WriteRefusal, encodeRefused, encodeSaved } from '@tischrunde/shared'

/** y-websocket message types (the first varUint of every message). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/**
 * A sync "update" message carrying one Yjs update. As a Buffer (a view, not a copy): it goes to
 * many sockets, and ws would otherwise wrap a plain Uint8Array in a new Buffer for each of them.
 */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  // Written straight into one buffer of its final size (lib0's encoder grows and copies): it is
  // built for every card before the card goes to the first phone.
  const length = update.length
  let lengthBytes = 1
  for (let n = length; n > 0x7f; n = Math.floor(n / 128)) lengthBytes++
  const message = Buffer.allocUnsafe(2 + lengthBytes + length)
  message[0] = MESSAGE_SYNC
  message[1] = syncProtocol.messageYjsUpdate
  let at = 2
  let n = length
  for (; n > 0x7f; n = Math.floor(n / 128)) message[at++] = 0x80 | (n % 128)
  message[at++] = n
  message.set(update, at)
  return message
}

/** The same bytes as a Buffer, without copying them. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Sync step 1: "this is what I have, send me what I lack". */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Sync step 2: the updates the other side lacks (the answer to its step 1). A Buffer: one answer may serve many sockets. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return asBuffer(encoding.toUint8Array(encoder))
}

/**
 * A presence message announcing nobody: the y-websocket client counts it as a sign of life and
 * changes nothing. Sent on a quiet board, whose clients would otherwise close after 30 s of silence.
 */
export const KEEP_ALIVE_MESSAGE: Uint8Array = (() => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, Uint8Array.of(0))
  return asBuffer(encoding.toUint8Array(encoder))
})()

/** Tischrunde's addition: "everything up to this state vector is durably stored" (shared codec). */
export const encodeSavedMessage = (stateVector: Uint8Array): Uint8Array => encodeSaved(stateVector)

/** Tischrunde's addition: "your last update was not stored", with the reason code (shared codec). */
export const encodeRefusedMessage = (reason: WriteRefusal, texts: readonly string[] = []): Uint8Array => encodeRefused(reason, texts)
