import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { anEvent, winnendenEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderEvent, renderTable } from './export-service.js'
import { readCsv } from './read-back.js'
import { ALL_TABLES_SHEET, sheetName } from './render-xlsx.js'
import { CSV_HEADER } from './shared-export.js'

/** Cards a spreadsheet would read as formulas: in XLSX they are text cells, as typed. */
const TYPED = ['+ Nutzen', '=1+1', '+49 7195 123', '-Kita', '@alle']

const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({ tableCount: 2, tables: [{ id: 'tisch-1', name: 'Sprache: [alt]', host: '' }, { id: 'tisch-2', name: 'Arbeit', host: '' }] }),
  boards: [
    { tableId: 'tisch-1', stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: TYPED.map((text) => ({ text, subPoints: ['=SUMME(A1:A9)'] })) }] }] },
    { tableId: 'tisch-2', stations: [{ stationId: 'station-2', columns: [{ columnId: 'ziele', cards: [{ text: '3. Frauen stärken', subPoints: [] }, { text: '1. Kita', subPoints: [] }] }] }] },
  ],
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return book
}

const values = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = []
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

describe('the XLSX export', () => {
  it('keeps "+ Nutzen" and "=1+1" as text cells, without an apostrophe and without a formula', async () => {
    const book = await read((await renderTable(file, 'tisch-1', 'xlsx')).bytes)
    const sheet = book.worksheets[0]!
    expect(sheet.name).toBe('Sprache alt') // ":" "[" "]" are not allowed in sheet names
    const texts = values(sheet).slice(1).map((r) => r[7])
    expect(texts).toEqual(TYPED.flatMap((t) => [t, '=SUMME(A1:A9)']))
    sheet.eachRow((row, n) => {
      if (n === 1) return
      expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String)
      expect(row.getCell(8).formula).toBeUndefined()
    })
  })

  it('has the CSV columns: running id, station with its question, number as shown, parent id, outline key', async () => {
    const book = await read((await renderEvent(file, 'xlsx')).bytes)
    expect(book.worksheets.map((s) => s.name)).toEqual([ALL_TABLES_SHEET, 'Sprache alt', 'Arbeit'])
    const all = values(book.worksheets[0]!)
    expect(all[0]).toEqual([...CSV_HEADER])
    expect(all.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(all[2]).toEqual([2, 'Sprache: [alt]', 'Station 1: Was läuft gut? Wo hakt es?', 'Was läuft gut?', null, 1, '1, Unterpunkt 1', '=SUMME(A1:A9)'].map((v) => v ?? undefined))
    expect(all[11]!.slice(4, 8)).toEqual([3, undefined, '1', 'Frauen stärken'])
    // The per-table sheets repeat the rows with the same ids.
    expect(values(book.worksheets[2]!).slice(1).map((r) => r[0])).toEqual([11, 12])
  })

  it('holds the same rows as the CSV for all of Winnenden', async () => {
    const winnenden = winnendenEvent()
    const csv = readCsv((await renderEvent(winnenden, 'csv')).bytes)
    const book = await read((await renderEvent(winnenden, 'xlsx')).bytes)
    const rows = values(book.worksheets[0]!)
    expect(rows).toHaveLength(csv.length)
    expect(rows.map((r) => r[7])).toEqual(csv.map((r) => r[7]!.replace(/^'(?=[=+\-@\t\r])/, '')))
    expect(book.worksheets).toHaveLength(1 + winnenden.event.tables.length)
  })

  it('names sheets as Excel allows: at most 31 characters, cut at a word with "…", unique', () => {
    expect(sheetName('Frauen, Kinderbetreuung, Sprache', new Set())).toBe('Frauen, Kinderbetreuung…')
    const taken = new Set<string>()
    expect(sheetName('Statusfragen, Zusammenarbeit mit Ausländerbehörde', taken)).toBe('Statusfragen, Zusammenarbeit…')
    expect(sheetName('Statusfragen, Zusammenarbeit mit Ausländerbehörde', taken)).toBe('Statusfragen, Zusammenarbe… (2)')
    expect(sheetName('a/b?', taken)).toBe('a b')
  })

  it('keeps two tables of the same name apart: each sheet holds its own card, "Alle Tische" and the CSV name them by their number', async () => {
    const twice: EventExport = {
      format: EVENT_EXPORT_FORMAT,
      version: EVENT_EXPORT_VERSION,
      event: anEvent({ tableCount: 2, tables: [{ id: 'tisch-1', name: 'Sprache', host: '' }, { id: 'tisch-2', name: 'Sprache', host: '' }] }),
      boards: ['Kurse am Abend', 'Sprachpaten'].map((text, i) => ({ tableId: `tisch-${i + 1}`, stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: [{ text, subPoints: [] }] }] }] })),
    }
    const book = await read((await renderEvent(twice, 'xlsx')).bytes)
    expect(book.worksheets.map((s) => s.name)).toEqual([ALL_TABLES_SHEET, 'Sprache (Nr. 1)', 'Sprache (Nr. 2)'])
    expect(values(book.worksheets[1]!).slice(1).map((r) => [r[1], r[7]])).toEqual([['Sprache (Nr. 1)', 'Kurse am Abend']])
    expect(values(book.worksheets[2]!).slice(1).map((r) => [r[1], r[7]])).toEqual([['Sprache (Nr. 2)', 'Sprachpaten']])
    expect(values(book.worksheets[0]!).slice(1).map((r) => r[1])).toEqual(['Sprache (Nr. 1)', 'Sprache (Nr. 2)'])
    const csv = readCsv((await renderEvent(twice, 'csv')).bytes)
    expect(csv.slice(1).map((r) => [r[1], r[7]])).toEqual([['Sprache (Nr. 1)', 'Kurse am Abend'], ['Sprache (Nr. 2)', 'Sprachpaten']])
    // One table's own file keeps its plain name: there is nothing to tell it from.
    expect(values((await read((await renderTable(twice, 'tisch-2', 'xlsx')).bytes)).worksheets[0]!)[1]![1]).toBe('Sprache')
  })
})
