import type * as Y from 'yjs'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import type { DocKind } from '../doc-kind.js'
import { ACTORS_ROOT, ACTOR_AREAS_ROOT, actorAreaNameSchema, actorRecordSchema } from './actor-map.schema.js'

/**
 * The actor map as phones and projectors see it (`actormap.<event>`): the server writes it from
 * the event's actor map (`actors.<event>`, which only facilitators open), without
 * what is for the organisers only (see `shownRecord`): hidden actors, the contact person (personal
 * data, like the actor table's export, which needs the facilitator), institutions and notes.
 * Nobody else writes it.
 */
export const actorMapShownKind: DocKind = {
  name: 'actormap',
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

/**
 * A record as it is shown: an actor the organisers hid is not shown at all (undefined); a shown one
 * keeps what the phones and the projector show (its name, area, mentions and the three alliance
 * marks) and none of the organisers' own columns: no contact person, institution, notes or hand
 * decisions. Other records as they are.
 */
export function shownRecord(root: string, value: unknown): unknown {
  if (root !== ACTORS_ROOT || typeof value !== 'object' || value === null) return value
  if ((value as { hidden?: unknown }).hidden === true) return undefined
  // Not even whether the cards named a person.
  const { personFromCards: _taken, ...shown } = value as Record<string, unknown>
  return { ...shown, person: '', institution: '', notes: '', hand: {} }
}

/**
 * Brings the shown map in line with the actor map: the keys given per root (a change's keys), or
 * every key of every shown root. Writes only what differs; returns whether it wrote anything.
 */
export function showActorMap(source: Y.Doc, shown: Y.Doc, keys?: ReadonlyMap<string, Iterable<string>>): boolean {
  let wrote = false
  for (const root of SHOWN_ACTOR_ROOTS) {
    const from = source.getMap<unknown>(root)
    const to = shown.getMap<unknown>(root)
    const touched = keys ? keys.get(root) : new Set([...from.keys(), ...to.keys()])
    for (const key of touched ?? []) {
      const next = shownRecord(root, from.get(key))
      if (next === undefined) {
        if (to.has(key)) {
          to.delete(key)
          wrote = true
        }
        continue
      }
      if (JSON.stringify(next) === JSON.stringify(to.get(key))) continue
      to.set(key, next)
      wrote = true
    }
  }
  return wrote
}
