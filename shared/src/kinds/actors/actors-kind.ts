import { WriteRefusal } from '../../doc/board-write-rules.js'
import type { DocKind, RecordChange } from '../doc-kind.js'
import {
  ACTORS_MAX,
  ACTORS_ROOT,
  ACTOR_AREAS_ROOT,
  ACTOR_BODIES_ROOT,
  ACTOR_COLUMNS_ROOT,
  ACTOR_RULES_MAX,
  ACTOR_RULES_ROOT,
  actorAreaNameSchema,
  actorBodySchema,
  actorColumnChoiceSchema,
  actorRecordSchema,
  actorRuleSchema,
} from './actor-map.schema.js'

/** Most records of each root of the actor map. */
const ROOT_LIMITS: ReadonlyMap<string, number> = new Map([
  [ACTORS_ROOT, ACTORS_MAX],
  [ACTOR_RULES_ROOT, ACTOR_RULES_MAX],
  [ACTOR_BODIES_ROOT, 100],
  [ACTOR_AREAS_ROOT, 6],
  [ACTOR_COLUMNS_ROOT, 200],
])

/**
 * The pure rule of the actor map: only facilitators write (a table's host is trusted with that
 * table, not with the event's map); no root grows past its limit (a soft refusal: the writer keeps
 * their edit and is told).
 */
export function checkActorMapChanges(role: string, changes: readonly RecordChange[], count: (root: string) => number): WriteRefusal | null {
  if (role !== 'facilitator') return WriteRefusal.READ_ONLY
  const grown = new Set(changes.filter((c) => c.before === undefined && c.after !== undefined).map((c) => c.root))
  for (const root of grown) if (count(root) > (ROOT_LIMITS.get(root) ?? 0)) return WriteRefusal.TOO_MANY_CARDS
  return null
}

/**
 * The event's actor map (`actors.<event>`): who can help, sorted into the four areas of a local
 * alliance, with the alliance columns and the existing bodies. Built from the boards' actor
 * columns by the server; facilitators edit and read it. Phones, projectors and table hosts read the
 * shown map (`actorview.<event>`, actor-map-shown.ts), which carries no contact person.
 */
export const actorsKind: DocKind = {
  name: 'actors',
  scopeParts: [],
  roots: {
    [ACTORS_ROOT]: { record: actorRecordSchema, keyField: 'id' },
    [ACTOR_RULES_ROOT]: { record: actorRuleSchema, keyField: 'key' },
    [ACTOR_BODIES_ROOT]: { record: actorBodySchema, keyField: 'id' },
    [ACTOR_AREAS_ROOT]: { record: actorAreaNameSchema, keyField: 'id' },
    [ACTOR_COLUMNS_ROOT]: { record: actorColumnChoiceSchema, keyField: 'id' },
  },
  exists: () => true,
  audience(actor) {
    switch (actor.role) {
      case 'facilitator':
        return 'write'
      case 'host':
      case 'participant':
      case 'projector':
        return 'none'
    }
  },
  checkChanges(changes, { actor, doc }) {
    return checkActorMapChanges(actor.role, changes, (root) => {
      let n = 0
      doc.forEach(root, () => n++)
      return n
    })
  },
}
