import { type RoundState, type Station, type ThemeTable, type TischEvent, findTable, own } from '@tischrunde/shared'
import { canWrite, currentStation, stationAt } from '../../store/selectors.js'
import { type Visits, visitedTables } from '../rotation/visits.js'

/** What the phone knows when it decides which screen to show. */
export interface PhoneStepInput {
  /** Null until the event's state arrived (from the server or the device's cache). */
  event: TischEvent | null
  round: RoundState | null
  /** A table host's link: the phone stays at `tableId`, never rotates and never reads the tablecloth. */
  host: boolean
  /** The table this phone chose (or was assigned); it may no longer exist in the event. */
  tableId: string | null
  /** Which table this phone sat at in which station. */
  visits: Visits
  /** Tablecloths this phone has read, as `tableclothKey` values. */
  tableclothsSeen: readonly string[]
}

/** How the board step shows the cards: one station (writable or not), or every station for the review. */
export type BoardView =
  | { kind: 'station'; station: Station; ownEdits: boolean; editsAll: boolean }
  | { kind: 'review'; stations: readonly Station[] }

/** The screen a joined phone shows, with what that screen needs. */
export type PhoneStep =
  | { step: 'loading' }
  /** `gone`: the table this phone sat at was removed from the event. */
  | { step: 'pick-table'; station: Station | null; gone: boolean }
  | { step: 'rotation'; table: ThemeTable; station: Station; visited: ReadonlySet<string> }
  | { step: 'tablecloth'; table: ThemeTable; station: Station; earlier: readonly Station[]; key: string }
  | { step: 'board'; table: ThemeTable; station: Station | null; prompt: Station; writable: boolean; view: BoardView }

/** Names one tablecloth: a table as a station starts there. */
export const tableclothKey = (stationId: string, tableId: string): string => `${stationId}/${tableId}`

/**
 * Which screen a joined phone shows: pick a table, move to another one for a new station
 * (World-Café rotation), read what earlier groups wrote there (the tablecloth), then the board.
 */
export function phoneStep(input: PhoneStepInput): PhoneStep {
  const { event, round, host, visits } = input
  if (!event) return { step: 'loading' }
  const station = currentStation(event, round)
  const table = input.tableId ? findTable(event, input.tableId) : undefined
  if (!table) return { step: 'pick-table', station, gone: input.tableId !== null }

  const stations = event.template.stations
  const stationIndex = station ? stations.findIndex((s) => s.id === station.id) : 0
  // A new station and this phone has not chosen its table for it yet. A phone without any visit
  // joined late and stays where it is.
  if (station && !host && stationIndex > 0 && own(visits, station.id) === undefined && Object.keys(visits).length > 0)
    return { step: 'rotation', table, station, visited: visitedTables(visits, station.id) }

  const earlier = stations.slice(0, Math.max(0, stationIndex))
  if (station && !host && earlier.length > 0) {
    const key = tableclothKey(station.id, table.id)
    if (!input.tableclothsSeen.includes(key)) return { step: 'tablecloth', table, station, earlier, key }
  }

  const prompt = station ?? stationAt(event, round?.phase === 'before-start' || !round ? 0 : round.stationIndex)
  const writable = station !== null && canWrite(event, round, station.id)
  const review = round !== null && (round.phase === 'review' || round.phase === 'closed')
  const view: BoardView = review ? { kind: 'review', stations } : { kind: 'station', station: prompt, ownEdits: writable, editsAll: host && writable }
  return { step: 'board', table, station, prompt, writable, view }
}

/**
 * The visit a phone records without asking: at the first station, or when a phone without visits
 * (joined late) sits at a table, that table counts for the current station. Null when there is
 * nothing to record.
 */
export function visitToRecord(input: Pick<PhoneStepInput, 'event' | 'round' | 'tableId' | 'visits'>): { stationId: string; tableId: string } | null {
  const { event, visits } = input
  const station = event ? currentStation(event, input.round) : null
  const table = event && input.tableId ? findTable(event, input.tableId) : undefined
  if (!event || !station || !table || own(visits, station.id) !== undefined) return null
  const index = event.template.stations.findIndex((s) => s.id === station.id)
  return index === 0 || Object.keys(visits).length === 0 ? { stationId: station.id, tableId: table.id } : null
}
