import type { ProjectorDisplay, RoundState, ThemeTable, TischEvent } from '@tischrunde/shared'
import { useEffect, useRef } from 'react'
import { useSearchParams } from 'wouter'
import { type ProjectorMode, pickTable, resolveMode } from './projector-mode.js'
import { type ReviewMove, type ReviewPosition, reviewPositionFrom } from './review-steps.js'
import { useReviewPosition } from './use-review-position.js'

export interface ProjectorNav {
  mode: ProjectorMode
  /** The table board's table (the last one shown, else the first); undefined without tables. */
  table: ThemeTable | undefined
  review: ReviewPosition
  goMode: (mode: ProjectorMode) => void
  move: (move: ReviewMove) => void
  /** Shows what the console asked for (view, table, review station). */
  show: (display: ProjectorDisplay) => void
}

/** Mode and position live in the query (`?mode=…&table=…&station=…`), so a reload or a link shows the same. */
export function useProjectorNav(event: TischEvent, round: RoundState): ProjectorNav {
  const [params, setParams] = useSearchParams()
  const query = { mode: params.get('mode'), table: params.get('table'), station: params.get('station') }
  const mode = resolveMode(query, round.phase)
  const table = pickTable(event.tables, query.table)
  const tableIds = event.tables.map((t) => t.id)
  const size = { tables: tableIds.length, stations: event.template.stations.length }
  // Changes only the named parameters, so others (e.g. ?lang=en) survive a mode switch.
  const update = (changes: Record<string, string | null>, replace: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key)
          else next.set(key, value)
        }
        return next
      },
      { replace },
    )
  const review = useReviewPosition({
    eventId: event.id,
    tableIds,
    stations: size.stations,
    fromAddress: reviewPositionFrom(query, tableIds, size.stations),
    writeAddress: (pos) => update({ table: tableIds[pos.table]!, station: String(pos.station + 1) }, true),
  })

  // The table stays in the address across modes, so key 1 returns to the table shown last.
  const goMode = (next: ProjectorMode) => update({ mode: next, station: null, ...(next === 'table' && table ? { table: table.id } : {}) }, false)

  const move = (step: ReviewMove) => {
    if (mode === 'review') review.step(step)
    else if (mode === 'table' && table && (step === 'next-table' || step === 'prev-table')) {
      const index = Math.max(0, Math.min(tableIds.indexOf(table.id) + (step === 'next-table' ? 1 : -1), size.tables - 1))
      update({ table: tableIds[index]! }, true)
    }
  }

  const show = (display: ProjectorDisplay) =>
    update({ mode: display.view, table: display.tableId, station: display.view === 'review' && display.station !== null ? String(display.station + 1) : null }, false)

  // When the day moves on to the review, the projector follows, whatever its own keys chose before,
  // and the walk-through begins at the first table's first station (not at the table shown last).
  const phase = useRef(round.phase)
  useEffect(() => {
    const before = phase.current
    phase.current = round.phase
    if (before !== 'review' && round.phase === 'review') update({ mode: 'review', table: tableIds[0] ?? null, station: '1' }, false)
    // update is a new function every render; only the phase change matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [round.phase])

  return { mode, table, review: review.position, goMode, move, show }
}
