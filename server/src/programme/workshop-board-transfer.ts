import { createHash } from 'node:crypto'
import {
  type EventExport,
  type Programme,
  WORKSHOP_STATION_ID,
  type WorkshopBoardExport,
  boardDoc,
  cardsFromExportBoard,
  exportWorkshopBoard,
  putCard,
  readSnapshot,
  workshopBoardDocName,
} from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'

/** The workshops' own boards of an event for its file: those with cards, in the order of the programme. */
export async function exportWorkshopBoards(rooms: DocRooms, eventId: string, programme: Programme | null | undefined): Promise<WorkshopBoardExport[]> {
  const boards: WorkshopBoardExport[] = []
  for (const item of programme?.items ?? [])
    for (const workshop of item.workshops) {
      // Read only: a workshop board nobody wrote to gets no file from being exported.
      const board = await rooms.peek(workshopBoardDocName(eventId, workshop.id), (doc) => exportWorkshopBoard(workshop.id, readSnapshot(doc).cards))
      if (board) boards.push(board)
    }
  return boards
}

/** Puts the workshop boards of an event file in place (import, seed): each board holds the file's cards, nothing else. */
export async function importWorkshopBoards(rooms: DocRooms, eventId: string, file: Pick<EventExport, 'workshopBoards' | 'event'>, authorId: string): Promise<void> {
  const createdAt = Date.parse(`${file.event.date}T12:00:00Z`) || 0
  for (const board of file.workshopBoards ?? []) {
    const makeId = (s: string, c: string, i: number, sub?: number) =>
      'w' + createHash('sha256').update(`${eventId}/${board.workshopId}/${s}/${c}/${i}/${sub ?? ''}`).digest('base64url').slice(0, 20)
    const cards = cardsFromExportBoard({ tableId: 'workshop', stations: [{ stationId: WORKSHOP_STATION_ID, columns: board.columns }] }, makeId, { authorId, createdAt })
    await rooms.read(workshopBoardDocName(eventId, board.workshopId), async (room) => {
      room.doc.transact(
        () => {
          const map = boardDoc(room.doc).cards
          for (const key of [...map.keys()]) map.delete(key)
          for (const card of cards) putCard(room.doc, card, { source: 'import' })
        },
        { source: 'import' },
      )
      await room.settle()
    })
  }
}
