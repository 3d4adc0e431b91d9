import type { Phase, RoundState, ThemeTable } from '@tischrunde/shared'

/** What the projector shows: one table's board, all tables, the review walk-through, or how to join. */
export const PROJECTOR_MODES = ['table', 'wall', 'review', 'join'] as const
export type ProjectorMode = (typeof PROJECTOR_MODES)[number]

export function isProjectorMode(value: string | null): value is ProjectorMode {
  return value !== null && (PROJECTOR_MODES as readonly string[]).includes(value)
}

/**
 * The mode for a query and the room's phase. An explicit `?mode=` always wins. Without one, a
 * `?table=` shows that table, except during review, when the walk-through starts at that table;
 * otherwise the phase decides: join screen before the start, all tables while stations run.
 */
export function resolveMode(query: { mode: string | null; table: string | null }, phase: Phase): ProjectorMode {
  if (isProjectorMode(query.mode)) return query.mode
  if (phase === 'review' || phase === 'closed') return 'review'
  if (query.table) return 'table'
  return phase === 'station' ? 'wall' : 'join'
}

/** The table asked for, or the first table (key 1 with no table chosen yet); undefined without tables. */
export function pickTable(tables: readonly ThemeTable[], tableId: string | null): ThemeTable | undefined {
  return tables.find((t) => t.id === tableId) ?? tables[0]
}

/**
 * The station a board shows: the facilitator's current one while stations run, Station 1 before
 * the start, and the last one reached during review and after the end.
 */
export function shownStationIndex(round: RoundState): number {
  return round.phase === 'before-start' ? 0 : round.stationIndex
}
