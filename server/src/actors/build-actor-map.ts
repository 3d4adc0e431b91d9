import {
  ACTORS_ROOT,
  ACTOR_RULES_ROOT,
  ACTOR_COLUMNS_ROOT,
  type ActorColumnChoice,
  actorColumnChoiceSchema,
  type ActorRecord,
  type ActorRule,
  type FoundMention,
  actorRecordSchema,
  actorRuleSchema,
  actorsKind,
  boardDocName,
  docNameOf,
  mentionsOfBoard,
  readSnapshot,
  refreshActorMap,
} from '@tischrunde/shared'
import type * as Y from 'yjs'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { StoredEvent } from '@tischrunde/shared'

/** The name of an event's actor map doc. */
export function actorMapDocName(eventId: string): string {
  return docNameOf({ kind: actorsKind.name, eventId, parts: {} }, actorsKind)
}

/** The valid records of one root, by key (a record that fails its schema is left as it is). */
function readRoot<T>(doc: Y.Doc, root: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): Map<string, T> {
  const out = new Map<string, T>()
  doc.getMap(root).forEach((value, key) => {
    const parsed = schema.safeParse(value)
    if (parsed.success && parsed.data !== undefined) out.set(key, parsed.data)
  })
  return out
}

/**
 * Reads every table's actor columns and refreshes the event's actor map: new actors come in,
 * mentions are brought up to date, hand decisions and alliance columns stay. Written by the
 * server, so every open console, projector and phone sees it at once. Returns how many actors
 * the map holds afterwards.
 */
export async function buildActorMap(rooms: DocRooms, stored: StoredEvent, by = 'server'): Promise<number> {
  const { event } = stored
  const choices = await rooms.read(actorMapDocName(event.id), (room) => new Map([...readRoot<ActorColumnChoice>(room.doc, ACTOR_COLUMNS_ROOT, actorColumnChoiceSchema).values()].map((c) => [c.id, c.on])))
  const found: FoundMention[] = []
  for (const table of event.tables) {
    const cards = await rooms.read(boardDocName(event.id, table.id), (room) => readSnapshot(room.doc).cards)
    found.push(...mentionsOfBoard(table.id, cards, event.template, choices))
  }
  return rooms.read(actorMapDocName(event.id), async (room) => {
    const actors = readRoot<ActorRecord>(room.doc, ACTORS_ROOT, actorRecordSchema)
    const rules = readRoot<ActorRule>(room.doc, ACTOR_RULES_ROOT, actorRuleSchema)
    const change = refreshActorMap(found, actors, rules)
    if (change.put.length + change.remove.length > 0) {
      const map = room.doc.getMap(ACTORS_ROOT)
      room.doc.transact(() => {
        for (const id of change.remove) map.delete(id)
        // The server writes only what the map's schema takes (a record it refuses would vanish on the next read).
        for (const record of change.put) if (actorRecordSchema.safeParse(record).success) map.set(record.id, record)
      }, { source: 'server', by })
      await room.settle()
    }
    return room.doc.getMap(ACTORS_ROOT).size
  })
}
