import { type EventId, boardDoc, parseBoardDocName } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventStore } from '../storage/storage.js'
import { buildActorMap } from './build-actor-map.js'

/** How long a person's deletes at an event's tables are gathered before the actor map follows them, in ms. */
export const ACTORS_FOLLOW_MS = 1000

/** Whether a transaction is one of the server's own moves of a card (a hide, a merge, "Meine Beiträge löschen"). */
const byServer = (origin: unknown): boolean => typeof origin === 'object' && origin !== null && 'source' in origin

/**
 * A card that leaves its board (hidden by the moderation, merged, deleted, removed by "Meine
 * Beiträge löschen") takes what the actor map took from it along: the actors its tables named
 * are brought up to date, so its text does not stay in the map phones and projectors see, and a
 * contact person taken from it goes with it. The server's own moves are followed at once; a
 * person's deletes are gathered for a second (fresh identities deleting their cards cost one pass
 * a second at most). One pass at a time per event; deletes meanwhile go into the next.
 */
export function followDeletedCards(deps: { rooms: DocRooms; events: Pick<EventStore, 'get'>; log: Logger; waitMs?: number }): void {
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
      .catch((error: unknown) => deps.log.error({ err: error, eventId }, 'the actor map could not follow deleted cards'))
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
  deps.rooms.onLoaded.push((room) => {
    const board = parseBoardDocName(room.name)
    if (!board) return
    const cards = boardDoc(room.doc).cards
    cards.observe((event, transaction) => {
      // A key changed and no longer there: deleted (cheaper than Yjs' change list on every card).
      let deleted = false
      for (const key of event.keysChanged) if (!cards.has(key)) deleted = true
      if (!deleted) return
      const entry = waiting.get(board.eventId) ?? { tables: new Set<string>(), urgent: false }
      entry.tables.add(board.tableId)
      entry.urgent ||= byServer(transaction.origin)
      waiting.set(board.eventId, entry)
      schedule(board.eventId, entry.urgent)
    })
  })
}
