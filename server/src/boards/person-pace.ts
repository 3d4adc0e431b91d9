import { type EventActor, PERSON_UPDATE_STRUCTS_MAX } from '@tischrunde/shared'
import { RateLimiter } from '../access/rate-limit.js'
import type { Limits } from '../config/limits.js'

/** Structs a person's card costs at most as it is written and edited (its record, its versions, their deleted runs). */
const STRUCTS_PER_CARD = 10
/** The least pace of structs per second, whatever the card pace. */
const STRUCTS_PER_SECOND_MIN = 10

/** A person's allowances for one update; undefined where unpaced. */
export interface PersonPace {
  /** New records (cards, nodes): counted by the write gate. */
  admitNewRecords: ((added: number) => boolean) | undefined
  /**
   * Structs (each version of a record, each deleted run): counted off the bytes. Edits never add a
   * record but each adds items to the doc for good; unpaced, a person alternating two of their own
   * cards could grow the board (memory, log, every phone's sync) by hundreds of thousands a second.
   */
  admitStructs: ((structs: number) => boolean) | undefined
}

/**
 * How fast one person (participant or table host) writes into an event's docs, over all their
 * sockets. A whole offline day of one phone (PERSON_UPDATE_STRUCTS_MAX) passes at once; after that
 * ten structs a card of the card pace, at least ten a second. Facilitators are not paced.
 */
export function personPace(limits: Pick<Limits, 'cardsBurst' | 'cardsPerMinute'>) {
  const records = new RateLimiter(limits.cardsBurst, limits.cardsPerMinute / 60)
  const structs = new RateLimiter(Math.max(PERSON_UPDATE_STRUCTS_MAX, limits.cardsBurst * STRUCTS_PER_CARD), Math.max(STRUCTS_PER_SECOND_MIN, (limits.cardsPerMinute / 60) * STRUCTS_PER_CARD))
  return (actor: EventActor, eventId: string, unpaced: boolean): PersonPace => {
    if (unpaced || !actor.participantId) return { admitNewRecords: undefined, admitStructs: undefined }
    const key = `${eventId}:${actor.participantId}`
    return { admitNewRecords: (added) => records.take(key, Date.now(), added), admitStructs: (n) => structs.take(key, Date.now(), n) }
  }
}
