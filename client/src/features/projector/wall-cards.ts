import type { Card } from '@tischrunde/shared'

/** Cards of one station, and the newest few of them (newest first) for a wall tile. */
export function wallSummary(cards: readonly Card[], stationId: string, newest: number): { count: number; newest: Card[] } {
  const atStation = cards.filter((c) => c.stationId === stationId)
  const sorted = [...atStation].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  return { count: atStation.length, newest: sorted.slice(0, newest) }
}
