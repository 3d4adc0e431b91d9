import type { Role } from '../access/role.schema.js'
import { type Card, cardSchema } from '../cards/card.schema.js'
import { parsedRecord, sameRecord, strictRecord } from '../kinds/records.js'

/** Who writes to a board, as the server knows it from the credential. */
export interface WriteActor {
  role: Role
  participantId: string | undefined
}

/** One changed key of a board's `cards` map: its record before and after (undefined: absent). */
export interface CardChange {
  key: string
  before: unknown
  after: unknown
}

/** Why the server refuses a board write. */
export const WriteRefusal = {
  /** A record that is not a valid card (wrong types, unknown keys, text over the limit). */
  INVALID_CARD: 'INVALID_CARD',
  /** A record of another kind of doc that fails its schema, or whose key is not its id. */
  INVALID_RECORD: 'INVALID_RECORD',
  /** Projectors only read. */
  READ_ONLY: 'READ_ONLY',
  /** The station is locked, not reached yet, or the day is over. */
  STATION_CLOSED: 'STATION_CLOSED',
  /** Participants change only their own cards, and write only as themselves. */
  NOT_YOUR_CARD: 'NOT_YOUR_CARD',
  /** The update touches something outside the board layout. */
  OUTSIDE_SCHEMA: 'OUTSIDE_SCHEMA',
  /** One participant has written too many cards to this board. */
  TOO_MANY_CARDS: 'TOO_MANY_CARDS',
  /** One participant wrote new cards faster than a person types (see the server's card limit). */
  TOO_FAST: 'TOO_FAST',
  /** Content under a Yjs client id that belongs to someone else, or deletions of what does not exist. */
  FOREIGN_WRITER: 'FOREIGN_WRITER',
  /** More Yjs client ids for one person on one doc than page loads of a long day make. */
  TOO_MANY_WRITERS: 'TOO_MANY_WRITERS',
  /** A record deleted by the facilitator, a host or its author came back (e.g. edited offline). */
  RECORD_DELETED: 'RECORD_DELETED',
  /**
   * A tree write that breaks the tree only together with someone else's at the same moment (two
   * phones send the core problem at once, a node added under one just deleted, two moves into a loop).
   */
  TREE_CONFLICT: 'TREE_CONFLICT',
  /**
   * More new records in one update than one person may hold in any doc (see
   * PERSON_NEW_RECORDS_PER_UPDATE_MAX): no phone sends that, so it is not judged record by record.
   */
  TOO_MANY_AT_ONCE: 'TOO_MANY_AT_ONCE',
} as const
export type WriteRefusal = (typeof WriteRefusal)[keyof typeof WriteRefusal]

/**
 * Refusals that are no attack (a station that closed meanwhile, a participant's pace or cap): the
 * server takes the update and undoes it, and the sender keeps the text and is told why. Every
 * other refusal closes the sender's socket.
 */
export const SOFT_REFUSALS: ReadonlySet<WriteRefusal> = new Set([
  WriteRefusal.STATION_CLOSED,
  WriteRefusal.TOO_MANY_CARDS,
  WriteRefusal.TOO_FAST,
  WriteRefusal.RECORD_DELETED,
  WriteRefusal.TREE_CONFLICT,
])

/** A card as stored: no keys beyond the card's own. Built once; zod compiles it on first use. */
export const storedCardSchema = strictRecord(cardSchema)

/**
 * Most new records one update of a participant or host may add, in any kind of doc: the most one
 * person may hold anywhere (a tree's 300 nodes; 200 cards on a board). An update over it is closed
 * unjudged (`TOO_MANY_AT_ONCE`) instead of being parsed, tried and taken back record by record.
 */
export const PERSON_NEW_RECORDS_PER_UPDATE_MAX = 300

/**
 * Most structs (record writes and their deleted runs) in one update of a participant or host, read
 * off the bytes before Yjs decodes anything: 300 new records and 700 edits of them made offline fit.
 */
export const PERSON_UPDATE_STRUCTS_MAX = 1000

/** Most cards one participant may have on one table's board (all stations). */
export const CARDS_PER_PARTICIPANT_MAX = 200

/**
 * Most cards on one table's board that participants and hosts may fill (facilitators may add more).
 * @default 2000 (Winnenden's busiest table had about 60); stops fresh identities from flooding a table
 */
export const CARDS_PER_BOARD_MAX = 2000

/** Where a card may go, as the event stands (its template and the day's round). */
export interface CardPlaces {
  /** Whether participants and hosts may write cards of the station now. */
  writable(stationId: string): boolean
  /** Whether the station has the column. */
  hasColumn(stationId: string, columnId: string): boolean
}

/**
 * Decides whether one card change may be stored. Facilitators may change any valid card at any
 * time; table hosts write for their table and may change any card of an open station;
 * participants add and change their own cards in open stations. A card that a participant or host
 * adds or moves lands in a column of its station: one anywhere else would be stored, counted
 * against the table's cards and shown by no board, sheet or export.
 */
export function checkCardChange(change: CardChange, actor: WriteActor, places: CardPlaces): WriteRefusal | null {
  if (actor.role === 'projector') return WriteRefusal.READ_ONLY
  let after: Card | undefined
  if (change.after !== undefined) {
    after = parsedRecord(storedCardSchema, change.after)
    if (after?.id !== change.key) return WriteRefusal.INVALID_CARD
  }
  const before = parsedRecord(cardSchema, change.before)
  // Versions kept after a concurrent edit are added by the server only; a writer may resolve them.
  if (after?.alternatives && !after.alternatives.every((a) => before?.alternatives?.some((b) => sameRecord(a, b)))) return WriteRefusal.INVALID_CARD
  if (actor.role === 'facilitator') return null
  const mayTouch = (card: Card) => actor.role === 'host' || card.authorId === actor.participantId
  if (before) {
    if (!mayTouch(before)) return WriteRefusal.NOT_YOUR_CARD
    if (!places.writable(before.stationId)) return WriteRefusal.STATION_CLOSED
  }
  if (after) {
    if (!before && after.authorId !== actor.participantId) return WriteRefusal.NOT_YOUR_CARD
    if (before && after.authorId !== before.authorId) return WriteRefusal.NOT_YOUR_CARD
    // A host corrects others' cards but never the name on them.
    if (before && after.authorName !== before.authorName && before.authorId !== actor.participantId) return WriteRefusal.NOT_YOUR_CARD
    if (!places.writable(after.stationId)) return WriteRefusal.STATION_CLOSED
    const placed = !before || before.stationId !== after.stationId || before.columnId !== after.columnId
    if (placed && !places.hasColumn(after.stationId, after.columnId)) return WriteRefusal.INVALID_CARD
  }
  return null
}
