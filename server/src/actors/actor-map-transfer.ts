import {
  ACTORS_ROOT,
  ACTOR_AREAS_ROOT,
  ACTOR_BODIES_ROOT,
  ACTOR_RULES_ROOT,
  ACTOR_COLUMNS_ROOT,
  actorColumnChoiceSchema,
  type ActorMapExport,
  actorAreaNameSchema,
  actorBodySchema,
  actorRecordSchema,
  actorRuleSchema,
  type Card,
  type StoredEvent,
} from '@tischrunde/shared'
import type * as Y from 'yjs'
import type { DocRooms } from '../boards/doc-rooms.js'
import { actorMapDocName, actorsAsReadNow } from './build-actor-map.js'

function valid<T>(doc: Y.Doc, root: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] {
  const out: T[] = []
  doc.getMap(root).forEach((value) => {
    const parsed = schema.safeParse(value)
    if (parsed.success && parsed.data !== undefined) out.push(parsed.data)
  })
  return out
}

/**
 * The event's actor map for its export file, with the names the cards and trees hold now (as the
 * next "Akteure neu einlesen" would read them; nothing is written; `cardsByTable`: the boards'
 * cards when the export read them already); null when nobody opened or filled it.
 */
export async function exportActorMap(rooms: DocRooms, stored: StoredEvent, cardsByTable?: ReadonlyMap<string, readonly Card[]>): Promise<ActorMapExport | null> {
  if (!(await rooms.exists(actorMapDocName(stored.event.id)))) return null
  const stale = await rooms.peek(actorMapDocName(stored.event.id), (doc) => {
    const map: ActorMapExport = {
      actors: valid(doc, ACTORS_ROOT, actorRecordSchema),
      rules: valid(doc, ACTOR_RULES_ROOT, actorRuleSchema),
      bodies: valid(doc, ACTOR_BODIES_ROOT, actorBodySchema),
      areas: valid(doc, ACTOR_AREAS_ROOT, actorAreaNameSchema),
      columns: valid(doc, ACTOR_COLUMNS_ROOT, actorColumnChoiceSchema),
    }
    return map
  })
  const map = { ...stale, actors: await actorsAsReadNow(rooms, stored, stale, cardsByTable) }
  return map.actors.length + map.bodies.length + map.areas.length + (map.columns?.length ?? 0) > 0 ? map : null
}

/**
 * Writes an export file's actor map into the event's doc, replacing what was there (an import or
 * a seed reset). The boards are read into it right after (`buildActorMap`), which brings the
 * mentions up to date and keeps the hand decisions.
 */
export async function importActorMap(rooms: DocRooms, eventId: string, map: ActorMapExport | undefined): Promise<void> {
  await rooms.read(actorMapDocName(eventId), async (room) => {
    room.doc.transact(() => {
      const roots: [string, { key: string; value: unknown }[]][] = [
        [ACTORS_ROOT, (map?.actors ?? []).map((a) => ({ key: a.id, value: a }))],
        [ACTOR_RULES_ROOT, (map?.rules ?? []).map((r) => ({ key: r.key, value: r }))],
        [ACTOR_BODIES_ROOT, (map?.bodies ?? []).map((b) => ({ key: b.id, value: b }))],
        [ACTOR_AREAS_ROOT, (map?.areas ?? []).map((a) => ({ key: a.id, value: a }))],
        [ACTOR_COLUMNS_ROOT, (map?.columns ?? []).map((c) => ({ key: c.id, value: c }))],
      ]
      for (const [root, records] of roots) {
        const target = room.doc.getMap(root)
        for (const key of [...target.keys()]) target.delete(key)
        for (const { key, value } of records) target.set(key, value)
      }
    }, { source: 'import' })
    await room.settle()
  })
}
