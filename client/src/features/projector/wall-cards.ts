import type { Card } from '@tischrunde/shared'

/** Cards of one station, and the newest few of them (newest first) for a wall tile. */
export function wallSummary(cards: readonly Card[], stationId: string, newest: number): { count: number; newest: Card[] } {
  const atStation = cards.filter((c) => c.stationId === stationId)
  const sorted = [...atStation].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  return { count: atStation.length, newest: sorted.slice(0, newest) }
}

/**
 * The wall's grid for `tables` tables: more tables, more columns (11 fill a 4 × 3 grid on a 16:9
 * screen), and how many newest cards a tile shows. A single row of tiles (one or two tables) is as
 * tall as the screen: six fit; three fit a tile in two rows; with more rows, two.
 */
export function wallLayout(tables: number): { columns: number; newest: number } {
  const columns = tables <= 4 ? 2 : tables <= 9 ? 3 : tables <= 16 ? 4 : 5
  const rows = Math.ceil(tables / columns)
  return { columns, newest: rows > 2 ? 2 : rows === 2 ? 3 : 6 }
}
