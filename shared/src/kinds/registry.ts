import { boardKind } from './board/board-kind.js'
import { treeKind } from './tree/tree-kind.js'
import { actorMapShownKind } from './actors/actor-map-shown.js'
import { actorsKind } from './actors/actors-kind.js'
import { MODERATION_KINDS } from './moderation/moderation-kinds.js'
import { workshopKind } from '../programme/workshop-board.js'
import type { DocKind, DocScope } from './doc-kind.js'

/** Every kind of doc the app has. A new method adds its kind here (and its folder beside `board/`). */
export const DOC_KINDS: readonly DocKind[] = [boardKind, treeKind, actorsKind, actorMapShownKind, ...MODERATION_KINDS, workshopKind]

/** Event ids and the default pattern of key parts: slug ids. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/

/** The name of a doc on the wire and on disk: `<kind>.<eventId>.<part>…`, e.g. `board.winnenden.bildung`. */
export function docNameOf(scope: DocScope, kind: DocKind): string {
  return [kind.name, scope.eventId, ...kind.scopeParts.map((p) => scope.parts[p] ?? '')].join('.')
}

/**
 * Reads a doc name back into its kind and scope; null for a name no registered kind claims or
 * whose parts do not match the kind's patterns.
 */
export function resolveDocName(name: string, kinds: readonly DocKind[] = DOC_KINDS): { kind: DocKind; scope: DocScope } | null {
  const segments = name.split('.')
  const kind = kinds.find((k) => k.name === segments[0])
  if (!kind || segments.length !== 2 + kind.scopeParts.length) return null
  const eventId = segments[1]!
  if (!SLUG.test(eventId)) return null
  const parts: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [i, part] of kind.scopeParts.entries()) {
    const value = segments[2 + i]!
    if (!(kind.partPattern?.[part] ?? SLUG).test(value)) return null
    parts[part] = value
  }
  return { kind, scope: { kind: kind.name, eventId, parts } }
}

const rootsOfClients = new WeakMap<DocKind, ReadonlySet<string>>()

/** The roots clients may write to (the rest only the server writes), worked out once per kind. */
export function clientRoots(kind: DocKind): ReadonlySet<string> {
  let roots = rootsOfClients.get(kind)
  if (!roots) rootsOfClients.set(kind, (roots = new Set(Object.entries(kind.roots).filter(([, spec]) => spec.writers !== 'server').map(([name]) => name))))
  return roots
}
