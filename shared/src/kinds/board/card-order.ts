import { ALTERNATIVES_MAX, type Card, cardSchema } from '../../cards/card.schema.js'
import type { DocView, RecordChange } from '../doc-kind.js'
import { parsedRecord, sameRecord } from '../records.js'

/**
 * How far a new card's time may lie from the server's clock, in ms. Phones correct their clock by
 * the server's; an offline card keeps the time it was typed within this window.
 * @default 12 h before, 1 min after
 */
export const CARD_TIME_WINDOW = { before: 12 * 60 * 60_000, after: 60_000 } as const

/**
 * How far below its column's last card a new card may place itself: a phone offline numbers its
 * own cards on from the last one it saw (at most a participant's 200 cards), so more is no phone's.
 * A card placed further is put right below the last: one at `Number.MAX_VALUE` would leave no
 * place below it (`last + 1` rounds back to it) for every card after it.
 */
export const POSITION_AHEAD_MAX = 1000

/**
 * Order and time of a card as the server stores it when a participant or host wrote it: a new card
 * goes below every card already in its column (nobody places their card first, nobody far below
 * the last, see POSITION_AHEAD_MAX), its time stays
 * within the window around the server's clock, and an edit keeps the card's place and time.
 * Returns the record to store instead, or null when the written one may stay.
 * @example normalizeCard({ root: 'cards', key, before: undefined, after: card }, doc, now)
 */
export function normalizeCard(change: RecordChange, doc: DocView, now: number, addedTogether?: ReadonlySet<string>): Card | null {
  const after = parsedRecord(cardSchema, change.after)
  if (!after) return null
  const before = parsedRecord(cardSchema, change.before)
  if (before) {
    if (after.position === before.position && after.createdAt === before.createdAt) return null
    return { ...after, position: before.position, createdAt: before.createdAt }
  }
  // Cards of the same update are no cards already there: a batch typed offline keeps its order
  // (measured against its own last card, each but the last would be put after it, the last first).
  const batch = addedTogether && addedTogether.size > 1 ? addedTogether : undefined
  const kept = batch ? undefined : doc.maxOf?.('cards', [after.stationId, after.columnId], change.key)
  const last = Math.max(0, kept === undefined ? lastPosition(doc, change.key, after, batch) : (kept ?? 0))
  const position = after.position > last && after.position <= last + POSITION_AHEAD_MAX ? after.position : last + 1
  const inWindow = after.createdAt >= now - CARD_TIME_WINDOW.before && after.createdAt <= now + CARD_TIME_WINDOW.after
  const createdAt = inWindow ? after.createdAt : now
  if (position === after.position && createdAt === after.createdAt) return null
  return { ...after, position, createdAt }
}

/** The largest position of the other cards in a card's column (not counting `batch`), read from every card of the board. */
function lastPosition(doc: DocView, key: string, card: Card, batch?: ReadonlySet<string>): number {
  let last = 0
  doc.forEach('cards', (value, other) => {
    const c = value as Partial<Card> | null
    if (other === key || batch?.has(other) || c?.stationId !== card.stationId || c.columnId !== card.columnId) return
    if (typeof c.position === 'number' && c.position > last) last = c.position
  })
  return last
}

/**
 * Keeps a version of a card that lost against a concurrent edit beside the card (as one of its
 * alternatives), unless it says what the card says already. Null: nothing to keep.
 */
export function keepLostCardVersion(current: unknown, lost: unknown): Card | null {
  const card = parsedRecord(cardSchema, current)
  const version = parsedRecord(cardSchema, lost)
  if (!card || !version || card.id !== version.id) return null
  const kept = { text: version.text, subPoints: version.subPoints }
  const known = [{ text: card.text, subPoints: card.subPoints }, ...(card.alternatives ?? [])]
  if (known.some((k) => sameRecord(k, kept))) return null
  return { ...card, alternatives: [...(card.alternatives ?? []), kept].slice(-ALTERNATIVES_MAX) }
}
