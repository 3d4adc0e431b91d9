import type { EventDocumentation, ResultSheet } from './result-sheet.js'

/**
 * Rows of result sheets for spreadsheets (CSV and XLSX): one row per card and one per sub-point, so
 * a spreadsheet can sort and filter them and still rebuild the outline. The serialising (quoting,
 * BOM, cell types) is left to libraries on the server.
 */

/**
 * What the rows come from, in the words of their spreadsheet: theme tables and their stations, the
 * workshops of a day's programme and their work phases, or both. `all` names the sheet with every
 * row, `file` the file ("Winnenden_2019-07-02_Alle-Tische.csv").
 */
export const ROW_WORDS = {
  tables: { table: 'Thementisch', station: 'Station', all: 'Alle Tische', file: 'Alle-Tische' },
  workshops: { table: 'Workshop', station: 'Arbeitsphase', all: 'Alle Workshops', file: 'Alle-Workshops' },
  both: { table: 'Thementisch oder Workshop', station: 'Station oder Arbeitsphase', all: 'Alle Tische und Workshops', file: 'Alle-Tische-und-Workshops' },
} as const
export type RowWords = (typeof ROW_WORDS)[keyof typeof ROW_WORDS]

/** The words for rows of these sheets; a day of workshops alone speaks of workshops even before any has a card. */
export function rowWordsOf(sheets: readonly Pick<ResultSheet, 'workshop'>[], workshopDay = false): RowWords {
  const workshops = workshopDay || sheets.some((s) => s.workshop)
  const tables = sheets.some((s) => !s.workshop)
  return workshops ? (tables ? ROW_WORDS.both : ROW_WORDS.workshops) : ROW_WORDS.tables
}

/** Column headers, in order. German: the files are opened by facilitators in a spreadsheet. */
export function rowsHeader(words: RowWords = ROW_WORDS.tables): [string, string, string, string, string, string, string, string] {
  return ['ID', words.table, words.station, 'Spalte', 'Nr.', 'Gehört zu ID', 'Gliederung', 'Text']
}

/** The headers of theme tables' rows. */
export const CSV_HEADER = rowsHeader()

/** One card or sub-point as a spreadsheet row. */
export interface ExportRow {
  /** Running number over the whole file, from 1. */
  id: number
  /** The table's (or workshop's) id: what tells its rows apart from a table of the same name. */
  tableId: string
  /** The table's name as the reader sees it; "Sprache (Nr. 2)" where several tables share a name. */
  table: string
  /** The station with its question: "Station 1: Was läuft gut? Wo hakt es?" */
  station: string
  column: string
  /** The number as the documentation shows it ("3" for "3. Frauen …" in a numbered list); empty for bullets. */
  number: string
  /** The card's id for a sub-point; null for a card. */
  parentId: number | null
  /** Place in the column's outline: "2" for the second card, "2, Unterpunkt 1" for its first sub-point. */
  key: string
  /** The text as shown (without a typed number that became the list's number). */
  text: string
}

/** One row of CSV cells: id, table, station, column, number, parent id, outline key, text. */
export type CsvRow = [id: string, table: string, station: string, column: string, number: string, parent: string, key: string, text: string]

/**
 * Characters that make a spreadsheet read a cell as a formula (or, with tab and CR, split it) when
 * they come first: `=`, `+`, `-`, `@`, tab, carriage return (the OWASP "CSV injection" list).
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises one CSV cell against formula injection: a cell starting with a formula character gets
 * a leading apostrophe, which spreadsheets show as text and do not evaluate. CSV has no cell types,
 * so this is the only protection it can carry; the XLSX export types its cells as text instead and
 * shows "+ Nutzen" as typed.
 *
 * @example neutraliseCell('=HYPERLINK("http://x","y")') // → `'=HYPERLINK("http://x","y")`
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** A sub-point's place in the outline: words, not "2.1", which a German spreadsheet reads as the 2nd of January. */
export const subPointKey = (card: number, sub: number): string => `${card}, Unterpunkt ${sub}`

/** The rows of one sheet, ids counting on from `firstId`, the table named `tableName` (its own name unless given). */
export function sheetExportRows(sheet: ResultSheet, firstId = 1, tableName = sheet.table.name): ExportRow[] {
  const rows: ExportRow[] = []
  let id = firstId
  for (const station of sheet.stations) {
    for (const column of station.columns) {
      column.cards.forEach((card, i) => {
        const cardId = id++
        // A workshop's phase without its speakers (they stand in its heading): one phase, one value to filter by.
        const base = { tableId: sheet.table.id, table: tableName, station: sheet.workshop ? station.title : station.heading, column: column.title }
        rows.push({ ...base, id: cardId, number: card.number === null ? '' : String(card.number), parentId: null, key: String(i + 1), text: card.body })
        card.subItems.forEach((sub, j) =>
          rows.push({ ...base, id: id++, number: sub.number === null ? '' : String(sub.number), parentId: cardId, key: subPointKey(i + 1, j + 1), text: sub.body }),
        )
      })
    }
  }
  return rows
}

/**
 * The tables' names as the spreadsheets of an event show them, by table id. A name two tables share
 * (a popular topic at two tables) gets the table's number in the documentation's contents,
 * "Sprache (Nr. 3)", so the reader can tell their rows and sheets apart.
 */
export function documentationTableNames(doc: Pick<EventDocumentation, 'sheets'>): Map<string, string> {
  const key = (sheet: ResultSheet) => sheet.table.name.trim().toLocaleLowerCase('de')
  const count = new Map<string, number>()
  for (const sheet of doc.sheets) count.set(key(sheet), (count.get(key(sheet)) ?? 0) + 1)
  return new Map(doc.sheets.map((sheet, i) => [sheet.table.id, (count.get(key(sheet)) ?? 0) > 1 ? `${sheet.table.name} (Nr. ${i + 1})` : sheet.table.name]))
}

/** The rows of every table of an event, in table order, ids running over all of them, tables named by {@link documentationTableNames}. */
export function documentationExportRows(doc: EventDocumentation): ExportRow[] {
  const names = documentationTableNames(doc)
  const rows: ExportRow[] = []
  for (const sheet of doc.sheets) rows.push(...sheetExportRows(sheet, rows.length + 1, names.get(sheet.table.id)))
  return rows
}

/** A row as CSV cells, every cell neutralised. */
export function csvCells(row: ExportRow): CsvRow {
  const cells = [String(row.id), row.table, row.station, row.column, row.number, row.parentId === null ? '' : String(row.parentId), row.key, row.text]
  return cells.map(neutraliseCell) as CsvRow
}

/** The rows of one sheet as CSV cells (without header). */
export function resultSheetCsvRows(sheet: ResultSheet): CsvRow[] {
  return sheetExportRows(sheet).map(csvCells)
}

/** Header and the rows of every table (and workshop) of an event, in table order. */
export function documentationCsvRows(doc: EventDocumentation): CsvRow[] {
  return [rowsHeader(doc.rowWords), ...documentationExportRows(doc).map(csvCells)]
}

/** Header and the rows of one table. */
export function sheetCsvRows(sheet: ResultSheet): CsvRow[] {
  return [rowsHeader(rowWordsOf([sheet])), ...resultSheetCsvRows(sheet)]
}
