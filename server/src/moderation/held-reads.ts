import type * as Y from 'yjs'
import type { DocRoom } from '../boards/doc-room.js'
import { HELD_ROOT, type HeldCard, MODSTATE_COUNTS, MODSTATE_EVENT, MODSTATE_STATIONS, type ModerationModesPush, countKey, modesInUse, readHeld, readModes } from '@tischrunde/shared'

/** A read of a doc made once per state of the doc: its next change reads it anew. */
function oncePerState<T>(read: (doc: Y.Doc) => T): (doc: Y.Doc) => T {
  const kept = new WeakMap<Y.Doc, T>()
  return (doc) => {
    if (kept.has(doc)) return kept.get(doc) as T
    const found = read(doc)
    kept.set(doc, found)
    doc.once('update', () => kept.delete(doc))
    return found
  }
}

/**
 * The held cards of a doc (a table's queue or collection, a participant's own), read and checked
 * once per state of the doc: every phone of a table that opens asks for its own count, and a
 * collecting table may hold hundreds of cards.
 */
export const heldCardsOf: (doc: Y.Doc) => readonly HeldCard[] = oncePerState(readHeld)

/** Where an event's moderation is in use, read from its moderation state once per state of that doc. */
export const modesOf: (doc: Y.Doc) => ModerationModesPush = oncePerState((doc) => modesInUse(readModes(doc)))

/** Y.Map's size walks every entry; one entry is enough to know. */
const hasEntries = (map: Y.Map<unknown>) => !map.keys().next().done

/**
 * Whether the event ever switched a mode on (a station's or the event's setting is stored), read
 * from its moderation state once per state of that doc: every phone that opens asks.
 */
export const moderationEverUsed: (doc: Y.Doc) => boolean = oncePerState((doc) => hasEntries(doc.getMap(MODSTATE_STATIONS)) || hasEntries(doc.getMap(MODSTATE_EVENT)))

/** A board's moderation companions: its queue, its collection and the event's moderation state. */
export interface Companions {
  moderation: DocRoom
  collect: DocRoom
  state: DocRoom
}

export function companionsOf(room: DocRoom): Companions | null {
  const of = (kind: string) => room.companions.find((c) => c.kind.name === kind)
  const moderation = of('moderation')
  const collect = of('collect')
  const state = of('modstate')
  return moderation && collect && state ? { moderation, collect, state } : null
}

export function heldIds(room: DocRoom): string[] {
  return [...room.doc.getMap(HELD_ROOT).keys()]
}

/** Counts collected cards per station of a table into the public state (phones show "n more"). */
export function recountCollected(companions: Companions, tableId: string): void {
  const counts = new Map<string, number>()
  for (const h of readHeld(companions.collect.doc)) counts.set(h.card.stationId, (counts.get(h.card.stationId) ?? 0) + 1)
  const map = companions.state.doc.getMap<number>(MODSTATE_COUNTS)
  const prefix = `${tableId}/`
  const stale = [...map.keys()].filter((k) => k.startsWith(prefix) && !counts.has(k.slice(prefix.length)))
  const changed = [...counts].filter(([station, n]) => map.get(countKey(tableId, station)) !== n)
  if (stale.length === 0 && changed.length === 0) return
  companions.state.writeAsServer(() => {
    stale.forEach((k) => map.delete(k))
    changed.forEach(([station, n]) => map.set(countKey(tableId, station), n))
  }, 'moderation')
}

/** Whether a station collects its cards and has not revealed them yet (from the event's moderation state). */
export function stillCollecting(state: Y.Doc, stationId: string): boolean {
  const mode = readModes(state).stations.get(stationId)
  return mode?.collect === true && mode.revealedAt === null
}
