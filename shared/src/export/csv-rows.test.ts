import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { CSV_HEADER, documentationCsvRows, neutraliseCell, resultSheetCsvRows } from './csv-rows.js'
import { type EventExport, EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION } from './event-export.schema.js'
import { buildEventDocumentation, buildResultSheet } from './result-sheet.js'

describe('neutralising spreadsheet formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+49 711 123', `'+49 711 123`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    ['Kita = wichtig', 'Kita = wichtig'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['', ''],
  ])('turns %j into %j', (input, output) => expect(neutraliseCell(input)).toBe(output))
})

describe('CSV rows of a sheet', () => {
  const file: EventExport = {
    format: EVENT_EXPORT_FORMAT,
    version: EVENT_EXPORT_VERSION,
    event: anEvent({ tableCount: 1 }),
    boards: [
      {
        tableId: 'tisch-1',
        stations: [
          { stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: [{ text: 'Ehrenamt', subPoints: ['=1+1', 'Paten'] }, { text: '+ Nutzen', subPoints: [] }] }] },
          { stationId: 'station-2', columns: [{ columnId: 'ziele', cards: [{ text: '3. Frauen stärken', subPoints: [] }, { text: '1. Kita', subPoints: [] }] }] },
        ],
      },
    ],
  }
  const sheet = buildResultSheet(file, 'tisch-1')!

  it('has one row per card and per sub-point: running id, station with its question, number as shown, parent id, outline key', () => {
    const s1 = 'Station 1: Was läuft gut? Wo hakt es?'
    const s2 = sheet.stations[1]!.heading
    expect(resultSheetCsvRows(sheet)).toEqual([
      ['1', 'Tisch 1', s1, 'Was läuft gut?', '', '', '1', 'Ehrenamt'],
      ['2', 'Tisch 1', s1, 'Was läuft gut?', '', '1', '1, Unterpunkt 1', `'=1+1`],
      ['3', 'Tisch 1', s1, 'Was läuft gut?', '', '1', '1, Unterpunkt 2', 'Paten'],
      ['4', 'Tisch 1', s1, 'Was läuft gut?', '', '', '2', `'+ Nutzen`],
      ['5', 'Tisch 1', s2, 'Was sind unsere Ziele?', '3', '', '1', 'Frauen stärken'],
      ['6', 'Tisch 1', s2, 'Was sind unsere Ziele?', '1', '', '2', 'Kita'],
    ])
  })

  it('runs its ids on over all tables of an event', () => {
    const two = { ...file, event: anEvent({ tableCount: 2 }), boards: [...file.boards, { ...file.boards[0]!, tableId: 'tisch-2' }] }
    const rows = documentationCsvRows(buildEventDocumentation(two))
    expect(rows[0]).toEqual([...CSV_HEADER])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    expect(rows[8]![5]).toBe('7') // tisch-2's first sub-point belongs to its first card, id 7
  })

  it('has eight named columns', () => expect(CSV_HEADER).toHaveLength(8))
})
