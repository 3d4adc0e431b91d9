import ExcelJS from 'exceljs'
import { type EventDocumentation, type ExportRow, ROW_WORDS, type ResultSheet, type RowWords, documentationExportRows, documentationTableNames, rowWordsOf, rowsHeader, sheetExportRows } from './shared-export.js'

/**
 * Excel workbooks of the result rows (the CSV's columns). Every text cell is written as text, so a
 * card "+ Nutzen" or "=1+1" shows as typed and is never read as a formula, without the apostrophe
 * CSV needs; ids and numbers are numbers, so the sheet sorts and filters as people expect.
 */

/** Excel's limit for a sheet name, and the characters it refuses in one. */
const SHEET_NAME_MAX = 31
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g

const WIDTHS = [7, 28, 40, 32, 6, 10, 10, 70] as const

/** A sheet name Excel accepts, unique within the workbook: "Frauen, Kinderbetreuung…", "Sprache (2)". */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').replace(/^'|'$/g, '').trim() || 'Tabelle'
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`
    const candidate = fitName(clean, SHEET_NAME_MAX - suffix.length) + suffix
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase())
      return candidate
    }
  }
}

/** A name cut to `room` characters at a word's end where one is near (else within the word), with "…". */
function fitName(name: string, room: number): string {
  if (name.length <= room) return name
  const cut = name.slice(0, room - 1)
  const space = cut.lastIndexOf(' ')
  return (space >= room * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;.:–-]+$/, '') + '…'
}

function addRowsSheet(book: ExcelJS.Workbook, name: string, rows: readonly ExportRow[], words: RowWords): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const header = rowsHeader(words)
  sheet.columns = header.map((title, i) => ({ header: title, width: WIDTHS[i] }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    const added = sheet.addRow([row.id, row.table, row.station, row.column, row.number === '' ? null : Number(row.number), row.parentId, row.key, row.text])
    // Text stays text: typed as strings, never formulas (exceljs writes a formula only for { formula }).
    for (const col of [2, 3, 4, 7, 8]) added.getCell(col).numFmt = '@'
    added.getCell(8).alignment = { wrapText: true, vertical: 'top' }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } }
}

function workbook(title: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  book.creator = 'Tischrunde'
  book.title = title
  // A fixed date: the same export gives the same file.
  book.created = book.modified = new Date(0)
  return book
}

async function bytes(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** One table's rows on one sheet named after the table. */
export async function renderSheetXlsx(sheet: ResultSheet): Promise<Uint8Array> {
  const book = workbook(sheet.heading)
  addRowsSheet(book, sheetName(sheet.table.name, new Set()), sheetExportRows(sheet), rowWordsOf([sheet]))
  return bytes(book)
}

/** Rows of plain text under a header (the trees' sheet): every cell text, never a formula. */
export interface TextRows {
  header: readonly string[]
  /** The first column names the group a row belongs to. */
  rows: readonly (readonly string[])[]
  /** Each column's width in characters (20 where none is given). */
  widths?: readonly number[]
}

function addTextSheet(book: ExcelJS.Workbook, name: string, { header, rows, widths = [] }: TextRows): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 20, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) sheet.addRow([...row])
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } }
}

/**
 * Every table: a first sheet "Alle Tische" ("Alle Workshops" on a day of workshops) with every row, then one sheet per table (ids as on the
 * first). With trees, a sheet "Bäume" with every node and one per group; a day of trees alone has
 * no table sheet.
 */
export async function renderDocumentationXlsx(doc: EventDocumentation, trees?: TextRows): Promise<Uint8Array> {
  const book = workbook(doc.event.title)
  const taken = new Set<string>()
  const withTrees = trees !== undefined && trees.rows.length > 0
  if (doc.sheets.length > 0 || !withTrees) {
    const rows = documentationExportRows(doc)
    const words = doc.rowWords ?? ROW_WORDS.tables
    addRowsSheet(book, sheetName(words.all, taken), rows, words)
    // By id: two tables may share a name; their sheets are named as their rows name them ("Sprache (Nr. 3)").
    const names = documentationTableNames(doc)
    for (const sheet of doc.sheets) addRowsSheet(book, sheetName(names.get(sheet.table.id) ?? sheet.table.name, taken), rows.filter((r) => r.tableId === sheet.table.id), rowWordsOf([sheet]))
  }
  if (withTrees) {
    addTextSheet(book, sheetName(TREES_SHEET, taken), trees)
    for (const group of new Set(trees.rows.map((r) => r[0] ?? ''))) addTextSheet(book, sheetName(group, taken), { ...trees, rows: trees.rows.filter((r) => r[0] === group) })
  }
  return bytes(book)
}

export const TREES_SHEET = 'Bäume'

export const ALL_TABLES_SHEET = ROW_WORDS.tables.all
