import type { ProjectorDisplay, RoundState, TischEvent } from '@tischrunde/shared'
import { shownStationIndex } from './projector-mode.js'
import { type ReviewMove, stepReview } from './review-steps.js'

/** What the remote starts from before the console sent anything: what the projector shows by itself. */
export function defaultDisplay(event: TischEvent, round: RoundState): ProjectorDisplay {
  const view = round.phase === 'review' || round.phase === 'closed' ? 'review' : round.phase === 'station' ? 'wall' : 'join'
  return { view, tableId: event.tables[0]?.id ?? null, station: view === 'review' ? 0 : null, spotlight: null }
}

/** One step of the review, as a display: the station and table after `move`. */
export function stepDisplay(display: ProjectorDisplay, move: ReviewMove, event: TischEvent): ProjectorDisplay {
  const ids = event.tables.map((t) => t.id)
  const from = { table: Math.max(0, display.tableId ? ids.indexOf(display.tableId) : 0), station: display.station ?? 0 }
  const next = stepReview(from, move, { tables: ids.length, stations: event.template.stations.length })
  return { ...display, view: 'review', tableId: ids[next.table] ?? null, station: next.station, spotlight: null }
}

/** The station whose cards the remote offers for the spotlight: the review's, else the room's. */
export function remoteStationIndex(display: ProjectorDisplay, round: RoundState): number {
  return display.view === 'review' && display.station !== null ? display.station : shownStationIndex(round)
}
