import { type EventId, TREE_NODES_ROOT, boardDoc, parseBoardDocName, resolveDocName, treeKind, treePlaceId } from '@tischrunde/shared'
import type * as Y from 'yjs'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventStore } from '../storage/storage.js'
import { buildActorMap } from './build-actor-map.js'

/** How long a person's deletes and edits at an event's tables are gathered before the actor map follows them, in ms. */
export const ACTORS_FOLLOW_MS = 1000

/** Whether a transaction is one of the server's own moves of a card (a hide, a merge, "Meine Beiträge löschen"). */
const byServer = (origin: unknown): boolean => typeof origin === 'object' && origin !== null && 'source' in origin

/**
 * A card that leaves its board (hidden by the moderation, merged, deleted, removed by "Meine
 * Beiträge löschen") or is reworded or moved (its text, sub-points, column or station changed)
 * takes what the actor map took from it along: the actors its tables named are brought up to date,
 * so its old text does not stay in the map phones and projectors see, and a contact person taken
 * from it goes with it. The server's own moves are followed at once; a person's deletes and edits
 * are gathered for a second (fresh identities changing their cards cost one pass a second at
 * most). One pass at a time per event; changes meanwhile go into the next. A new card changes
 * nothing the map already shows (it comes in with the next "Akteure neu einlesen"). A group's
 * solution tree is followed the same way: a means whose helpers or text change, or that goes.
 */
export function followCardChanges(deps: { rooms: DocRooms; events: Pick<EventStore, 'get'>; log: Logger; waitMs?: number }): void {
  const waiting = new Map<EventId, { tables: Set<string>; urgent: boolean }>()
  const timers = new Map<EventId, NodeJS.Timeout>()
  const running = new Set<EventId>()
  const pass = (eventId: EventId) => {
    clearTimeout(timers.get(eventId))
    timers.delete(eventId)
    const next = waiting.get(eventId)
    if (!next || running.has(eventId)) return
    waiting.delete(eventId)
    running.add(eventId)
    void (async () => {
      const stored = await deps.events.get(eventId)
      if (stored) await buildActorMap(deps.rooms, stored, 'server', next.tables)
    })()
      .catch((error: unknown) => deps.log.error({ err: error, eventId }, 'the actor map could not follow changed cards'))
      .finally(() => {
        running.delete(eventId)
        const later = waiting.get(eventId)
        if (later) schedule(eventId, later.urgent)
      })
  }
  const schedule = (eventId: EventId, urgent: boolean) => {
    if (running.has(eventId)) return
    if (urgent) return void setImmediate(() => pass(eventId))
    if (!timers.has(eventId)) timers.set(eventId, setTimeout(() => pass(eventId), deps.waitMs ?? ACTORS_FOLLOW_MS).unref())
  }
  const follow = (eventId: EventId, place: string, origin: unknown) => {
    const entry = waiting.get(eventId) ?? { tables: new Set<string>(), urgent: false }
    entry.tables.add(place)
    entry.urgent ||= byServer(origin)
    waiting.set(eventId, entry)
    schedule(eventId, entry.urgent)
  }
  deps.rooms.onLoaded.push((room) => {
    const board = parseBoardDocName(room.name)
    if (board) return void followRecords(boardDoc(room.doc).cards, reworded, (origin) => follow(board.eventId, board.tableId, origin))
    // A group's solution tree: its "Wer kann helfen?" entries are mentions of the group.
    const tree = resolveDocName(room.name, deps.rooms.kinds)
    if (tree?.kind.name !== treeKind.name || tree.scope.parts.phase !== 'objective') return
    const place = treePlaceId(tree.scope.parts.groupId!)
    followRecords(room.doc.getMap(TREE_NODES_ROOT), helpersChanged, (origin) => follow(tree.scope.eventId, place, origin))
  })
}

/**
 * Calls `onChange` when a record of `records` is deleted or changed in what the actor map reads of
 * it. A key changed and no longer there: deleted; one still there was added or changed, and only
 * then Yjs' change list is read (it tells an edit from a new record and keeps the old value).
 */
function followRecords(records: Y.Map<unknown>, changed: (before: unknown, after: unknown) => boolean, onChange: (origin: unknown) => void): void {
  records.observe((event, transaction) => {
    let follow = false
    for (const key of event.keysChanged) if (!records.has(key)) follow = true
    if (!follow) for (const [key, change] of event.changes.keys) if (change.action === 'update' && changed(change.oldValue, records.get(key))) follow = true
    if (follow) onChange(transaction.origin)
  })
}

/** Whether a tree node's new version names other helpers, or helps with something else, than its old one. */
function helpersChanged(before: unknown, after: unknown): boolean {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return true
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return a.text !== b.text || JSON.stringify(a.helpers) !== JSON.stringify(b.helpers)
}

/** Whether a card's new version says something else, or says it elsewhere, than its old one (what the actor map reads of it). */
function reworded(before: unknown, after: unknown): boolean {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return true
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return a.text !== b.text || a.columnId !== b.columnId || a.stationId !== b.stationId || JSON.stringify(a.subPoints) !== JSON.stringify(b.subPoints)
}
