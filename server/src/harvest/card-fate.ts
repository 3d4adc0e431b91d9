import { type Ballot, type CardRef, HELD_ROOT, type VoteStep, boardDoc, boardDocName, carryDotsOver, cardSchema, dropDots, heldCardSchema, moderationDocName, parkDots } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'

/**
 * What a ballot's dot on `card` must become when the card left its board: parked while a moderator
 * hid it, carried over to the card it was merged into, dropped when its author (or a host)
 * deleted it; as the moderator's or author's move made every other dot on it. Null while the card
 * is on its board. For a dot written after the move's own rewrite of the ballots (the cast checked
 * the card just before the move, and wrote just after it).
 */
export async function dotFollowingCard(rooms: DocRooms, eventId: string, card: CardRef): Promise<((step: VoteStep, ballot: Ballot) => Ballot) | null> {
  const into = await rooms.read(boardDocName(eventId, card.tableId), (room): CardRef | 'there' | null => {
    const cards = boardDoc(room.doc).cards
    if (cards.has(card.cardId)) return 'there'
    for (const value of cards.values()) {
      const other = cardSchema.safeParse(value).data
      if (other?.merged?.some((m) => m.id === card.cardId)) return { tableId: card.tableId, cardId: other.id }
    }
    return null
  })
  if (into === 'there') return null
  if (into) return (step, ballot) => carryDotsOver(step, ballot, card, into)
  const held = await rooms.read(moderationDocName(eventId, card.tableId), (room) => heldCardSchema.safeParse(room.doc.getMap(HELD_ROOT).get(card.cardId)).data)
  if (held?.status === 'hidden') return (_step, ballot) => parkDots(ballot, card)
  return (_step, ballot) => dropDots(ballot, (ref) => ref.tableId === card.tableId && ref.cardId === card.cardId)
}
