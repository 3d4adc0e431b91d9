/**
 * What screen readers are told without looking (aria-live): the timer's last minutes, a new station,
 * new cards of others. Pure decisions; LiveAnnouncer words and speaks them.
 */

/** Seconds left at which the timer is announced: 5, 2 and 1 minute, and when time is up. */
export const TIMER_MARKS = [300, 120, 60, 0] as const

/** The last mark passed going from `before` to `after` seconds left, or null (also when time went up). */
export function timerMarkCrossed(before: number | null, after: number | null): number | null {
  if (before === null || after === null || after >= before) return null
  const crossed = TIMER_MARKS.filter((mark) => before > mark && after <= mark)
  return crossed.length ? Math.min(...crossed) : null
}

/** The station that began (0-based), going from one round state to the next, or null. */
export function stationBegan(before: { phase: string; stationIndex: number } | null, after: { phase: string; stationIndex: number } | null): number | null {
  if (!before || !after || after.phase !== 'station') return null
  return before.phase !== 'station' || before.stationIndex !== after.stationIndex ? after.stationIndex : null
}

/** Cards that arrived since `known` and are not the reader's own, oldest first. */
export function newCardsOfOthers<C extends { id: string; authorId: string }>(known: ReadonlySet<string>, cards: readonly C[], ownAuthorId: string | undefined): C[] {
  return cards.filter((c) => !known.has(c.id) && c.authorId !== ownAuthorId)
}
