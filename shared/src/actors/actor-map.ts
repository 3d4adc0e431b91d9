import type { ActorArea } from './areas.js'
import type { FoundMention } from './mentions.js'
import { matchKnownActor } from './normalize.js'
import { KNOWN_ACTORS } from './synonyms.js'
import {
  ACTORS_MAX,
  KEYS_PER_ACTOR_MAX,
  MENTIONS_PER_ACTOR_MAX,
  type ActorMention,
  type ActorRecord,
  type ActorRule,
} from '../kinds/actors/actor-map.schema.js'

/** What to write to the map: records to put (whole), ids to delete, rules to put. */
export interface ActorMapChange {
  put: ActorRecord[]
  remove: string[]
  rules: ActorRule[]
}

/**
 * An actor id from a comparison key: the same for the same key, and none of its words ("agentur f
 * arbeit" → "n" and 14 hex digits). A Yjs map keeps a deleted entry's key for ever, so an id made of
 * the words would keep a card's words in the map's doc after the card was hidden or deleted (an
 * earlier version made ids that way: `refreshActorMap` keeps those where they stand).
 */
export function actorIdOf(key: string): string {
  return `n${hash53(key).toString(16).padStart(14, '0')}`
}

/** The id an earlier version made of a comparison key (its words): still the id of actors stored then. */
function earlierIdOf(key: string): string {
  const slug = key.replace(/ /g, '-').slice(0, 60).replace(/-+$/, '')
  return /^[a-z0-9]/.test(slug) ? slug : `a-${slug}`.slice(0, 60)
}

/** A 53-bit hash of a text (cyrb53): ids of a few hundred keys do not collide. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** A new actor with empty alliance columns. */
export function blankActor(id: string, name: string, area: ActorArea): ActorRecord {
  return { id, name, area, hidden: false, keys: [], mentions: [], hand: {}, institution: '', person: '', cooperation: false, coreGroup: false, forum: false, notes: '' }
}

/**
 * An actor with a contact person typed by hand: kept on every refresh. Emptied, the person the
 * cards name comes back with the next refresh.
 */
export function withPerson(actor: ActorRecord, person: string): ActorRecord {
  const { personFromCards: _taken, ...typed } = actor
  return { ...typed, person }
}

/** Whether an actor's contact person was typed (or stored before the cards' persons were marked): a refresh keeps it. */
const typedPerson = (a: ActorRecord): boolean => a.person.trim() !== '' && !a.personFromCards

/** Whether a person has put anything into an actor that a refresh must not drop. */
export function hasHandWork(a: ActorRecord): boolean {
  return Boolean(a.hand.created || a.hand.name || a.hand.area || a.hand.hidden || typedPerson(a) || a.institution || a.cooperation || a.coreGroup || a.forum || a.notes)
}

/** Longest actor name (the record's limit): a mention's text may be longer (up to 280 characters); a phone's "Wer kann helfen?" field stops here. */
export const ACTOR_NAME_MAX = 120

/**
 * The capitalised first letter of a name as written ("ehrenamtliche" → "Ehrenamtliche"), cut to
 * what an actor's name may hold: a record the map's own schema refuses would be dropped on every read.
 */
function displayName(text: string): string {
  const name = (text.charAt(0).toUpperCase() + text.slice(1)).trim()
  return name.length <= ACTOR_NAME_MAX ? name : `${name.slice(0, ACTOR_NAME_MAX - 1).trimEnd()}…`
}

function sameRecord(a: ActorRecord | undefined, b: ActorRecord): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Rebuilds the map from the mentions the boards hold now. Where a written name goes: a hand rule
 * first (merge, split), then the curated list, then its own actor. Hand decisions (name, area,
 * hidden) and the alliance columns stay; an actor no card names any more is dropped unless
 * someone worked on it. Returns only what changed.
 */
export function refreshActorMap(found: readonly FoundMention[], current: ReadonlyMap<string, ActorRecord>, rules: ReadonlyMap<string, ActorRule>): ActorMapChange {
  const groups = new Map<string, { defaults: { name: string; area: ActorArea; hidden: boolean }; mentions: ActorMention[]; persons: string[] }>()
  // An actor that already carries a written name keeps it; one stored under the id an earlier version
  // made of the name (also one made by hand, or kept without cards for its hand work) is found by it.
  const owners = new Map<string, string>()
  for (const actor of current.values()) for (const key of actor.keys) if (!owners.has(key)) owners.set(key, actor.id)
  const idOf = (key: string) => owners.get(key) ?? (current.has(earlierIdOf(key)) ? earlierIdOf(key) : actorIdOf(key))
  for (const m of found) {
    const known = matchKnownActor(m.text)
    const rule = rules.get(m.key)
    const id = rule?.actorId ?? known?.id ?? idOf(m.key)
    let group = groups.get(id)
    if (!group) {
      const name = known && known.id === id ? known.name : displayName(m.text)
      group = { defaults: { name, area: known && known.id === id ? known.area : 'offen', hidden: m.activity && !known }, mentions: [], persons: [] }
      groups.set(id, group)
    }
    const { activity: _activity, person, ...mention } = m
    group.mentions.push(mention)
    if (person) group.persons.push(person)
  }
  const put: ActorRecord[] = []
  const remove: string[] = []
  // Actors no card names any more first: the places they leave take new names.
  for (const [id, actor] of current) {
    if (groups.has(id)) continue
    if (!hasHandWork(actor)) remove.push(id)
    else if (actor.mentions.length > 0 || actor.personFromCards) {
      const { personFromCards: _taken, ...kept } = actor
      put.push({ ...kept, mentions: [], keys: [], person: typedPerson(actor) ? actor.person : '' })
    }
  }
  // A full map takes no new actor, and still follows the cards for every actor it has (a hidden
  // card's words leave its actor's mentions): only new names are left out, each counted.
  let added = 0
  for (const [id, group] of groups) {
    if (!current.has(id)) {
      if (current.size - remove.length + added >= ACTORS_MAX) continue
      added++
    }
    const before = current.get(id)
    const base = before ?? blankActor(id, group.defaults.name, group.defaults.area)
    const keys = [...new Set(group.mentions.map((m) => m.key))].slice(0, KEYS_PER_ACTOR_MAX)
    let next: ActorRecord = {
      ...base,
      name: base.hand.name ? base.name : (before?.name ?? group.defaults.name),
      area: base.hand.area ? base.area : group.defaults.area === 'offen' && before ? before.area : group.defaults.area,
      hidden: base.hand.hidden ? base.hidden : group.defaults.hidden,
      keys,
      mentions: group.mentions.slice(0, MENTIONS_PER_ACTOR_MAX),
    }
    // A person taken from the cards follows them (a card hidden or deleted takes its person along); a typed one stays.
    const fromCards = [...new Set(group.persons)].join('; ').slice(0, 200)
    if (!typedPerson(base)) {
      const { personFromCards: _before, ...rest } = next
      next = fromCards ? { ...rest, person: fromCards, personFromCards: true } : { ...rest, person: '' }
    }
    if (!sameRecord(before, next)) put.push(next)
  }
  return { put, remove, rules: [] }
}

/**
 * Merges `from` into `into`: every name written for `from` goes to `into` from now on (rules that
 * survive refreshes), mentions join, alliance columns keep `into`'s where both have one (notes
 * are joined, check marks add up).
 */
export function mergeActors(into: ActorRecord, from: ActorRecord, rules: ReadonlyMap<string, ActorRule>): ActorMapChange {
  const keys = [...new Set([...into.keys, ...from.keys])].slice(0, KEYS_PER_ACTOR_MAX)
  const merged: ActorRecord = {
    ...into,
    keys,
    mentions: [...into.mentions, ...from.mentions].slice(0, MENTIONS_PER_ACTOR_MAX),
    institution: into.institution || from.institution,
    person: into.person || from.person,
    cooperation: into.cooperation || from.cooperation,
    coreGroup: into.coreGroup || from.coreGroup,
    forum: into.forum || from.forum,
    notes: [into.notes, from.notes].filter(Boolean).join('\n').slice(0, 1000),
    ...((into.person ? into.personFromCards : from.personFromCards) ? { personFromCards: true as const } : {}),
    hand: { ...into.hand, created: into.hand.created || undefined },
  }
  const newRules = new Map<string, ActorRule>()
  for (const key of from.keys) newRules.set(key, { key, actorId: into.id })
  for (const rule of rules.values()) if (rule.actorId === from.id) newRules.set(rule.key, { key: rule.key, actorId: into.id })
  return { put: [merged], remove: [from.id], rules: [...newRules.values()] }
}

/**
 * Takes one written name out of an actor into an actor of its own (a wrong automatic match, or
 * a merge undone), kept apart by a rule on every refresh.
 */
export function splitActor(actor: ActorRecord, key: string, existing: ReadonlySet<string>): ActorMapChange | null {
  const moving = actor.mentions.filter((m) => m.key === key)
  if (moving.length === 0 || actor.keys.length < 2) return null
  let id = actorIdOf(key)
  for (let i = 2; existing.has(id) || id === actor.id; i++) id = `${actorIdOf(key).slice(0, 56)}-${i}`
  const known = matchKnownActor(moving[0]!.text)
  const split: ActorRecord = {
    ...blankActor(id, displayName(moving[0]!.text), known?.area ?? 'offen'),
    keys: [key],
    mentions: moving,
    hand: { name: true, created: true },
  }
  const rest: ActorRecord = { ...actor, keys: actor.keys.filter((k) => k !== key), mentions: actor.mentions.filter((m) => m.key !== key) }
  return { put: [rest, split], remove: [], rules: [{ key, actorId: id }] }
}

/** How many different tables named an actor. */
export function tablesOf(actor: ActorRecord): string[] {
  return [...new Set(actor.mentions.map((m) => m.tableId))]
}

/** The measure numbers per table that an actor helps with (tables without numbers left out). */
export function measuresOf(actor: ActorRecord): Map<string, { n: number; text: string }[]> {
  const out = new Map<string, { n: number; text: string }[]>()
  for (const m of actor.mentions) {
    if (m.measures.length === 0) continue
    const list = out.get(m.tableId) ?? []
    for (const ref of m.measures) if (!list.some((r) => r.n === ref.n)) list.push(ref)
    out.set(m.tableId, list.sort((a, b) => a.n - b.n))
  }
  return out
}

/** The known actors' ids, so a hand-made actor does not take one of their ids. */
export const KNOWN_ACTOR_IDS: ReadonlySet<string> = new Set(KNOWN_ACTORS.map((a) => a.id))
