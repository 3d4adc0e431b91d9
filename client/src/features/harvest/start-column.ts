import type { RoundState, TischEvent } from '@tischrunde/shared'

/** A column of the template as a grouping screen offers it: `station/column` and its label. */
export interface ColumnChoice {
  value: string
  label: string
}

/** Every column of the day's template, station by station. */
export function columnChoices(event: TischEvent): ColumnChoice[] {
  return event.template.stations.flatMap((s) => s.columns.map((c) => ({ value: `${s.id}/${c.id}`, label: `${s.title} – ${c.title}` })))
}

/**
 * The column a grouping screen opens on when nobody picked one: the running station's first column;
 * with no station running, the first column holding cards of the last station that has cards;
 * otherwise the first column of the day.
 */
export function startColumn(event: TischEvent, round: RoundState | null, cards: readonly { stationId: string; columnId: string }[]): string {
  const stations = event.template.stations
  const running = round?.phase === 'station' ? stations[round.stationIndex] : undefined
  const runningColumn = running?.columns[0]
  if (running && runningColumn) return `${running.id}/${runningColumn.id}`
  for (const station of [...stations].reverse()) {
    const filled = station.columns.find((c) => cards.some((card) => card.stationId === station.id && card.columnId === c.id))
    if (filled) return `${station.id}/${filled.id}`
  }
  const first = stations.find((s) => s.columns.length > 0)
  return first ? `${first.id}/${first.columns[0]!.id}` : ''
}
