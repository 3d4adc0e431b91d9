import type { EventExport } from '../export/event-export.schema.js'
import { type ResultSheet, type SheetColumn, type SheetEventInfo, plainText, sheetColumn } from '../export/result-sheet.js'
import { WORKSHOP_COLUMN_IDS, WORKSHOP_COLUMN_TITLES_DE } from './workshop-board.js'

/** The id of a workshop's chapter (its sheet's table id), by which the method page finds its cards. */
export const workshopSheetId = (workshop: { id: string }): string => `workshop-${workshop.id}`.slice(0, 63)

/**
 * The documentation's chapters of the workshops' own boards: one per workshop with results, after
 * the theme tables, headed "Workshop 5: Von der Schule in den Beruf" (and its subtitle), its phase
 * (and the phase's subtitle) and its speakers under it.
 */
export function workshopSheets(file: EventExport, event: SheetEventInfo): ResultSheet[] {
  const boards = new Map((file.workshopBoards ?? []).map((b) => [b.workshopId, b]))
  const sheets: ResultSheet[] = []
  for (const phase of file.programme?.items ?? [])
    for (const workshop of phase.workshops) {
      const board = boards.get(workshop.id)
      if (!board) continue
      const columns: SheetColumn[] = WORKSHOP_COLUMN_IDS.flatMap((id) => {
        const cards = board.columns.find((c) => c.columnId === id)?.cards ?? []
        return cards.length > 0 ? [sheetColumn(id, WORKSHOP_COLUMN_TITLES_DE[id], cards)] : []
      })
      const cardCount = columns.reduce((n, c) => n + c.cards.length, 0)
      if (cardCount === 0) continue
      // The workshop's own line names it (with its subtitle); the phase's line the phase (with its
      // subtitle) and who led the workshop, as the programme lists them.
      const name = plainText(`Workshop ${workshop.number}: ${workshop.title}${workshop.subtitle ? ` – ${workshop.subtitle}` : ''}`)
      const title = plainText(phase.subtitle ? `${phase.title}: ${phase.subtitle}` : phase.title)
      const prompt = plainText(workshop.speakers.length > 0 ? `Mit ${workshop.speakers.join('; ')}` : '')
      sheets.push({
        event,
        table: { id: workshopSheetId(workshop), name, host: '' },
        workshop: true,
        heading: name,
        stations: [{ id: 'workshop', title, prompt, heading: prompt ? `${title} – ${prompt}` : title, columns, cardCount }],
        cardCount,
      })
    }
  return sheets
}
