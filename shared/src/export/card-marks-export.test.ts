import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../fixtures/src/builders.js'
import { cardsFromExportBoard, exportBoardFromCards } from './board-transfer.js'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, eventExportSchema } from './event-export.schema.js'
import { buildResultSheet } from './result-sheet.js'
import { resultSheetToMarkdown } from './to-markdown.js'
import { sheetExportRows } from './csv-rows.js'

const event = anEvent()
const cards = [
  aCard({ id: 'karte-1', text: 'Sprachkurse am Abend', position: 1, merged: [{ id: 'karte-2', text: 'Mehr Abendkurse', authorId: 'participant-2' }] }),
  aCard({ id: 'karte-3', text: 'Alles ist gut', position: 2, struck: true }),
]

describe('moderation marks in the exports', () => {
  const board = exportBoardFromCards('tisch-1', cards, event.template)
  const file = eventExportSchema.parse({ format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, exportedAt: '2026-12-04T20:00:00.000Z', event, boards: [board] })

  it('keep a merged card’s text and a strike in the JSON file, and an import restores both', () => {
    const exported = board.stations.flatMap((s) => s.columns.flatMap((c) => c.cards))
    expect(exported).toEqual([
      { text: 'Sprachkurse am Abend', subPoints: [], merged: ['Mehr Abendkurse'] },
      { text: 'Alles ist gut', subPoints: [], struck: true },
    ])
    let n = 0
    const back = cardsFromExportBoard(board, () => `imported${(n++).toString().padStart(4, '0')}`, { authorId: 'import-000', createdAt: 1 })
    expect(back.map((c) => [c.text, c.struck ?? false, (c.merged ?? []).map((m) => m.text)])).toEqual([
      ['Sprachkurse am Abend', false, ['Mehr Abendkurse']],
      ['Alles ist gut', true, []],
    ])
  })

  it('keep a pin in the JSON file (a backup lost it), and an import restores it, first in its column', () => {
    const pinned = [aCard({ id: 'karte-4', text: 'Kita-Plätze', position: 3, pinned: true }), ...cards]
    const withPin = exportBoardFromCards('tisch-1', pinned, event.template)
    expect(withPin.stations[0]!.columns[0]!.cards[0]).toEqual({ text: 'Kita-Plätze', subPoints: [], pinned: true })
    expect(eventExportSchema.parse({ format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, exportedAt: '2026-12-04T20:00:00.000Z', event, boards: [withPin] }).boards[0]).toEqual(withPin)
    let n = 0
    const back = cardsFromExportBoard(withPin, () => `imported${(n++).toString().padStart(4, '0')}`, { authorId: 'import-000', createdAt: 1 })
    expect(back.map((c) => [c.text, c.pinned ?? false])).toEqual([
      ['Kita-Plätze', true],
      ['Sprachkurse am Abend', false],
      ['Alles ist gut', false],
    ])
  })

  it('show them in the result sheet, the Markdown and the spreadsheet rows', () => {
    const sheet = buildResultSheet(file, 'tisch-1')!
    const column = sheet.stations[0]!.columns[0]!
    expect(column.cards.map((c) => [c.body, c.subItems.map((s) => s.body)])).toEqual([
      ['Sprachkurse am Abend', ['Zusammengeführt: Mehr Abendkurse']],
      ['Alles ist gut (durchgestrichen)', []],
    ])
    const markdown = resultSheetToMarkdown(sheet)
    expect(markdown).toContain('Zusammengeführt: Mehr Abendkurse')
    expect(markdown).toContain('Alles ist gut (durchgestrichen)')
    expect(sheetExportRows(sheet).map((r) => r.text)).toEqual(['Sprachkurse am Abend', 'Zusammengeführt: Mehr Abendkurse', 'Alles ist gut (durchgestrichen)'])
  })
})
