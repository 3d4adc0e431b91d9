import { type EventId, boardDoc, cardRefKey, parseBoardDocName } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { CardPlace, ChangedBallot, VoteService } from './vote-service.js'

/** Whether a transaction is one of the server's own writes (a hide, a merge, "Meine Beiträge löschen"): they settle votes themselves. */
const byServer = (origin: unknown): boolean => typeof origin === 'object' && origin !== null && 'source' in origin

/**
 * A card deleted from a board by a person (its author, a host, the facilitator) gives its dots back
 * at once: every ballot loses them, and voters and tallies are told, so a phone never says "alle
 * Punkte vergeben" while the server would take one more. A card a person rewords (text or
 * sub-points) gives back the dots of the steps still open: nobody's dot stands under words they
 * did not vote for (a closed step's result stands); so does a card moved out of an open step's
 * scope (another column or station), where voters could no longer see or take back their dots. The server's own moves of a card (hide, merge,
 * forget) park or carry its dots themselves and are left alone here.
 */
export function giveBackDotsOfDeletedCards(deps: { rooms: DocRooms; votes: VoteService; publishVotes: (eventId: EventId, what: ChangedBallot) => void }): void {
  // One rewrite at a time per event, in the order the deletes arrived.
  const queues = new Map<EventId, Promise<void>>()
  deps.rooms.onLoaded.push((room) => {
    const board = parseBoardDocName(room.name)
    if (!board) return
    boardDoc(room.doc).cards.observe((event, transaction) => {
      if (byServer(transaction.origin)) return
      const gone = new Set<string>()
      const reworded = new Set<string>()
      const moved = new Map<string, CardPlace>()
      const cards = boardDoc(room.doc).cards
      for (const [cardId, change] of event.changes.keys) {
        const ref = cardRefKey({ tableId: board.tableId, cardId })
        const now = cards.get(cardId)
        if (change.action === 'delete') gone.add(ref)
        else if (change.action === 'update') {
          if (wordsChanged(change.oldValue, now)) reworded.add(ref)
          const place = placeChanged(change.oldValue, now)
          if (place) moved.set(ref, { tableId: board.tableId, ...place })
        }
      }
      if (gone.size === 0 && reworded.size === 0 && moved.size === 0) return
      const next = (queues.get(board.eventId) ?? Promise.resolve())
        .then(() => deps.votes.cardsChanged(board.eventId, gone, reworded, moved))
        .then((changed) => changed.forEach((c) => deps.publishVotes(board.eventId, c)))
        .catch(() => {})
      queues.set(board.eventId, next)
      void next.finally(() => queues.get(board.eventId) === next && queues.delete(board.eventId))
    })
  })
}

/** Whether a card's new version says something else than its old one (what its voters voted for). */
function wordsChanged(before: unknown, after: unknown): boolean {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return false
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return a.text !== b.text || JSON.stringify(a.subPoints) !== JSON.stringify(b.subPoints)
}

/** A card's new column and station when it moved to another one, else null. */
function placeChanged(before: unknown, after: unknown): { stationId: string; columnId: string } | null {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return null
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  if (typeof b.stationId !== 'string' || typeof b.columnId !== 'string') return null
  return a.stationId !== b.stationId || a.columnId !== b.columnId ? { stationId: b.stationId, columnId: b.columnId } : null
}
