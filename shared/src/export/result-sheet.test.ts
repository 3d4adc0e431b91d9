import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { type EventExport, EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, eventExportSchema } from './event-export.schema.js'
import { buildEventDocumentation, buildResultSheet, columnRows, formatDateDe, narrowExportToTable, plainText } from './result-sheet.js'
import { sheetExportRows } from './csv-rows.js'
import { escapeMarkdownLine, resultSheetToMarkdown } from './to-markdown.js'
import { eventSchema } from '../event/event.schema.js'

/** Two tables; tisch-1 has cards in station 1 (both columns) and station 3 (one column), none in station 2. */
const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({ tableCount: 2, agenda: [{ time: '10:45', title: 'Station 1', detail: '' }] }),
  boards: [
    {
      tableId: 'tisch-1',
      stations: [
        // Board order differs from the template on purpose: the sheet follows the template.
        { stationId: 'station-3', columns: [{ columnId: 'wer-hilft', cards: [{ text: 'Jobcenter', subPoints: [] }] }] },
        {
          stationId: 'station-1',
          columns: [
            { columnId: 'hakt-es', cards: [{ text: 'Zu wenig Kita-Plätze', subPoints: ['Wartelisten', 'Kosten'] }] },
            { columnId: 'laeuft-gut', cards: [{ text: 'Ehrenamt', subPoints: [] }, { text: 'Sprachkurse', subPoints: [] }] },
          ],
        },
        { stationId: 'station-2', columns: [{ columnId: 'ziele', cards: [] }] },
      ],
    },
  ],
}

describe('a result sheet', () => {
  const sheet = buildResultSheet(file, 'tisch-1')!

  it('is headed "Thementisch: <name>" and carries the event facts for the page header', () => {
    expect(sheet.heading).toBe('Thementisch: Tisch 1')
    expect(sheet.event).toEqual({ id: 'cafe-test', title: 'Café zum Testen', date: '2026-11-23', dateLabel: '23. November 2026', place: 'Rathaus' })
  })

  it('lists stations and columns in template order, empty columns left out, an empty station kept without columns', () => {
    expect(sheet.stations.map((s) => [s.id, s.columns.map((c) => c.id), s.cardCount])).toEqual([
      ['station-1', ['laeuft-gut', 'hakt-es'], 3],
      ['station-2', [], 0],
      ['station-3', ['wer-hilft'], 1],
    ])
    expect(sheet.stations[0]!.heading).toBe('Station 1: Was läuft gut? Wo hakt es?')
  })

  it('keeps cards in board order with their sub-points', () => {
    expect(sheet.stations[0]!.columns[0]!.cards.map((c) => c.text)).toEqual(['Ehrenamt', 'Sprachkurse'])
    expect(sheet.stations[0]!.columns[1]!.cards[0]).toMatchObject({ text: 'Zu wenig Kita-Plätze', subPoints: ['Wartelisten', 'Kosten'] })
    expect(sheet.cardCount).toBe(4)
  })

  it('is empty, not missing, for a table without a board', () => {
    expect(buildResultSheet(file, 'tisch-2')).toMatchObject({ heading: 'Thementisch: Tisch 2', stations: [], cardCount: 0 })
  })

  it('does not exist for an unknown table', () => {
    expect(buildResultSheet(file, 'tisch-9')).toBeUndefined()
  })
})

describe('a table\'s own column heading', () => {
  const COMBINED = 'Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?'
  const headed: EventExport = {
    ...file,
    event: {
      ...file.event,
      tables: file.event.tables.map((t) =>
        t.id === 'tisch-1'
          ? {
              ...t,
              columnHeadings: [
                { stationId: 'station-1', columnId: 'laeuft-gut', title: COMBINED },
                // A column the template no longer has: never shown.
                { stationId: 'station-1', columnId: 'gibt-es-nicht', title: 'Weg' },
              ],
            }
          : t,
      ),
    },
    boards: [...file.boards, { tableId: 'tisch-2', stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: [{ text: 'Kita', subPoints: [] }] }] }] }],
  }

  it('heads that column on the table\'s sheet, in the spreadsheet rows and the Markdown; other tables keep the template\'s title', () => {
    const sheet = buildResultSheet(headed, 'tisch-1')!
    expect(sheet.stations[0]!.columns.map((c) => c.title)).toEqual([COMBINED, 'Wo hakt es?'])
    expect(sheetExportRows(sheet).filter((r) => r.column === COMBINED).map((r) => r.text)).toEqual(['Ehrenamt', 'Sprachkurse'])
    expect(resultSheetToMarkdown(sheet).split('\n')).toContain(`### ${escapeMarkdownLine(COMBINED)}`)
    expect(buildResultSheet(headed, 'tisch-2')!.stations[0]!.columns[0]!.title).toBe('Was läuft gut?')
    expect(buildEventDocumentation(headed).sheets.map((s) => s.stations[0]?.columns[0]?.title)).toEqual([COMBINED, 'Was läuft gut?'])
  })

  it('is optional: an event file without it reads as before, and one with it keeps it through the schema', () => {
    expect(eventExportSchema.parse(file).event.tables[0]).toEqual({ id: 'tisch-1', name: 'Tisch 1', host: '' })
    expect(eventExportSchema.parse(headed).event.tables[0]!.columnHeadings).toHaveLength(2)
  })

  it('refuses a second heading for the same column, an empty or overlong one', () => {
    const withHeadings = (columnHeadings: unknown) => eventSchema.safeParse({ ...file.event, tables: [{ id: 'tisch-1', name: 'Tisch 1', host: '', columnHeadings }] }).success
    expect(withHeadings([{ stationId: 'station-2', columnId: 'ziele', title: COMBINED }])).toBe(true)
    expect(withHeadings([{ stationId: 'station-2', columnId: 'ziele', title: 'A' }, { stationId: 'station-2', columnId: 'ziele', title: 'B' }])).toBe(false)
    expect(withHeadings([{ stationId: 'station-2', columnId: 'ziele', title: '  ' }])).toBe(false)
    expect(withHeadings([{ stationId: 'station-2', columnId: 'ziele', title: 'x'.repeat(121) }])).toBe(false)
    expect(withHeadings(Array.from({ length: 49 }, (_, i) => ({ stationId: 'station-2', columnId: `spalte-${i}`, title: 'x' })))).toBe(false)
  })
})

describe('the event documentation', () => {
  it('has one sheet per table in event order, and the agenda', () => {
    const doc = buildEventDocumentation(file)
    expect(doc.sheets.map((s) => s.table.id)).toEqual(['tisch-1', 'tisch-2'])
    expect(doc.agenda).toEqual([{ time: '10:45', title: 'Station 1', detail: '' }])
  })
})

describe('a single-table export file', () => {
  it('names only that table and still passes the importer schema', () => {
    const narrow = narrowExportToTable(file, 'tisch-1')!
    expect(narrow.event.tables.map((t) => t.id)).toEqual(['tisch-1'])
    expect(narrow.boards.map((b) => b.tableId)).toEqual(['tisch-1'])
    expect(eventExportSchema.safeParse(narrow).success).toBe(true)
  })
})

describe('helpers', () => {
  it.each([
    ['2019-07-02', '2. Juli 2019'],
    ['2026-03-31', '31. März 2026'],
    ['2026-13-01', '2026-13-01'],
    ['morgen', 'morgen'],
  ])('formats %s as %s', (iso, label) => expect(formatDateDe(iso)).toBe(label))

  it.each([
    ['a\r\nb\rc', 'a\nb\nc'],
    ['tab\there', 'tab here'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['Straße → Ziel', 'Straße → Ziel'],
  ])('makes %j plain text', (input, output) => expect(plainText(input)).toBe(output))

  it.each([
    [1, 3, [[1]]],
    [3, 3, [[1, 2, 3]]],
    [4, 3, [[1, 2], [3, 4]]],
    [5, 3, [[1, 2, 3], [4, 5]]],
    [6, 3, [[1, 2, 3], [4, 5, 6]]],
    [0, 3, []],
  ])('splits %i columns at most %i side by side', (n, max, rows) => {
    expect(columnRows(Array.from({ length: n }, (_, i) => i + 1), max)).toEqual(rows)
  })
})
