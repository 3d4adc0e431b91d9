import type { z } from 'zod'

/**
 * Roots only the server writes, present in every kind of doc: which record keys were deleted by a
 * client write (so an offline edit of the deleted version cannot bring the record back).
 */
export const TOMBSTONES_ROOT = '$deleted'

/** The key of a record's tombstone: its root and its key. */
export function tombstoneKey(root: string, key: string): string {
  return `${root}/${key}`
}

/**
 * Whether two JSON-like records are equal, whatever the order of their keys. The write gate asks
 * it of a record and its parsed form: a record is stored only exactly as it parses (no untrimmed
 * text, no dropped defaults, no extra keys).
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((v, i) => sameRecord(v, other[i]))
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b, k) && sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Parsed forms by schema and record object; `INVALID` for a record its schema refuses. */
const parsedBy = new WeakMap<z.ZodType, WeakMap<object, unknown>>()
const INVALID = Symbol('invalid')

/**
 * A record's parsed form, or undefined when there is none (absent, or refused by the schema). The
 * write path reads one written record in several rules — the gate's shape check, the kind's
 * permissions, its order and time, moderation's diversion — and each parsed it anew; a record
 * object is now parsed once per schema (Yjs never changes a stored value in place, and the memo
 * goes with the object). The parsed form is shared by every rule that reads it, so it is frozen:
 * a rule builds a new record instead of changing it.
 * @example parsedRecord(cardSchema, change.after)?.stationId
 */
export function parsedRecord<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null) return schema.safeParse(value).data
  let known = parsedBy.get(schema)
  if (!known) parsedBy.set(schema, (known = new WeakMap()))
  let parsed = known.get(value)
  if (parsed === undefined) {
    const result = schema.safeParse(value)
    parsed = result.success ? Object.freeze(result.data) : INVALID
    known.set(value, parsed)
  }
  return parsed === INVALID ? undefined : (parsed as T)
}
