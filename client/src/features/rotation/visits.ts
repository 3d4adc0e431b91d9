/**
 * Which table this phone sat at in which station (kept on the device): the rotation prompt marks
 * visited tables, and the phone asks to move once per new station.
 */
export type Visits = Record<string, string>

/** Tables visited in stations other than `stationId`. */
export function visitedTables(visits: Visits, stationId: string): Set<string> {
  return new Set(Object.entries(visits).filter(([s]) => s !== stationId).map(([, t]) => t))
}

/**
 * Suggests the next table: the first one after the current (in list order, wrapping round) that this
 * phone has not visited yet; hosts and people who visited all tables get their current one.
 */
export function suggestNextTable(tableIds: readonly string[], current: string | null, visited: ReadonlySet<string>): string | null {
  if (tableIds.length === 0) return null
  const start = current ? tableIds.indexOf(current) : -1
  for (let i = 1; i <= tableIds.length; i++) {
    const candidate = tableIds[(start + i + tableIds.length) % tableIds.length]!
    if (candidate !== current && !visited.has(candidate)) return candidate
  }
  return current
}
