import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'

/**
 * A message as one finished WebSocket frame, built once for all the sockets it goes to. `ws` frames
 * every `send` anew (a header, a copy, a corked two-part write per socket); a broadcast to the
 * hundred phones of a table is one frame, written as it is to each socket.
 */

/** Frames built for messages that go to several sockets; a message no longer referenced drops its frame. */
const built = new WeakMap<Uint8Array, Buffer>()

/** The unmasked, final, binary frame (RFC 6455 §5.2) around `payload`, as a server sends it. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length
  const head = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const frame = Buffer.allocUnsafe(head + length)
  frame[0] = 0x82 // FIN, opcode 2: binary
  if (length < 126) frame[1] = length
  else if (length < 0x10000) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  frame.set(payload, head)
  return frame
}

/** The frame of `message`, built on its first send and reused for every further socket. */
export function frameOf(message: Uint8Array): Buffer {
  let frame = built.get(message)
  if (!frame) {
    frame = binaryFrame(message)
    built.set(message, frame)
  }
  return frame
}

/**
 * Largest message of one socket alone (a "saved", an answer) that is framed here in one copy and
 * one write; larger ones (a whole board's sync answer) go through `ws`, which writes header and
 * payload without copying the payload. @default 16 KiB
 */
export const OWN_FRAME_MAX = 16 * 1024

/**
 * Sends `message` on `ws`, which runs on `socket`: a message `shared` by many sockets as its
 * finished frame, written as it is; a small one of this socket alone framed here (ws would frame it
 * as two writes through its sender: more work than the message); a large one through `ws`. Without
 * compression ws writes every frame at once, so all three keep their order on the socket.
 */
export function sendOn(ws: WebSocket, socket: Duplex, message: Uint8Array, shared = false): void {
  if (shared) socket.write(frameOf(message))
  else if (message.length <= OWN_FRAME_MAX) socket.write(binaryFrame(message))
  else ws.send(message)
}
