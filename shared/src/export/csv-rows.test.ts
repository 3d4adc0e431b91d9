import { describe, expect, it } from 'vitest'
import { CSV_HEADER, neutraliseCell, resultSheetCsvRows } from './csv-rows.js'
import type { ResultSheet } from './result-sheet.js'

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
  const sheet = {
    table: { id: 't', name: 'Arbeitsmarkt', host: '' },
    stations: [
      {
        id: 'station-1', title: 'Station 1', prompt: '', heading: 'Station 1',
        columns: [{ id: 'gut', title: 'Was läuft gut?', cards: [{ text: 'Ehrenamt', subPoints: ['=1+1', 'Paten'] }, { text: 'Kurse', subPoints: [] }] }],
      },
    ],
  } as unknown as ResultSheet

  it('has one row per card and per sub-point; a sub-point names its card as parent', () => {
    expect(resultSheetCsvRows(sheet)).toEqual([
      ['Arbeitsmarkt', 'Station 1', 'Was läuft gut?', '1', '', 'Ehrenamt'],
      ['Arbeitsmarkt', 'Station 1', 'Was läuft gut?', '1', '1', `'=1+1`],
      ['Arbeitsmarkt', 'Station 1', 'Was läuft gut?', '2', '1', 'Paten'],
      ['Arbeitsmarkt', 'Station 1', 'Was läuft gut?', '2', '', 'Kurse'],
    ])
  })

  it('has six named columns', () => expect(CSV_HEADER).toHaveLength(6))
})
