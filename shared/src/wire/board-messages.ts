import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { WriteRefusal } from '../doc/board-write-rules.js'
import { UpdateProblem } from '../doc/board-update-check.js'
import { BoardCloseCode, MESSAGE_REFUSED, MESSAGE_SAVED } from './errors.js'

/*
 * The board socket's additions to the y-websocket protocol — "saved" and "refused" messages and the
 * reasons a board socket is closed with — encoded and decoded here only, so server and client
 * agree by construction and the client matches codes, never wording.
 */

/** Texts sent back with a refusal, so the writer can copy them (a card and its sub-points each). */
export const refusedTextsSchema = z.array(z.string().max(2000)).max(500)

/**
 * "Everything up to this state vector is durably stored" (message type MESSAGE_SAVED).
 * @example peer.send(encodeSaved(Y.encodeStateVector(doc)))
 */
export function encodeSaved(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVED)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/**
 * "Your last update was not stored" (message type MESSAGE_REFUSED): the reason, and the texts of
 * the cards that were taken back, for the writer to copy.
 */
export function encodeRefused(reason: WriteRefusal, texts: readonly string[] = []): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_REFUSED)
  encoding.writeVarString(encoder, reason)
  encoding.writeVarString(encoder, JSON.stringify(texts))
  return encoding.toUint8Array(encoder)
}

/** A decoded "saved" message. */
export interface SavedMessage {
  type: 'saved'
  stateVector: Uint8Array
}
/** A decoded "refused" message. */
export interface RefusedMessage {
  type: 'refused'
  reason: WriteRefusal
  texts: string[]
}

const REFUSALS = new Set<string>(Object.values(WriteRefusal))

/** Whether bytes are exactly one Yjs state vector: a count, then that many (client, clock) pairs. */
function isStateVector(bytes: Uint8Array): boolean {
  const decoder = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(decoder)
  // Each pair takes at least two bytes: a larger count is a lie, not a long loop.
  if (count * 2 > bytes.length) return false
  for (let i = 0; i < count * 2; i++) decoding.readVarUint(decoder)
  return !decoding.hasContent(decoder)
}

/**
 * Reads the body of a "saved" message, after its type (y-websocket's message handlers get the
 * decoder there). Null for bytes that are not one, or whose state vector does not decode.
 */
export function readSaved(decoder: decoding.Decoder): SavedMessage | null {
  try {
    const stateVector = decoding.readVarUint8Array(decoder)
    if (decoding.hasContent(decoder) || !isStateVector(stateVector)) return null
    return { type: 'saved', stateVector }
  } catch {
    return null
  }
}

/** Reads the body of a "refused" message, after its type. Null for an unknown reason or garbage. */
export function readRefused(decoder: decoding.Decoder): RefusedMessage | null {
  try {
    const reason = decoding.readVarString(decoder)
    const texts = refusedTextsSchema.safeParse(JSON.parse(decoding.readVarString(decoder)))
    if (!REFUSALS.has(reason) || !texts.success || decoding.hasContent(decoder)) return null
    return { type: 'refused', reason: reason as WriteRefusal, texts: texts.data }
  } catch {
    return null
  }
}

/** Decodes a whole board message of Tischrunde's own types; null for other types and for garbage. */
export function decodeBoardMessage(message: Uint8Array): SavedMessage | RefusedMessage | null {
  const decoder = decoding.createDecoder(message)
  try {
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SAVED) return readSaved(decoder)
    if (type === MESSAGE_REFUSED) return readRefused(decoder)
  } catch {
    // fewer bytes than a type: not a message
  }
  return null
}

/**
 * Why the server closed a board socket (besides the write refusals that close it: INVALID_CARD,
 * READ_ONLY, NOT_YOUR_CARD, OUTSIDE_SCHEMA).
 */
export const BoardCloseReason = {
  /** The update failed the pre-check; the detail is the UpdateProblem. */
  MALFORMED_UPDATE: 'MALFORMED_UPDATE',
  /** A message that could not be decoded at all. */
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  /** More messages than the socket's pace allows. */
  TOO_MANY_MESSAGES: 'TOO_MANY_MESSAGES',
  /** The board could not be loaded from storage. */
  LOAD_FAILED: 'LOAD_FAILED',
  /** The event was deleted; its links no longer open anything. */
  EVENT_DELETED: 'EVENT_DELETED',
  /** The facilitator renewed the link this socket was opened with; the old link opens nothing. */
  LINK_REVOKED: 'LINK_REVOKED',
  /** The doc's table, workshop or group was taken out of the event; it opens for nobody now. */
  DOC_REMOVED: 'DOC_REMOVED',
} as const
/** A close reason's code: one of BoardCloseReason or a WriteRefusal. */
export type BoardCloseReason = (typeof BoardCloseReason)[keyof typeof BoardCloseReason] | WriteRefusal

/** A parsed close reason: its code and, for MALFORMED_UPDATE, the UpdateProblem. */
export interface ParsedCloseReason {
  reason: BoardCloseReason
  detail?: UpdateProblem
}

const CLOSE_REASONS = new Set<string>([...Object.values(BoardCloseReason), ...REFUSALS])
const PROBLEMS = new Set<string>(Object.values(UpdateProblem))

/** The close code that goes with each reason. */
const CLOSE_CODE_OF: Record<BoardCloseReason, BoardCloseCode> = {
  MALFORMED_UPDATE: BoardCloseCode.INVALID_MESSAGE,
  INVALID_MESSAGE: BoardCloseCode.INVALID_MESSAGE,
  TOO_MANY_MESSAGES: BoardCloseCode.RATE_LIMITED,
  LOAD_FAILED: BoardCloseCode.STORAGE_FAILED,
  EVENT_DELETED: BoardCloseCode.NOT_FOUND,
  LINK_REVOKED: BoardCloseCode.UNAUTHORIZED,
  DOC_REMOVED: BoardCloseCode.NOT_FOUND,
  INVALID_CARD: BoardCloseCode.INVALID_MESSAGE,
  INVALID_RECORD: BoardCloseCode.INVALID_MESSAGE,
  READ_ONLY: BoardCloseCode.FORBIDDEN,
  STATION_CLOSED: BoardCloseCode.INVALID_MESSAGE,
  NOT_YOUR_CARD: BoardCloseCode.INVALID_MESSAGE,
  OUTSIDE_SCHEMA: BoardCloseCode.INVALID_MESSAGE,
  TOO_MANY_CARDS: BoardCloseCode.RATE_LIMITED,
  TOO_FAST: BoardCloseCode.RATE_LIMITED,
  FOREIGN_WRITER: BoardCloseCode.INVALID_MESSAGE,
  TOO_MANY_WRITERS: BoardCloseCode.INVALID_MESSAGE,
  RECORD_DELETED: BoardCloseCode.INVALID_MESSAGE,
  TREE_CONFLICT: BoardCloseCode.INVALID_MESSAGE,
  TOO_MANY_AT_ONCE: BoardCloseCode.INVALID_MESSAGE,
}

/**
 * The reason text of a board socket's close: `CODE` or `CODE:DETAIL` (ASCII, far below the 123
 * bytes a close reason may hold).
 * @example ws.close(boardCloseCode('MALFORMED_UPDATE'), boardCloseReason('MALFORMED_UPDATE', 'COUNT_TOO_LARGE'))
 */
export function boardCloseReason(reason: BoardCloseReason, detail?: UpdateProblem): string {
  return detail ? `${reason}:${detail}` : reason
}

/** The close code (4000–4999) for a reason. */
export function boardCloseCode(reason: BoardCloseReason): BoardCloseCode {
  return CLOSE_CODE_OF[reason]
}

/** Both arguments of `ws.close` for a reason: `ws.close(...boardClose('EVENT_DELETED'))`. */
export function boardClose(reason: BoardCloseReason, detail?: UpdateProblem): [BoardCloseCode, string] {
  return [boardCloseCode(reason), boardCloseReason(reason, detail)]
}

/** Reasons of earlier servers, written by hand, read as codes. */
const LEGACY: Record<string, BoardCloseReason> = {
  'too many messages': 'TOO_MANY_MESSAGES',
  'board could not be loaded': 'LOAD_FAILED',
  'event deleted': 'EVENT_DELETED',
  'invalid message': 'INVALID_MESSAGE',
}
const LEGACY_UPDATE_PREFIX = 'update refused: '

/**
 * Reads a board socket's close reason. Null for anything else (a browser's own close, a proxy's
 * text). Also reads the hand-written reasons of earlier servers ("update refused: COUNT_TOO_LARGE").
 */
export function parseBoardCloseReason(text: string): ParsedCloseReason | null {
  if (LEGACY[text]) return { reason: LEGACY[text] }
  const [code, detail, ...rest] = text.startsWith(LEGACY_UPDATE_PREFIX)
    ? ['MALFORMED_UPDATE', text.slice(LEGACY_UPDATE_PREFIX.length)]
    : text.split(':')
  if (!code || !CLOSE_REASONS.has(code) || rest.length > 0) return null
  if (detail === undefined) return { reason: code as BoardCloseReason }
  if (code !== BoardCloseReason.MALFORMED_UPDATE || !PROBLEMS.has(detail)) return null
  return { reason: code, detail: detail as UpdateProblem }
}
