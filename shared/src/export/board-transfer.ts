import { type Card, SUB_POINTS_MAX } from '../cards/card.schema.js'
import { layoutBoard } from '../doc/board-doc.js'
import type { Template } from '../template/template.schema.js'
import type { ExportBoard } from './event-export.schema.js'

/**
 * Turns an exported board into cards, in order. Ids come from `makeId(stationId, columnId, index)`
 * (passed in: shared/ draws no randomness), so re-importing the same file gives the same ids.
 */
export function cardsFromExportBoard(
  board: ExportBoard,
  makeId: (stationId: string, columnId: string, index: number, sub?: number) => string,
  meta: { authorId: string; createdAt: number },
): Card[] {
  const cards: Card[] = []
  for (const station of board.stations) {
    for (const column of station.columns) {
      column.cards.forEach((c, i) => {
        cards.push({
          id: makeId(station.stationId, column.columnId, i),
          stationId: station.stationId,
          columnId: column.columnId,
          text: c.text,
          subPoints: c.subPoints.map((text, j) => ({ id: makeId(station.stationId, column.columnId, i, j), text })),
          authorId: meta.authorId,
          createdAt: meta.createdAt,
          position: i + 1,
          ...(c.pinned ? { pinned: true as const } : {}),
          ...(c.struck ? { struck: true as const } : {}),
          ...(c.merged && c.merged.length > 0 ? { merged: c.merged.map((text, m) => ({ id: makeId(station.stationId, column.columnId, i, SUB_POINTS_MAX + m), text, authorId: meta.authorId })) } : {}),
        })
      })
    }
  }
  return cards
}

/** The export form of one table's cards, laid out along the template (empty columns included). */
export function exportBoardFromCards(tableId: string, cards: readonly Card[], template: Template): ExportBoard {
  const { stations } = layoutBoard(cards, template)
  return {
    tableId,
    stations: stations.map((s) => ({
      stationId: s.id,
      columns: s.columns.map((c) => ({
        columnId: c.id,
        cards: c.cards.map((card) => ({
          text: card.text,
          subPoints: card.subPoints.map((p) => p.text),
          ...(card.pinned ? { pinned: true as const } : {}),
          ...(card.struck ? { struck: true as const } : {}),
          ...(card.merged && card.merged.length > 0 ? { merged: card.merged.map((m) => m.text) } : {}),
        })),
      })),
    })),
  }
}
