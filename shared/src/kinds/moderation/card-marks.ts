import { type Card, cardSchema } from '../../cards/card.schema.js'
import type { RecordChange } from '../doc-kind.js'
import { parsedRecord, sameRecord } from '../records.js'
import { CARD_MARKS } from './card-marks.schema.js'
import type { ForgetAuthor, ForgetWrite } from '../../privacy/forget-author.js'

/**
 * The card a client write stores, with the moderation marks as the server has them: a client never
 * sets, changes or drops a pin, a strike-through or a merge (an offline edit of an older version
 * keeps the marks set meanwhile). `normalized` is what the board's own rules made of the write
 * (null: the write as sent). Returns null when the record may stay as written.
 */
export function keepCardMarks(change: RecordChange, normalized: Card | null): Card | null {
  const after = normalized ?? parsedRecord(cardSchema, change.after)
  if (!after) return normalized
  const before = parsedRecord(cardSchema, change.before)
  const kept: Record<string, unknown> = { ...after }
  for (const mark of CARD_MARKS) {
    if (before?.[mark] === undefined) delete kept[mark]
    else kept[mark] = before[mark]
  }
  if (sameRecord(kept, change.after)) return null
  return kept as Card
}

/** A card with one mark set or cleared. */
export function withMark(card: Card, mark: 'pinned' | 'struck', on: boolean): Card {
  const next: Record<string, unknown> = { ...card }
  if (on) next[mark] = true
  else delete next[mark]
  return next as Card
}

const mergedOf = (value: unknown): { authorId?: unknown }[] | undefined => {
  const merged = typeof value === 'object' && value !== null ? (value as { merged?: unknown }).merged : undefined
  return Array.isArray(merged) ? (merged as { authorId?: unknown }[]) : undefined
}

/** A card without the duplicates of one author merged into it (their text leaves with them). */
export function withoutMergedOf<T>(card: T, participantId: string): T {
  const merged = mergedOf(card)
  if (!merged?.some((m) => m.authorId === participantId)) return card
  const rest = merged.filter((m) => m.authorId !== participantId)
  const next: Record<string, unknown> = { ...(card as Record<string, unknown>), merged: rest }
  if (rest.length === 0) delete next.merged
  return next as T
}

/**
 * "Meine Beiträge löschen" for cards of others that hold a participant's merged duplicate: the
 * duplicate's text (kept in the card's `merged` list) is removed; the card itself stays.
 */
export function forgetMergedOf(root: string): ForgetAuthor {
  return (doc, participantId) => {
    const writes: ForgetWrite[] = []
    doc.forEach(root, (value, key) => {
      if (typeof value !== 'object' || value === null || (value as { authorId?: unknown }).authorId === participantId) return
      const kept = withoutMergedOf(value, participantId)
      if (kept !== value) writes.push({ root, key, value: kept })
    })
    return writes
  }
}
