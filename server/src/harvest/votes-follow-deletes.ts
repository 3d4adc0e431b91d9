import { type EventId, boardDoc, cardRefKey, parseBoardDocName } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { ChangedBallot, VoteService } from './vote-service.js'

/** Whether a transaction is one of the server's own writes (a hide, a merge, "Meine Beiträge löschen"): they settle votes themselves. */
const byServer = (origin: unknown): boolean => typeof origin === 'object' && origin !== null && 'source' in origin

/**
 * A card deleted from a board by a person (its author, a host, the facilitator) gives its dots back
 * at once: every ballot loses them, and voters and tallies are told, so a phone never says "alle
 * Punkte vergeben" while the server would take one more. The server's own moves of a card (hide,
 * merge, forget) park or carry its dots themselves and are left alone here.
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
      for (const [cardId, change] of event.changes.keys) if (change.action === 'delete') gone.add(cardRefKey({ tableId: board.tableId, cardId }))
      if (gone.size === 0) return
      const next = (queues.get(board.eventId) ?? Promise.resolve())
        .then(() => deps.votes.cardsGone(board.eventId, gone))
        .then((changed) => changed.forEach((c) => deps.publishVotes(board.eventId, c)))
        .catch(() => {})
      queues.set(board.eventId, next)
      void next.finally(() => queues.get(board.eventId) === next && queues.delete(board.eventId))
    })
  })
}
