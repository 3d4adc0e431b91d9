import { type Card, cardSchema } from '../../cards/card.schema.js'
import type { RecordChange } from '../doc-kind.js'
import { sameRecord } from '../records.js'
import { CARD_MARKS } from './card-marks.schema.js'

/**
 * The card a client write stores, with the moderation marks as the server has them: a client never
 * sets, changes or drops a pin, a strike-through or a merge (an offline edit of an older version
 * keeps the marks set meanwhile). `normalized` is what the board's own rules made of the write
 * (null: the write as sent). Returns null when the record may stay as written.
 */
export function keepCardMarks(change: RecordChange, normalized: Card | null): Card | null {
  const after = normalized ?? cardSchema.safeParse(change.after).data
  if (!after) return normalized
  const before = cardSchema.safeParse(change.before).data
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
