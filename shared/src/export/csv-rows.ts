import type { EventDocumentation, ResultSheet } from './result-sheet.js'

/**
 * CSV rows of result sheets: one row per card and one per sub-point, so a spreadsheet can sort and
 * filter them. The serialising (quoting, BOM) is left to a CSV library on the server.
 */

/** Column headers, in order. German: the files are opened by facilitators in a spreadsheet. */
export const CSV_HEADER = ['Thementisch', 'Station', 'Spalte', 'Nr.', 'Gehört zu Nr.', 'Text'] as const

/** One row: table name, station title, column title, position, parent position (sub-points only), text. */
export type CsvRow = [table: string, station: string, column: string, position: string, parent: string, text: string]

/**
 * Characters that make a spreadsheet read a cell as a formula (or, with tab and CR, split it) when
 * they come first: `=`, `+`, `-`, `@`, tab, carriage return (the OWASP "CSV injection" list).
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises one cell against formula injection: a cell starting with a formula character gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 *
 * @example neutraliseCell('=HYPERLINK("http://x","y")') // → `'=HYPERLINK("http://x","y")`
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * The rows of one sheet, every cell neutralised. Positions count from 1 within a column; a
 * sub-point's position counts within its card, and its parent is the card's position.
 */
export function resultSheetCsvRows(sheet: ResultSheet): CsvRow[] {
  const rows: CsvRow[] = []
  for (const station of sheet.stations) {
    for (const column of station.columns) {
      column.cards.forEach((card, i) => {
        const position = String(i + 1)
        rows.push(safeRow([sheet.table.name, station.title, column.title, position, '', card.text]))
        card.subPoints.forEach((sub, j) => rows.push(safeRow([sheet.table.name, station.title, column.title, String(j + 1), position, sub])))
      })
    }
  }
  return rows
}

/** Header and the rows of every table of an event, in table order. */
export function documentationCsvRows(doc: EventDocumentation): CsvRow[] {
  return [[...CSV_HEADER], ...doc.sheets.flatMap(resultSheetCsvRows)]
}

/** Header and the rows of one table. */
export function sheetCsvRows(sheet: ResultSheet): CsvRow[] {
  return [[...CSV_HEADER], ...resultSheetCsvRows(sheet)]
}

function safeRow(row: CsvRow): CsvRow {
  return row.map(neutraliseCell) as CsvRow
}
