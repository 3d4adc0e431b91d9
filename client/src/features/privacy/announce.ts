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

/**
 * What a station's announcement names after "Station n beginnt": its title, unless the title only
 * repeats "Station n" (then its prompt, if it has one), or null when there is nothing more to say.
 */
export function stationNaming(n: number, station: { title: string; prompt?: string | undefined }): string | null {
  const plain = (s: string) => s.toLocaleLowerCase('de').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  const repeats = (s: string) => plain(s) === '' || plain(s) === `station ${n}` || plain(s) === String(n)
  const title = station.title.trim()
  if (!repeats(title)) return title
  const prompt = station.prompt?.trim() ?? ''
  return repeats(prompt) ? null : prompt
}

/** Cards that arrived since `known` and are not the reader's own, oldest first. */
export function newCardsOfOthers<C extends { id: string; authorId: string }>(known: ReadonlySet<string>, cards: readonly C[], ownAuthorId: string | undefined): C[] {
  return cards.filter((c) => !known.has(c.id) && c.authorId !== ownAuthorId)
}
