import type * as decoding from 'lib0/decoding'
import type { WebSocket } from 'ws'
import { type Ack, type EventActor, CONTROL_ID_UNANSWERED, CONTROL_QUERY_PARAM, CONTROL_QUERY_VALUE, boardClose, encodeControlAck, readControlCommand } from '@tischrunde/shared'
import type { BoardPeer } from '../boards/doc-room.js'
import { PushFrames } from './push-frames.js'
import type { Screen } from './screens.js'

/** What the control plane offers a doc socket that carries it (see control-plane.ts `carry`). */
export type Carry = (
  screen: Screen,
  token: string,
) => {
  command(name: string, payload: unknown, reply: (ack: Ack) => void): void
  detach(): void
  /** Resolves once the screen's first messages are sent (see `attachScreen`). */
  opened: Promise<void>
}

/**
 * Whether a doc socket asks for the control plane (`?control=<CONTROL_QUERY_VALUE>`): true, false
 * (no parameter), or null for any other value (the upgrade is refused, 400).
 */
export function wantsControl(url: URL): boolean | null {
  const values = url.searchParams.getAll(CONTROL_QUERY_PARAM)
  if (values.length === 0) return false
  return values.length === 1 && values[0] === CONTROL_QUERY_VALUE ? true : null
}

let carriedSeq = 0
/** The pushes of carried screens, encoded once per content for every screen of this process. */
const pushFrames = new PushFrames()

/**
 * Makes an open doc socket one more screen of its event's control plane: pushes go out as
 * MESSAGE_CONTROL_PUSH through the peer's send (bounded like every board message), commands come
 * in as MESSAGE_CONTROL_COMMAND and are answered by MESSAGE_CONTROL_ACK. Returns the reader of
 * command frames (after their type byte: false for garbage, the caller closes the socket), and
 * when the screen's first messages are sent.
 */
export function carryControl(ws: WebSocket, peer: BoardPeer, actor: EventActor, token: string, carry: Carry, docName?: string) {
  const screen: Screen = {
    id: `carried:${++carriedSeq}:${peer.id}`,
    session: { socketId: '', actor },
    docName,
    emit: (name, payload) => {
      const { bytes, shared } = pushFrames.of(name, payload)
      peer.send(bytes, shared)
    },
    frame: (bytes) => peer.send(bytes, true),
    disconnect: (why) => {
      if (ws.readyState !== ws.OPEN) return
      if (why === 'deleted') ws.close(...boardClose('EVENT_DELETED'))
      else if (why === 'revoked') ws.close(...boardClose('LINK_REVOKED'))
      else ws.close(...boardClose('TOO_MANY_MESSAGES'))
    },
    join: () => {},
  }
  screen.session.socketId = screen.id
  const carried = carry(screen, token)
  ws.once('close', () => carried.detach())
  const read = (decoder: decoding.Decoder): boolean => {
    const command = readControlCommand(decoder)
    if (!command) return false
    // A command sent with CONTROL_ID_UNANSWERED runs as every other; its answer is not sent.
    const reply = command.id === CONTROL_ID_UNANSWERED ? () => {} : (ack: Ack) => peer.send(encodeControlAck(command.id, ack as Ack<unknown>))
    carried.command(command.name, command.payload, reply)
    return true
  }
  return { read, opened: carried.opened }
}
