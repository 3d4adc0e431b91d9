import type * as Y from 'yjs'
import { type Card, type CardAlternative, cardSchema, compareCards, type SubPoint } from '../cards/card.schema.js'
import type { EventId, TableId } from '../ids.js'
import type { Template } from '../template/template.schema.js'

/**
 * The Yjs layout of one theme table's board: every station's cards in one doc.
 *
 * Write paths: cards come from phones, the facilitator and hosts, over Yjs (works offline).
 * Cards are whole records keyed by id: a change replaces the record, so two phones adding at once
 * never collide, and the server can validate each record as a unit.
 */
const ROOT = { cards: 'cards', meta: 'meta' } as const

/** Version of this layout, written by the server into `meta`. Bump with a migration. */
export const BOARD_DOC_VERSION = 1

/** Who wrote a transaction, so observers can tell the server's writes from a client's. */
export type Origin = { source: 'server'; by: string } | { source: 'client' } | { source: 'import' }

/** The name of a table's board doc on the wire and on disk: `board.<eventId>.<tableId>`. */
export function boardDocName(eventId: EventId, tableId: TableId): string {
  return `board.${eventId}.${tableId}`
}

/** Reads `board.<eventId>.<tableId>` back into its parts, or null for any other name. */
export function parseBoardDocName(name: string): { eventId: EventId; tableId: TableId } | null {
  const m = /^board\.([a-z0-9][a-z0-9-]{0,62})\.([a-z0-9][a-z0-9-]{0,62})$/.exec(name)
  return m ? { eventId: m[1]!, tableId: m[2]! } : null
}

/** The shared types of a board doc. Nothing outside this module names them by string. */
export function boardDoc(doc: Y.Doc) {
  return {
    cards: doc.getMap<unknown>(ROOT.cards),
    meta: doc.getMap<unknown>(ROOT.meta),
  }
}

/** Adds or replaces a card. Throws on an invalid card: callers validate user input first. */
export function putCard(doc: Y.Doc, card: Card, origin: Origin = { source: 'client' }): void {
  const valid = cardSchema.parse(card)
  doc.transact(() => boardDoc(doc).cards.set(valid.id, valid), origin)
}

/** Removes a card; a no-op when it is already gone. */
export function deleteCard(doc: Y.Doc, cardId: string, origin: Origin = { source: 'client' }): void {
  const { cards } = boardDoc(doc)
  if (!cards.has(cardId)) return
  doc.transact(() => cards.delete(cardId), origin)
}

/**
 * Changes a card's text and sub-points, keeping its place; `alternatives` resolves versions kept
 * beside it after a concurrent edit (only fewer of them). Returns false when the card is gone.
 */
export function editCard(
  doc: Y.Doc,
  cardId: string,
  change: { text?: string; subPoints?: SubPoint[]; alternatives?: CardAlternative[] },
  origin: Origin = { source: 'client' },
): boolean {
  const current = readCard(doc, cardId)
  if (!current) return false
  putCard(doc, { ...current, ...change }, origin)
  return true
}

/** One card, or undefined if absent or invalid. */
export function readCard(doc: Y.Doc, cardId: string): Card | undefined {
  const parsed = cardSchema.safeParse(boardDoc(doc).cards.get(cardId))
  return parsed.success ? parsed.data : undefined
}

/** The position for a card appended at the end of a column. */
export function nextPosition(doc: Y.Doc, stationId: string, columnId: string): number {
  let max = 0
  for (const card of readSnapshot(doc).cards) {
    if (card.stationId === stationId && card.columnId === columnId && card.position > max) max = card.position
  }
  return max + 1
}

/** Plain read model of a board doc. */
export interface BoardSnapshot {
  /** Every valid card, in board order. */
  cards: Card[]
  /** Keys of records that failed the card schema: skipped, never rendered. */
  invalid: string[]
}

/** Reads every card of a board doc as plain, schema-valid data, in board order. */
export function readSnapshot(doc: Y.Doc): BoardSnapshot {
  const cards: Card[] = []
  const invalid: string[] = []
  boardDoc(doc).cards.forEach((value, key) => {
    const parsed = cardSchema.safeParse(value)
    if (parsed.success && parsed.data.id === key) cards.push(parsed.data)
    else invalid.push(key)
  })
  cards.sort(compareCards)
  return { cards, invalid }
}

/** One column of a station with its cards in order. */
export interface ColumnView {
  id: string
  title: string
  cards: Card[]
}
/** One station's board: its columns, each with its cards. */
export interface StationView {
  id: string
  title: string
  prompt: string
  columns: ColumnView[]
}

/**
 * Lays a board's cards out along the template: station → columns → ordered cards.
 * Cards of columns or stations the template no longer has land in `orphans`, never silently dropped.
 */
export function layoutBoard(cards: readonly Card[], template: Template): { stations: StationView[]; orphans: Card[] } {
  const placed = new Set<string>()
  const stations = template.stations.map((s) => ({
    id: s.id,
    title: s.title,
    prompt: s.prompt,
    columns: s.columns.map((c) => {
      const inColumn = cards.filter((card) => card.stationId === s.id && card.columnId === c.id)
      for (const card of inColumn) placed.add(card.id)
      return { id: c.id, title: c.title, cards: [...inColumn].sort(compareCards) }
    }),
  }))
  return { stations, orphans: cards.filter((c) => !placed.has(c.id)) }
}

/** Writes the layout version (server side, when it creates a doc). */
export function stampBoardDoc(doc: Y.Doc, origin: Origin): void {
  const { meta } = boardDoc(doc)
  if (meta.get('version') === BOARD_DOC_VERSION) return
  doc.transact(() => meta.set('version', BOARD_DOC_VERSION), origin)
}

/**
 * Ids of cards whose current record the server has not yet confirmed as stored: the record's Yjs
 * item is not covered by `saved` (a decoded state vector from the server's "saved" message).
 */
export function unsavedCardIds(doc: Y.Doc, saved: ReadonlyMap<number, number>): string[] {
  // Y.Map keeps each key's current item in `_map` (yjs 13 internals, unchanged for years).
  const items = (boardDoc(doc).cards as unknown as { _map: Map<string, { id: { client: number; clock: number }; deleted: boolean }> })._map
  const out: string[] = []
  for (const [key, item] of items) if (!item.deleted && item.id.clock >= (saved.get(item.id.client) ?? 0)) out.push(key)
  return out
}
