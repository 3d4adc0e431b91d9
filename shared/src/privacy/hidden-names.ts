/*
 * Names under cards reach other people's screens only while the facilitator shows names. A name is
 * not only hidden on screen while they are off: it is not in the docs every phone and projector
 * holds. A phone writes its name on a card only while names are shown, the server takes a name off
 * a card written meanwhile, and turning names off takes every name off the event's cards.
 */

/** A record with the name its writer gave, perhaps. */
type Named = { authorName?: unknown }

const named = (value: unknown): value is Named & object => typeof value === 'object' && value !== null && (value as Named).authorName !== undefined

/** The record without its writer's name (the record itself when it carries none). */
export function withoutAuthorName<T>(record: T): T {
  if (!named(record)) return record
  const { authorName: _name, ...rest } = record
  return rest as T
}

/**
 * A kind's correction of a written card (`normalized`, null: none) with the name taken off while
 * names are not shown: a card written with a name meanwhile (typed offline while they were) is
 * stored without it.
 */
export function nameKeptOff<T>(normalized: T | null, after: unknown, shown: boolean): T | null {
  if (shown) return normalized
  const record = normalized ?? after
  return named(record) ? (withoutAuthorName(record) as T) : normalized
}

/**
 * "Namen ausblenden" in one record of any doc: the record written again without the name on it or
 * on the card it holds (a held card of the moderation), or undefined when it carries none. Any
 * kind's records are covered, so a new kind that keeps names needs no hook of its own.
 */
export function recordWithoutName(value: unknown): unknown {
  if (named(value)) return withoutAuthorName(value)
  const card = (value as { card?: unknown } | null)?.card
  return named(card) ? { ...(value as object), card: withoutAuthorName(card) } : undefined
}
