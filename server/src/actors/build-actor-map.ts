import {
  ACTORS_ROOT,
  ACTOR_RULES_ROOT,
  ACTOR_COLUMNS_ROOT,
  type ActorColumnChoice,
  actorColumnChoiceSchema,
  type ActorRecord,
  type ActorRule,
  type Card,
  type FoundMention,
  actorRecordSchema,
  actorRuleSchema,
  actorsKind,
  boardDocName,
  docNameOf,
  mentionsOfBoard,
  mentionsOfTree,
  readSnapshot,
  readTree,
  refreshActorMap,
  treeKind,
  treePlaceId,
} from '@tischrunde/shared'
import type * as Y from 'yjs'
import type { DocRooms } from '../boards/doc-rooms.js'
import { treeGroupsInUse } from '../tree/tree-groups.js'
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

/** Ids of the actors some card of these tables named. */
function namedAt(actors: ReadonlyMap<string, ActorRecord>, tables: ReadonlySet<string>): Set<string> {
  return new Set([...actors.values()].filter((a) => a.mentions.some((m) => tables.has(m.tableId))).map((a) => a.id))
}

/** What the groups' solution trees name under "Wer kann helfen?" (only the places in `places`, when given). */
async function treeMentions(rooms: DocRooms, event: StoredEvent['event'], places: ReadonlySet<string> | null): Promise<FoundMention[]> {
  const method = event.treeMethod
  if (!method) return []
  const found: FoundMention[] = []
  for (const group of await treeGroupsInUse(rooms, event.id, method)) {
    if (places && !places.has(treePlaceId(group.id))) continue
    const name = docNameOf({ kind: treeKind.name, eventId: event.id, parts: { groupId: group.id, phase: 'objective' } }, treeKind)
    found.push(...mentionsOfTree(group.id, await rooms.peek(name, (doc) => readTree(doc))))
  }
  return found
}

/** What the boards' actor columns (of `tables`, or all) and the trees name now; `read`: the boards' cards read already. */
async function mentionsNow(rooms: DocRooms, event: StoredEvent['event'], choices: ReadonlyMap<string, boolean>, tables: ReadonlySet<string> | null, read?: ReadonlyMap<string, readonly Card[]>): Promise<FoundMention[]> {
  const found: FoundMention[] = []
  for (const table of event.tables) {
    if (tables && !tables.has(table.id)) continue
    const cards = read?.get(table.id) ?? (await rooms.peek(boardDocName(event.id, table.id), (doc) => readSnapshot(doc).cards))
    found.push(...mentionsOfBoard(table.id, cards, event.template, choices))
  }
  found.push(...(await treeMentions(rooms, event, tables)))
  return found
}

/**
 * The actors of a stored map as the next "Akteure neu einlesen" would leave them, read only (an
 * export writes nothing): a name written since the map was last read is in the documentation and
 * the actor table, with the hand decisions and alliance columns kept, as the refresh keeps them.
 */
export async function actorsAsReadNow(
  rooms: DocRooms,
  stored: StoredEvent,
  map: { actors: readonly ActorRecord[]; rules: readonly ActorRule[]; columns?: readonly ActorColumnChoice[] | undefined },
  cardsByTable?: ReadonlyMap<string, readonly Card[]>,
): Promise<ActorRecord[]> {
  const found = await mentionsNow(rooms, stored.event, new Map((map.columns ?? []).map((c) => [c.id, c.on])), null, cardsByTable)
  const actors = new Map(map.actors.map((a) => [a.id, a]))
  const change = refreshActorMap(found, actors, new Map(map.rules.map((r) => [r.key, r])))
  for (const id of change.remove) actors.delete(id)
  for (const record of change.put) if (actorRecordSchema.safeParse(record).success) actors.set(record.id, record)
  return [...actors.values()]
}

/**
 * Reads every table's actor columns (and on a tree day every group's "Wer kann helfen?") and refreshes the event's actor map: new actors come in,
 * mentions are brought up to date, hand decisions and alliance columns stay. Written by the
 * server, so every open console, projector and phone sees it at once. Returns how many actors
 * the map holds afterwards.
 *
 * With `onlyNamedAt`, only the actors some card of those tables named are brought up to date
 * (cards left those boards: their texts and persons go with them), and no actor comes in.
 */
export async function buildActorMap(rooms: DocRooms, stored: StoredEvent, by = 'server', onlyNamedAt?: ReadonlySet<string>): Promise<number> {
  const { event } = stored
  const name = actorMapDocName(event.id)
  // Following cards that left some tables: only the boards where the actors those tables named
  // were named are read (their mentions come whole from them), not every table of the event.
  let tables: ReadonlySet<string> | null = null
  if (onlyNamedAt) {
    if (!(await rooms.exists(name))) return 0
    const affected = await rooms.read(name, (room) => {
      const actors = readRoot<ActorRecord>(room.doc, ACTORS_ROOT, actorRecordSchema)
      return [...namedAt(actors, onlyNamedAt)].map((id) => actors.get(id)!)
    })
    if (affected.length === 0) return 0
    tables = new Set([...onlyNamedAt, ...affected.flatMap((actor) => actor.mentions.map((m) => m.tableId))])
  }
  const choices = await rooms.read(name, (room) => new Map([...readRoot<ActorColumnChoice>(room.doc, ACTOR_COLUMNS_ROOT, actorColumnChoiceSchema).values()].map((c) => [c.id, c.on])))
  const found = await mentionsNow(rooms, event, choices, tables)
  return rooms.read(name, async (room) => {
    const actors = readRoot<ActorRecord>(room.doc, ACTORS_ROOT, actorRecordSchema)
    const rules = readRoot<ActorRule>(room.doc, ACTOR_RULES_ROOT, actorRuleSchema)
    const change = refreshActorMap(found, actors, rules)
    if (onlyNamedAt) {
      const named = namedAt(actors, onlyNamedAt)
      change.put = change.put.filter((record) => named.has(record.id))
      change.remove = change.remove.filter((id) => named.has(id))
    }
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
