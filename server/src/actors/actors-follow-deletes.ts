import { type EventId, boardDoc, parseBoardDocName } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventStore } from '../storage/storage.js'
import { buildActorMap } from './build-actor-map.js'

/** How long deletes at an event's tables are gathered before the actor map follows them, in ms. */
export const ACTORS_FOLLOW_MS = 250

/**
 * A card that leaves its board (hidden by the moderation, merged, deleted, removed by "Meine
 * Beiträge löschen") takes what the actor map took from it along: the actors its tables named
 * are brought up to date, so its text never stays in the map phones and projectors see, and a
 * contact person taken from it goes with it. Deletes of one event are gathered for a moment and
 * followed one pass at a time.
 */
export function followDeletedCards(deps: { rooms: DocRooms; events: Pick<EventStore, 'get'>; log: Logger; waitMs?: number }): void {
  const waiting = new Map<EventId, Set<string>>()
  const running = new Map<EventId, Promise<void>>()
  const follow = (eventId: EventId) => {
    const tables = waiting.get(eventId)
    if (!tables) return
    waiting.delete(eventId)
    const next = (running.get(eventId) ?? Promise.resolve())
      .then(async () => {
        const stored = await deps.events.get(eventId)
        if (stored) await buildActorMap(deps.rooms, stored, 'server', tables)
      })
      .catch((error: unknown) => deps.log.error({ err: error, eventId }, 'the actor map could not follow deleted cards'))
    running.set(eventId, next)
    void next.finally(() => running.get(eventId) === next && running.delete(eventId))
  }
  deps.rooms.onLoaded.push((room) => {
    const board = parseBoardDocName(room.name)
    if (!board) return
    const cards = boardDoc(room.doc).cards
    cards.observe((event) => {
      // A key changed and no longer there: deleted (cheaper than Yjs' change list on every card).
      let deleted = false
      for (const key of event.keysChanged) if (!cards.has(key)) deleted = true
      if (!deleted) return
      const tables = waiting.get(board.eventId)
      if (tables) return void tables.add(board.tableId)
      waiting.set(board.eventId, new Set([board.tableId]))
      setTimeout(() => follow(board.eventId), deps.waitMs ?? ACTORS_FOLLOW_MS).unref()
    })
  })
}
