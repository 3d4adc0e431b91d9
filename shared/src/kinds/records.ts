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
/** The schema each strict record schema was made from (see `strictRecord`). */
const looserOf = new WeakMap<z.ZodType, z.ZodType>()

const memoOf = (schema: z.ZodType): WeakMap<object, unknown> => {
  let known = parsedBy.get(schema)
  if (!known) parsedBy.set(schema, (known = new WeakMap()))
  return known
}

/**
 * `schema.strict()` (no keys beyond its own), known to `parsedRecord` as a stricter form of
 * `schema`: a record the strict form accepts parses to the same under both, so its one parse serves
 * both (the gate checks a stored card strictly; the kind's order and moderation read it as a card).
 * @example export const storedCardSchema = strictRecord(cardSchema)
 */
export function strictRecord<S extends z.ZodObject>(schema: S): ReturnType<S['strict']> {
  const strict = schema.strict() as ReturnType<S['strict']>
  looserOf.set(strict, schema)
  return strict
}

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
  const known = memoOf(schema)
  let parsed = known.get(value)
  if (parsed === undefined) {
    const result = schema.safeParse(value)
    parsed = result.success ? Object.freeze(result.data) : INVALID
    known.set(value, parsed)
    // Accepted by the strict form: the looser one would give the same (a refusal says nothing of it).
    const looser = looserOf.get(schema)
    if (looser && parsed !== INVALID) memoOf(looser).set(value, parsed)
  }
  return parsed === INVALID ? undefined : (parsed as T)
}
