import { type Card, compareCards } from '../cards/card.schema.js'

/** A numbered entry of a list: 1., 2., … as data, never typed into the text. */
export interface Numbered<T> {
  number: number
  /** "1.", as lists print it. */
  label: string
  item: T
}

/** Numbers items in the order given, from 1. */
export function numberItems<T>(items: readonly T[]): Numbered<T>[] {
  return items.map((item, i) => ({ number: i + 1, label: `${i + 1}.`, item }))
}

/**
 * Numbers of the cards of one column (board order): card id → number. Renderers and the projector
 * call this so a reordered column renumbers itself.
 */
export function columnNumbers(cards: readonly Card[]): Map<string, number> {
  return new Map([...cards].sort(compareCards).map((c, i) => [c.id, i + 1]))
}

/**
 * New positions for a column ordered "nach Stimmen": most votes first, equal votes keep their
 * board order. Returns only the cards whose position changes (card id → position), so a write
 * touches as few records as it can.
 */
export function positionsByVotes(cards: readonly Card[], votesOf: (card: Card) => number): Map<string, number> {
  const ordered = [...cards].sort((a, b) => votesOf(b) - votesOf(a) || compareCards(a, b))
  const out = new Map<string, number>()
  ordered.forEach((card, i) => {
    if (card.position !== i + 1) out.set(card.id, i + 1)
  })
  return out
}

/**
 * The position for `cardId` moved to just before `beforeId` in a column (null: to the end), or null
 * when a card is not in the column or the card stays where it is.
 */
export function positionBefore(cards: readonly Card[], cardId: string, beforeId: string | null): number | null {
  const ordered = [...cards].sort(compareCards)
  if (!ordered.some((c) => c.id === cardId)) return null
  const rest = ordered.filter((c) => c.id !== cardId)
  const at = beforeId === null ? rest.length : rest.findIndex((c) => c.id === beforeId)
  if (at < 0) return null
  const next = positionBetween(rest[at - 1]?.position, rest[at]?.position)
  const now = ordered.findIndex((c) => c.id === cardId)
  const stays = ordered[now - 1]?.id === rest[at - 1]?.id && ordered[now + 1]?.id === rest[at]?.id
  return stays ? null : next
}

/**
 * The position for a card dropped between `before` and `after` (either may be absent: top or end).
 * Only the moved card changes, so two people reordering at once never fight over other cards.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return after! - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}
