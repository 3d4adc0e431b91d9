import type * as Y from 'yjs'
import type { DocRoom } from '../boards/doc-room.js'
import { HELD_ROOT, type HeldCard, type ModerationModesPush, modesInUse, readHeld, readModes } from '@tischrunde/shared'

const held = new WeakMap<Y.Doc, readonly HeldCard[]>()

/**
 * The held cards of a doc (a table's queue or collection, a participant's own), read and checked
 * once per state of the doc: every phone of a table that opens asks for its own count, and a
 * collecting table may hold hundreds of cards. The next change of the doc reads them anew.
 */
export function heldCardsOf(doc: Y.Doc): readonly HeldCard[] {
  let cards = held.get(doc)
  if (!cards) {
    cards = readHeld(doc)
    held.set(doc, cards)
    doc.once('update', () => held.delete(doc))
  }
  return cards
}

const modes = new WeakMap<Y.Doc, ModerationModesPush>()

/** Where an event's moderation is in use, read from its moderation state once per state of that doc. */
export function modesOf(doc: Y.Doc): ModerationModesPush {
  let found = modes.get(doc)
  if (!found) {
    found = modesInUse(readModes(doc))
    modes.set(doc, found)
    doc.once('update', () => modes.delete(doc))
  }
  return found
}

/** A board's moderation companions: its queue, its collection and the event's moderation state. */
export interface Companions {
  moderation: DocRoom
  collect: DocRoom
  state: DocRoom
}

export function companionsOf(room: DocRoom): Companions | null {
  const byKind = new Map(room.companions.map((c) => [c.kind.name, c]))
  const moderation = byKind.get('moderation')
  const collect = byKind.get('collect')
  const state = byKind.get('modstate')
  return moderation && collect && state ? { moderation, collect, state } : null
}

export function heldIds(room: DocRoom): string[] {
  return [...room.doc.getMap(HELD_ROOT).keys()]
}
