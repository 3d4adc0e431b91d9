import type * as Y from 'yjs'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import type { DocKind } from '../doc-kind.js'
import { ACTORS_ROOT, ACTOR_AREAS_ROOT, actorAreaNameSchema, actorRecordSchema } from './actor-map.schema.js'

/**
 * The actor map as phones and projectors see it (`actorview.<event>`): the server writes it from
 * the event's actor map (`actors.<event>`, which only facilitators open), without
 * what is for the organisers only (see `shownRecord`): hidden actors, the contact person (personal
 * data, like the actor table's export, which needs the facilitator), institutions and notes.
 * Nobody else writes it.
 *
 * Its actors are keyed by a pseudonym of their id (`keyOf`, the server's keyed hash), never by the
 * id: an actor's id was made from the words of the card that named it, and a Yjs map keeps a
 * deleted entry's key for ever, so a hidden or deleted card's words would have stayed in every
 * copy sent to a phone. Its first version (`actormap.<event>`, keyed by the ids) is gone: the
 * server deletes those stored copies (`SHOWN_ACTOR_MAP_BEFORE`).
 */
export const actorMapShownKind: DocKind = {
  name: 'actorview',
  scopeParts: [],
  roots: {
    [ACTORS_ROOT]: { record: actorRecordSchema, keyField: 'id', writers: 'server' },
    [ACTOR_AREAS_ROOT]: { record: actorAreaNameSchema, keyField: 'id', writers: 'server' },
  },
  exists: () => true,
  audience(actor) {
    switch (actor.role) {
      case 'facilitator':
      case 'host':
      case 'participant':
      case 'projector':
        return 'read'
    }
  },
  checkChanges: () => WriteRefusal.READ_ONLY,
}

/** The roots the shown map carries. */
export const SHOWN_ACTOR_ROOTS = [ACTORS_ROOT, ACTOR_AREAS_ROOT] as const

/** The name of the shown map of an event. */
export const actorMapShownDocName = (eventId: string) => `${actorMapShownKind.name}.${eventId}`

/** The name part of the shown map's first version, whose keys held card words: stored copies are deleted. */
export const SHOWN_ACTOR_MAP_BEFORE = 'actormap'

/** The key an entry of the actor map has in the shown map (`id` of the record too): a pseudonym for an actor, an area's own id. */
export type ShownKeyOf = (root: string, key: string) => string

/**
 * A record as it is shown: an actor the organisers hid is not shown at all (undefined); a shown one
 * keeps what the phones and the projector show (its name, area, mentions and the three alliance
 * marks) and none of the organisers' own columns: no contact person, institution, notes or hand
 * decisions. Other records as they are.
 */
export function shownRecord(root: string, value: unknown, shownId?: string): unknown {
  if (root !== ACTORS_ROOT || typeof value !== 'object' || value === null) return value
  if ((value as { hidden?: unknown }).hidden === true) return undefined
  // Not even whether the cards named a person.
  const { personFromCards: _taken, ...shown } = value as Record<string, unknown>
  return { ...shown, ...(shownId === undefined ? {} : { id: shownId }), person: '', institution: '', notes: '', hand: {} }
}

/**
 * Brings the shown map in line with the actor map: the keys given per root (a change's keys), or
 * every key of every shown root (then also taking out what the shown map holds and the actor map
 * no longer has). Entries go under `keyOf`'s key. Writes only what differs; returns whether it
 * wrote anything.
 */
export function showActorMap(source: Y.Doc, shown: Y.Doc, keyOf: ShownKeyOf, keys?: ReadonlyMap<string, Iterable<string>>): boolean {
  let wrote = false
  for (const root of SHOWN_ACTOR_ROOTS) {
    const from = source.getMap<unknown>(root)
    const to = shown.getMap<unknown>(root)
    const kept = new Set<string>()
    for (const key of (keys ? keys.get(root) : from.keys()) ?? []) {
      const at = keyOf(root, key)
      kept.add(at)
      const next = shownRecord(root, from.get(key), root === ACTORS_ROOT ? at : undefined)
      if (next === undefined) {
        if (to.has(at)) {
          to.delete(at)
          wrote = true
        }
        continue
      }
      if (JSON.stringify(next) === JSON.stringify(to.get(at))) continue
      to.set(at, next)
      wrote = true
    }
    if (keys) continue
    for (const at of [...to.keys()]) {
      if (kept.has(at)) continue
      to.delete(at)
      wrote = true
    }
  }
  return wrote
}
