import type { TischEvent } from '../../event/event.schema.js'
import type { HeldCard, HeldStatus } from './moderation.schema.js'

/**
 * The facilitator's list of cards that are not on the boards (hidden, waiting for approval,
 * collected, refused, merged into another): participant exports leave them out, this list names
 * them, marked. German: the file is opened by the organiser in a spreadsheet.
 */
export const HELD_CARDS_HEADER = ['Thementisch', 'Station', 'Spalte', 'Status', 'Seit', 'Text', 'Darin zusammengeführt'] as const

/** How each status reads in the list. */
export const HELD_STATUS_LABEL: Readonly<Record<HeldStatus, string>> = {
  hidden: 'Ausgeblendet',
  pending: 'Wartet auf Freigabe',
  collected: 'Gesammelt, noch nicht aufgedeckt',
  refused: 'Nicht freigegeben',
  merged: 'Zusammengeführt',
}

/** One row per held card, tables in the event's order, then station, column and time held. */
export function heldCardRows(event: TischEvent, heldByTable: ReadonlyMap<string, readonly HeldCard[]>, timeText: (ms: number) => string): string[][] {
  const stations = new Map(event.template.stations.map((s, i) => [s.id, { index: i, label: s.title, columns: new Map(s.columns.map((c, j) => [c.id, { index: j, title: c.title }])) }]))
  const rows: { order: [number, number, number, number]; cells: string[] }[] = []
  event.tables.forEach((table, t) => {
    for (const held of heldByTable.get(table.id) ?? []) {
      const station = stations.get(held.card.stationId)
      const column = station?.columns.get(held.card.columnId)
      rows.push({
        order: [t, station?.index ?? Number.MAX_SAFE_INTEGER, column?.index ?? Number.MAX_SAFE_INTEGER, held.at],
        cells: [table.name, station?.label ?? held.card.stationId, column?.title ?? held.card.columnId, HELD_STATUS_LABEL[held.status], timeText(held.at), held.card.text, (held.card.merged ?? []).map((m) => m.text).join(' | ')],
      })
    }
  })
  rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.order[3] - b.order[3])
  return rows.map((r) => r.cells)
}
