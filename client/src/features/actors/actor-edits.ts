import { type ActorArea, type ActorRecord, type ActorRule, actorIdOf, actorKey, blankActor, mergeActors, splitActor, type ActorMapChange } from '@tischrunde/shared'

/** Merges the selected actors into the first one, in the order they were selected. */
export function mergeSelected(actors: ReadonlyMap<string, ActorRecord>, selected: readonly string[], rules: ReadonlyMap<string, ActorRule>): ActorMapChange | null {
  const [first, ...rest] = selected.map((id) => actors.get(id)).filter((a): a is ActorRecord => a !== undefined)
  if (!first || rest.length === 0) return null
  let into = first
  const rulesNow = new Map(rules)
  const change: ActorMapChange = { put: [], remove: [], rules: [] }
  for (const from of rest) {
    const step = mergeActors(into, from, rulesNow)
    into = step.put[0]!
    change.remove.push(...step.remove)
    for (const r of step.rules) rulesNow.set(r.key, r)
    change.rules.push(...step.rules)
  }
  change.put = [into]
  return change
}

/** A hand-made actor (no card named it yet): kept on every refresh. */
export function newActor(name: string, area: ActorArea, existing: ReadonlySet<string>): ActorRecord | null {
  const clean = name.trim().slice(0, 120)
  const key = actorKey(clean)
  if (!clean || !key) return null
  let id = actorIdOf(key)
  for (let i = 2; existing.has(id); i++) id = `${actorIdOf(key).slice(0, 56)}-${i}`
  return { ...blankActor(id, clean, area), hand: { created: true, name: true, area: true } }
}

export { splitActor }
