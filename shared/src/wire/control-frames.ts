import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import type { Ack } from './failure.js'
import { ErrorCode } from './errors.js'
import { WIRE_VERSION } from './socket-events.js'

/*
 * The control plane carried on a doc socket. A phone seated at a table opens one connection, not
 * two: its board's doc socket, opened with `?control=<WIRE_VERSION>`, also carries what the phone's
 * Socket.IO connection would (event and round state, votes, groups, programme, rotation
 * suggestions; `presence:table`, votes and the other participant commands with their answers).
 * The server treats such a socket as one more screen of the event: the same rooms, the same
 * handlers, the same policy, the same pace. Facilitator screens keep Socket.IO.
 *
 * Three message types beside y-websocket's (0–3) and the board's own (100, 101):
 *   MESSAGE_CONTROL_PUSH    server → client  varString name, varString JSON payload
 *   MESSAGE_CONTROL_COMMAND client → server  varUint id, varString name, varString JSON payload
 *   MESSAGE_CONTROL_ACK     server → client  varUint id, varString JSON answer (an Ack)
 * Payloads are validated on arrival by the same schemas as over Socket.IO (`everyClientEvent` on the
 * server, the server-event schemas on the client); these frames only carry them.
 */

/** A server message of the control plane (what Socket.IO's `emit(name, payload)` would send). */
export const MESSAGE_CONTROL_PUSH = 102
/** A client command with an answer (what Socket.IO's `emitWithAck(name, payload)` would send). */
export const MESSAGE_CONTROL_COMMAND = 103
/** The answer to a command, by the command's id. */
export const MESSAGE_CONTROL_ACK = 104

/** The doc socket's query parameter that asks for the control plane on it; its value is WIRE_VERSION. */
export const CONTROL_QUERY_PARAM = 'control'
/** The query value a client of this wire version sends. */
export const CONTROL_QUERY_VALUE = String(WIRE_VERSION)

/**
 * Largest command body (name and JSON), in bytes: the same cap as a Socket.IO message
 * (CONTROL_MESSAGE_MAX on the server). A participant's commands are far smaller.
 */
export const CONTROL_FRAME_MAX = 256 * 1024
/** Largest command id: the client counts up from 1 and wraps. */
export const CONTROL_ID_MAX = 2 ** 31 - 1
/**
 * The id of a command that wants no answer: the server runs it and sends nothing back (a seated
 * phone's `presence:table` on every connect, which nobody waits for: one frame less per phone).
 */
export const CONTROL_ID_UNANSWERED = 0

/** A message or command name: the wire's names are short words with a colon, "presence:table". */
export const controlNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-zA-Z]*(:[a-z][a-zA-Z]*)*$/)

/** An answer as it arrives: ok, or a failure with a code (its parameters are checked where it is worded). */
export const controlAckSchema = z.custom<Ack<unknown>>((value) => {
  if (typeof value !== 'object' || value === null) return false
  const ok = (value as { ok?: unknown }).ok
  if (ok === true) return true
  return ok === false && Object.hasOwn(ErrorCode, String((value as { code?: unknown }).code))
})

/** A decoded server push. */
export interface ControlPush {
  type: 'push'
  name: string
  payload: unknown
}
/** A decoded client command. */
export interface ControlCommand {
  type: 'command'
  id: number
  name: string
  payload: unknown
}
/** A decoded answer. */
export interface ControlAck {
  type: 'ack'
  id: number
  ack: Ack<unknown>
}

/** `emit(name, payload)` on a doc socket. */
export function encodeControlPush(name: string, payload: unknown): Uint8Array {
  return encodeControlPushJson(name, JSON.stringify(payload ?? null))
}

/** A push whose payload is already JSON (`JSON.stringify` of it, `null` for none). */
export function encodeControlPushJson(name: string, json: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_CONTROL_PUSH)
  encoding.writeVarString(encoder, name)
  encoding.writeVarString(encoder, json)
  return encoding.toUint8Array(encoder)
}

/** A command with the id its answer will carry. */
export function encodeControlCommand(id: number, name: string, payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_CONTROL_COMMAND)
  encoding.writeVarUint(encoder, id)
  encoding.writeVarString(encoder, name)
  encoding.writeVarString(encoder, JSON.stringify(payload ?? null))
  return encoding.toUint8Array(encoder)
}

/** The answer to command `id`. */
export function encodeControlAck(id: number, ack: Ack<unknown>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_CONTROL_ACK)
  encoding.writeVarUint(encoder, id)
  encoding.writeVarString(encoder, JSON.stringify(ack))
  return encoding.toUint8Array(encoder)
}

/** Strict UTF-8: bytes that are no text are garbage (lib0's own writer never sends such). */
const utf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true })

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** Reads a push after its type (y-websocket's message handlers get the decoder there). Null for garbage. */
export function readControlPush(decoder: decoding.Decoder): ControlPush | null {
  try {
    const name = controlNameSchema.safeParse(decoding.readVarString(decoder))
    const payload = parseJson(decoding.readVarString(decoder))
    if (!name.success || !payload.ok || decoding.hasContent(decoder)) return null
    return { type: 'push', name: name.data, payload: payload.value }
  } catch {
    return null
  }
}

/**
 * Reads a command after its type. Null for garbage: a bad id or name, a body over
 * CONTROL_FRAME_MAX bytes, bytes that are no UTF-8, text that is no JSON, bytes after the body. The payload is still unchecked.
 */
export function readControlCommand(decoder: decoding.Decoder): ControlCommand | null {
  try {
    const id = decoding.readVarUint(decoder)
    // Measured in bytes before anything is decoded (a character may weigh up to four).
    const nameBytes = decoding.readVarUint8Array(decoder)
    const textBytes = decoding.readVarUint8Array(decoder)
    if (!Number.isSafeInteger(id) || id < 0 || id > CONTROL_ID_MAX || nameBytes.length + textBytes.length > CONTROL_FRAME_MAX) return null
    const rawName = utf8.decode(nameBytes)
    const text = utf8.decode(textBytes)
    const name = controlNameSchema.safeParse(rawName)
    const payload = parseJson(text)
    if (!name.success || !payload.ok || decoding.hasContent(decoder)) return null
    return { type: 'command', id, name: name.data, payload: payload.value }
  } catch {
    return null
  }
}

/** Reads an answer after its type. Null for garbage or a body that is no Ack. */
export function readControlAck(decoder: decoding.Decoder): ControlAck | null {
  try {
    const id = decoding.readVarUint(decoder)
    const body = parseJson(decoding.readVarString(decoder))
    if (!body.ok || decoding.hasContent(decoder)) return null
    const ack = controlAckSchema.safeParse(body.value)
    return ack.success ? { type: 'ack', id, ack: ack.data } : null
  } catch {
    return null
  }
}
