/** A place in the review walk-through, both 0-based. */
export interface ReviewPosition {
  table: number
  station: number
}
export type ReviewMove = 'next-station' | 'prev-station' | 'next-table' | 'prev-table'

/**
 * One step of the review. Stations go on into the next table (and back into the previous table's
 * last station); tables start at their first station. The walk stops at both ends.
 */
export function stepReview(pos: ReviewPosition, move: ReviewMove, size: { tables: number; stations: number }): ReviewPosition {
  const lastTable = Math.max(0, size.tables - 1)
  const lastStation = Math.max(0, size.stations - 1)
  switch (move) {
    case 'next-station':
      if (pos.station < lastStation) return { ...pos, station: pos.station + 1 }
      return pos.table < lastTable ? { table: pos.table + 1, station: 0 } : pos
    case 'prev-station':
      if (pos.station > 0) return { ...pos, station: pos.station - 1 }
      return pos.table > 0 ? { table: pos.table - 1, station: lastStation } : pos
    case 'next-table':
      return pos.table < lastTable ? { table: pos.table + 1, station: 0 } : pos
    case 'prev-table':
      return pos.table > 0 ? { table: pos.table - 1, station: 0 } : pos
  }
}

/** Reads the position from `?table=<id>&station=<1-based>`; unknown or missing values fall back to the start. */
export function reviewPositionFrom(query: { table: string | null; station: string | null }, tableIds: readonly string[], stations: number): ReviewPosition {
  const table = Math.max(0, query.table ? tableIds.indexOf(query.table) : 0)
  const asked = Number.parseInt(query.station ?? '', 10)
  const station = Number.isFinite(asked) ? Math.min(Math.max(asked - 1, 0), Math.max(0, stations - 1)) : 0
  return { table, station }
}
