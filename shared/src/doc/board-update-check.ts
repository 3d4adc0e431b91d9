import * as decoding from 'lib0/decoding'

/**
 * A cheap structural check of a Yjs update (format v1, as y-websocket sends it) BEFORE Yjs sees it.
 *
 * Yjs trusts the counts and names inside an update: it creates a root type for every parent name,
 * sizes arrays by the claimed count, and integrates items whose origins make it walk long chains
 * (many items sharing one origin cost O(n²)). This walks the bytes once, with no Yjs objects, and
 * refuses anything a board client never sends: claimed counts larger than the bytes that follow,
 * content other than plain values (records are JSON-like) or deletions, parents other than
 * the roots the doc's kind lets clients write (a board: the `cards` map), `__proto__` keys, deep nesting, trailing bytes. Work is linear in the message
 * size and stops at the first problem, so a bomb costs microseconds.
 */

/** Why an update was refused before it was applied. Sent as the close reason. */
export const UpdateProblem = {
  /** The bytes end before the structure they announce (a truncated or cut message). */
  TRUNCATED: 'TRUNCATED',
  /** A count claims more entries than the remaining bytes could hold (a resource bomb). */
  COUNT_TOO_LARGE: 'COUNT_TOO_LARGE',
  /** More structs, clients or deletions in one update than a board ever needs. */
  TOO_MANY_PARTS: 'TOO_MANY_PARTS',
  /** A length or clock beyond what a board reaches (e.g. a deletion of 2^50 items). */
  LENGTH_TOO_LARGE: 'LENGTH_TOO_LARGE',
  /** Content a board never holds (text, XML, sub-documents, embedded types, JSON strings). */
  FOREIGN_CONTENT: 'FOREIGN_CONTENT',
  /** A parent other than the board's `cards` map, or a card item without a key. */
  FOREIGN_PARENT: 'FOREIGN_PARENT',
  /** A value key that could reach an object's prototype (`__proto__`, `constructor`, `prototype`). */
  FORBIDDEN_KEY: 'FORBIDDEN_KEY',
  /** Values nested deeper than a card record ever is. */
  TOO_DEEP: 'TOO_DEEP',
  /** Many items claiming the same neighbour, which makes integrating them quadratic. */
  CROWDED_ORIGIN: 'CROWDED_ORIGIN',
  /** Bytes after the end of the update. */
  TRAILING_BYTES: 'TRAILING_BYTES',
  /**
   * A writer named twice in one update's structs or deletions. Yjs writes each once; reading one,
   * Yjs keeps only the writer's last part, so the check would judge what Yjs does not apply.
   */
  CLIENT_TWICE: 'CLIENT_TWICE',
  /**
   * A writer's deleted ranges out of order or overlapping (Yjs writes them sorted and merged): each
   * range walks the items it covers, so one message of ranges over the same items costs their product.
   */
  OVERLAPPING_DELETIONS: 'OVERLAPPING_DELETIONS',
} as const
export type UpdateProblem = (typeof UpdateProblem)[keyof typeof UpdateProblem]

/** Limits of one update from a board client. A whole board of a long day stays far below them. */
export const UPDATE_LIMITS = {
  /** Structs (items, deleted runs) in one update. @default 20000 */
  structs: 20_000,
  /** Writers (Yjs client ids) in one update or state vector. @default 10000 */
  clients: 10_000,
  /** Deleted ranges in one update. @default 50000 */
  deletions: 50_000,
  /** Length of one struct or deleted range, and the largest clock. @default 2^32 */
  length: 2 ** 32,
  /** Nesting of values: card → subPoints → sub-point → text is 3. @default 6 */
  depth: 6,
  /** Items in one update naming the same left neighbour, or first items of one key. @default 64 */
  sameOrigin: 64,
} as const

/** The one root a board client writes to (shared/doc/board-doc.ts). */
const BOARD_ROOTS: ReadonlySet<string> = new Set(['cards'])
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Struct kinds (low 5 bits of the info byte) and the content kinds a board accepts. */
const GC = 0
const CONTENT_DELETED = 1
const CONTENT_ANY = 8
const SKIP = 10
const BIT6 = 32
const BIT7 = 64
const BIT8 = 128

/** Result of the check: the counts found (for "does it change anything"), or the first problem. */
export type UpdateCheck = ({ ok: true } & UpdateShape) | { ok: false; problem: UpdateProblem }

/**
 * What an update writes, by Yjs client id: the clock range of its structs per writer, and how far
 * its deletions reach per client. The server binds client ids to the people who write with them.
 */
export interface UpdateShape {
  structs: number
  deletions: number
  /** Per client id: the clocks of the structs this update carries, `from` inclusive, `to` exclusive. */
  writes: ReadonlyMap<number, { from: number; to: number }>
  /** Per client id: the end (exclusive) of the furthest deleted range. */
  deletesTo: ReadonlyMap<number, number>
  /** The update leaves clocks out between its structs (a Skip): it waits for what fills them. */
  skips?: boolean
}

/**
 * Whether an update waits for one the doc never got, given how far the doc has each client's
 * structs (`stateOf`): its structs start past that point or leave clocks out, or it deletes what
 * neither the doc nor the update holds. Yjs would keep such an update aside until the rest
 * arrives; the server asks the sender for everything it lacks instead (see receiveUpdate).
 */
export function waitsForMissing(shape: UpdateShape, stateOf: (client: number) => number): boolean {
  if (shape.skips) return true
  for (const [client, { from }] of shape.writes) if (from > stateOf(client)) return true
  for (const [client, to] of shape.deletesTo) if (to > Math.max(stateOf(client), shape.writes.get(client)?.to ?? 0)) return true
  return false
}

class Refused extends Error {
  constructor(readonly problem: UpdateProblem) {
    super(problem)
  }
}
const refuse = (problem: UpdateProblem): never => {
  throw new Refused(problem)
}

/**
 * Checks one Yjs v1 update from a board client. Pure: no Yjs doc is touched.
 * @example checkBoardUpdate(update).ok || socket.close(4400, 'update refused')
 */
export function checkBoardUpdate(update: Uint8Array): UpdateCheck {
  return checkDocUpdate(update, BOARD_ROOTS)
}

/**
 * Checks one Yjs v1 update from a client of any doc kind whose client-written roots are `roots`
 * (maps of whole records, as every kind keeps them). Pure: no Yjs doc is touched.
 */
export function checkDocUpdate(update: Uint8Array, roots: ReadonlySet<string>): UpdateCheck {
  const d = decoding.createDecoder(update)
  const writes = new Map<number, { from: number; to: number }>()
  const deletesTo = new Map<number, number>()
  try {
    const skips = { found: false }
    const structs = readStructs(d, roots, writes, skips)
    const deletions = readDeleteSet(d, deletesTo)
    if (decoding.hasContent(d)) refuse(UpdateProblem.TRAILING_BYTES)
    return { ok: true, structs, deletions, writes, deletesTo, skips: skips.found }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem }
    // lib0 throws plain Errors when the bytes run out or a number overflows.
    return { ok: false, problem: UpdateProblem.TRUNCATED }
  }
}

/**
 * Checks the state vector of a sync step 1 ("what I have"): a count the bytes can hold and no more
 * writers than a board has.
 */
export function checkStateVector(stateVector: Uint8Array): UpdateCheck {
  const d = decoding.createDecoder(stateVector)
  try {
    const n = count(d, 2, UPDATE_LIMITS.clients)
    for (let i = 0; i < n; i++) {
      decoding.readVarUint(d)
      clock(d)
    }
    if (decoding.hasContent(d)) refuse(UpdateProblem.TRAILING_BYTES)
    return { ok: true, structs: 0, deletions: 0, writes: new Map(), deletesTo: new Map() }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem }
    return { ok: false, problem: UpdateProblem.TRUNCATED }
  }
}

const remaining = (d: decoding.Decoder) => d.arr.length - d.pos

/** Reads a count whose entries take at least `minBytes` each; refuses counts the bytes cannot hold. */
function count(d: decoding.Decoder, minBytes: number, max: number): number {
  const n = decoding.readVarUint(d)
  if (n * minBytes > remaining(d)) refuse(UpdateProblem.COUNT_TOO_LARGE)
  if (n > max) refuse(UpdateProblem.TOO_MANY_PARTS)
  return n
}

function clock(d: decoding.Decoder): number {
  const n = decoding.readVarUint(d)
  if (n > UPDATE_LIMITS.length) refuse(UpdateProblem.LENGTH_TOO_LARGE)
  return n
}

function readString(d: decoding.Decoder): string {
  const len = decoding.peekVarUint(d)
  if (len > remaining(d)) refuse(UpdateProblem.TRUNCATED)
  return decoding.readVarString(d)
}

function readStructs(d: decoding.Decoder, roots: ReadonlySet<string>, writes: Map<number, { from: number; to: number }>, skips: { found: boolean }): number {
  const clients = count(d, 3, UPDATE_LIMITS.clients)
  let total = 0
  const origins = new Map<string, number>()
  const crowd = (key: string) => {
    const n = (origins.get(key) ?? 0) + 1
    if (n > UPDATE_LIMITS.sameOrigin) refuse(UpdateProblem.CROWDED_ORIGIN)
    origins.set(key, n)
  }
  const named = new Set<number>()
  for (let c = 0; c < clients; c++) {
    const structs = count(d, 1, UPDATE_LIMITS.structs)
    total += structs
    if (total > UPDATE_LIMITS.structs) refuse(UpdateProblem.TOO_MANY_PARTS)
    const client = decoding.readVarUint(d)
    if (named.has(client)) refuse(UpdateProblem.CLIENT_TWICE)
    named.add(client)
    const from = clock(d)
    let at = from
    for (let s = 0; s < structs; s++) {
      const info = decoding.readUint8(d)
      const kind = info & 31
      if (kind === GC || kind === SKIP) {
        if (kind === SKIP) skips.found = true
        at += clock(d)
      } else {
        const hasOrigin = (info & BIT8) !== 0
        const hasRightOrigin = (info & BIT7) !== 0
        if (hasOrigin) crowd(`${decoding.readVarUint(d)}:${clock(d)}`)
        if (hasRightOrigin) {
          decoding.readVarUint(d)
          clock(d)
        }
        if (!hasOrigin && !hasRightOrigin) {
          // The parent is named: it must be a root the client writes, and a record item has a key.
          if (decoding.readVarUint(d) !== 1) refuse(UpdateProblem.FOREIGN_PARENT)
          const root = readString(d)
          if (!roots.has(root)) refuse(UpdateProblem.FOREIGN_PARENT)
          if ((info & BIT6) === 0) refuse(UpdateProblem.FOREIGN_PARENT)
          crowd(`first:${root}:${readString(d)}`)
        }
        at += readContent(d, kind)
      }
      if (at > UPDATE_LIMITS.length) refuse(UpdateProblem.LENGTH_TOO_LARGE)
    }
    if (structs > 0) {
      const seen = writes.get(client)
      writes.set(client, seen ? { from: Math.min(seen.from, from), to: Math.max(seen.to, at) } : { from, to: at })
    }
  }
  return total
}

/** Reads one item's content; returns its length in clock units. */
function readContent(d: decoding.Decoder, kind: number): number {
  if (kind === CONTENT_DELETED) return clock(d)
  if (kind !== CONTENT_ANY) return refuse(UpdateProblem.FOREIGN_CONTENT)
  const n = count(d, 1, UPDATE_LIMITS.structs)
  for (let i = 0; i < n; i++) readValue(d, 1)
  return n
}

/** Walks one lib0 "any" value without building it. */
function readValue(d: decoding.Decoder, depth: number): void {
  if (depth > UPDATE_LIMITS.depth) refuse(UpdateProblem.TOO_DEEP)
  const type = decoding.readUint8(d)
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return
    case 125:
      decoding.readVarInt(d)
      return
    case 124:
      decoding.readFloat32(d)
      return
    case 123:
      decoding.readFloat64(d)
      return
    case 122:
      decoding.readBigInt64(d)
      return
    case 119:
      readString(d)
      return
    case 118: {
      // an object: keys and values, each at least one byte
      const n = count(d, 2, UPDATE_LIMITS.structs)
      for (let i = 0; i < n; i++) {
        if (FORBIDDEN_KEYS.has(readString(d))) refuse(UpdateProblem.FORBIDDEN_KEY)
        readValue(d, depth + 1)
      }
      return
    }
    case 117: {
      const n = count(d, 1, UPDATE_LIMITS.structs)
      for (let i = 0; i < n; i++) readValue(d, depth + 1)
      return
    }
    default:
      // 116 (binary) and anything unknown: a card holds neither.
      refuse(UpdateProblem.FOREIGN_CONTENT)
  }
}

function readDeleteSet(d: decoding.Decoder, deletesTo: Map<number, number>): number {
  const clients = count(d, 2, UPDATE_LIMITS.clients)
  const named = new Set<number>()
  let total = 0
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(d)
    if (named.has(client)) refuse(UpdateProblem.CLIENT_TWICE)
    named.add(client)
    const ranges = count(d, 2, UPDATE_LIMITS.deletions)
    total += ranges
    if (total > UPDATE_LIMITS.deletions) refuse(UpdateProblem.TOO_MANY_PARTS)
    let after = 0
    for (let r = 0; r < ranges; r++) {
      const from = clock(d)
      if (from < after) refuse(UpdateProblem.OVERLAPPING_DELETIONS)
      const end = from + clock(d)
      if (end > UPDATE_LIMITS.length) refuse(UpdateProblem.LENGTH_TOO_LARGE)
      after = end
    }
    if (ranges > 0) deletesTo.set(client, after)
  }
  return total
}
