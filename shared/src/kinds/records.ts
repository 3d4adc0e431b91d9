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
