import type * as Y from 'yjs'
import type { DocKind, DocView, RecordChange } from '@tischrunde/shared'

/**
 * How many records each client-written root of a doc holds, and per field the kind counts
 * (`countBy`, e.g. a card's `authorId`) how many records carry each value. Counted once when the
 * doc is loaded, then kept as the doc changes, so a rule like "at most 200 cards per person" costs
 * the same on the thousandth card as on the first.
 */
export class RecordCounts {
  private readonly sizes = new Map<string, number>()
  /** root → field → value → records */
  private readonly byField = new Map<string, Map<string, Map<string, number>>>()
  /** root → the root's `maxBy` and its groups */
  private readonly maxima = new Map<string, Maxima>()
  private readonly stop: (() => void)[] = []

  constructor(doc: Y.Doc, kind: DocKind) {
    for (const [root, spec] of Object.entries(kind.roots)) {
      if (spec.writers === 'server') continue
      const map = doc.getMap<unknown>(root)
      this.sizes.set(root, 0)
      this.byField.set(root, new Map((spec.countBy ?? []).map((field) => [field, new Map<string, number>()])))
      if (spec.maxBy) this.maxima.set(root, { ...spec.maxBy, groups: new Map() })
      map.forEach((value, key) => this.count(root, key, value, 1))
      const observer = (event: Y.YMapEvent<unknown>) => {
        for (const [key, change] of event.changes.keys) {
          if (change.action === 'update') this.replace(root, key, change.oldValue, map.get(key))
          else if (change.action === 'add') this.count(root, key, map.get(key), 1)
          else this.count(root, key, change.oldValue, -1)
        }
      }
      map.observe(observer)
      this.stop.push(() => map.unobserve(observer))
    }
  }

  /** Records in a root; undefined for a root the doc's clients do not write (not counted). */
  size(root: string): number | undefined {
    return this.sizes.get(root)
  }

  /** Records of a root whose `field` is `value`; undefined when the root does not count that field. */
  countOf(root: string, field: string, value: string): number | undefined {
    const values = this.byField.get(root)?.get(field)
    return values ? (values.get(value) ?? 0) : undefined
  }

  /**
   * The largest `maxBy` field among a root's records in one group (their `groupBy` values), leaving
   * out the record `except`; null: none; undefined when the root keeps no maximum.
   */
  maxOf(root: string, group: readonly string[], except: string): number | null | undefined {
    const maxima = this.maxima.get(root)
    if (!maxima) return undefined
    const g = maxima.groups.get(groupKey(group))
    if (!g) return null
    g.top ??= topTwo(g.members)
    return g.top.find(([key]) => key !== except)?.[1] ?? null
  }

  destroy(): void {
    for (const stop of this.stop.splice(0)) stop()
  }

  /** A record written anew under its key (a card edited, or its place corrected by the server). */
  private replace(root: string, key: string, before: unknown, after: unknown): void {
    const maxima = this.maxima.get(root)
    // Its group's largest two stay known when it keeps its group and does not shrink: no walk of the
    // group for the next card (the server corrects the place of the newest card, one of the two).
    if (maxima && before !== undefined && after !== undefined && moveMax(maxima, key, before, after)) {
      this.count(root, key, before, -1, false)
      this.count(root, key, after, 1, false)
      return
    }
    this.count(root, key, before, -1)
    this.count(root, key, after, 1)
  }

  private count(root: string, key: string, value: unknown, delta: 1 | -1, withMax = true): void {
    if (value === undefined) return
    const maxima = this.maxima.get(root)
    if (maxima && withMax) keepMax(maxima, key, value, delta)
    this.sizes.set(root, (this.sizes.get(root) ?? 0) + delta)
    for (const [field, values] of this.byField.get(root) ?? []) {
      const key = fieldOf(value, field)
      if (key === undefined) continue
      const n = (values.get(key) ?? 0) + delta
      if (n > 0) values.set(key, n)
      else values.delete(key)
    }
  }
}

/**
 * A view of a doc with `changes` applied (`base` shows them already), whose counts are the doc's
 * kept counts plus what the changes add and remove: no rule reads the whole doc to count.
 */
export function countedView(base: Pick<DocView, 'get' | 'forEach'>, counts: RecordCounts, changes: readonly RecordChange[] = []): DocView {
  const delta = (root: string, matches: (value: unknown) => boolean) => {
    let n = 0
    for (const change of changes) {
      if (change.root !== root) continue
      if (change.after !== undefined && matches(change.after)) n++
      if (change.before !== undefined && matches(change.before)) n--
    }
    return n
  }
  const scan = (root: string, matches: (value: unknown) => boolean) => {
    let n = 0
    base.forEach(root, (record) => {
      if (record !== undefined && matches(record)) n++
    })
    return n
  }
  const all = () => true
  return {
    get: base.get,
    forEach: base.forEach,
    size: (root) => {
      const kept = counts.size(root)
      return kept === undefined ? scan(root, all) : kept + delta(root, all)
    },
    countBy: (root, field, value) => {
      const kept = counts.countOf(root, field, value)
      const matches = (record: unknown) => fieldOf(record, field) === value
      return kept === undefined ? scan(root, matches) : kept + delta(root, matches)
    },
    // Kept for the doc as it is; with changes on top, the caller reads it from `forEach`.
    maxOf: (root, group, except) => (changes.some((c) => c.root === root) ? undefined : counts.maxOf(root, group, except)),
  }
}

/** The records of one group with their values, and the two largest (null: to be read again). */
interface MaxGroup {
  members: Map<string, number>
  top: [string, number][] | null
}

function groupKey(values: readonly string[]): string {
  return values.join('\u0000')
}

/** A root's `maxBy` and its groups. */
interface Maxima {
  field: string
  groupBy: readonly string[]
  groups: Map<string, MaxGroup>
}

/** A record's group and value for its root's maximum, or null (a record without the fields is in none). */
function placeOf(maxima: Maxima, record: unknown): { id: string; value: number } | null {
  const values = maxima.groupBy.map((field) => fieldOf(record, field))
  const value = typeof record === 'object' && record !== null && Object.hasOwn(record, maxima.field) ? (record as Record<string, unknown>)[maxima.field] : undefined
  if (values.some((v) => v === undefined) || typeof value !== 'number') return null
  return { id: groupKey(values as string[]), value }
}

/** Adds a record to its group's maximum or takes it out (a record without the fields is in none). */
function keepMax(maxima: Maxima, key: string, record: unknown, delta: 1 | -1): void {
  const place = placeOf(maxima, record)
  if (!place) return
  const { id, value } = place
  let g = maxima.groups.get(id)
  if (delta < 0) {
    if (!g) return
    g.members.delete(key)
    // One of the two largest left: read them again when next asked.
    if (g.top?.some(([k]) => k === key)) g.top = null
    if (g.members.size === 0) maxima.groups.delete(id)
    return
  }
  if (!g) maxima.groups.set(id, (g = { members: new Map(), top: [] }))
  g.members.set(key, value)
  if (g.top) g.top = [...g.top.filter(([k]) => k !== key), [key, value] as [string, number]].sort((a, b) => b[1] - a[1]).slice(0, 2)
}

/**
 * A record's new value in the same group, kept without reading the group again when that holds:
 * a value that grew (or one outside the two largest) leaves the two largest known; one of them that
 * shrank does not (a third may be larger now). False: nothing done, the caller takes the record out
 * and adds it again.
 */
function moveMax(maxima: Maxima, key: string, before: unknown, after: unknown): boolean {
  const from = placeOf(maxima, before)
  const to = placeOf(maxima, after)
  const g = from && to && from.id === to.id ? maxima.groups.get(to.id) : undefined
  if (!g || !g.members.has(key)) return false
  g.members.set(key, to!.value)
  if (!g.top) return true
  const wasTop = g.top.some(([k]) => k === key)
  if (wasTop && to!.value < from!.value) g.top = null
  else g.top = [...g.top.filter(([k]) => k !== key), [key, to!.value] as [string, number]].sort((a, b) => b[1] - a[1]).slice(0, 2)
  return true
}

function topTwo(members: ReadonlyMap<string, number>): [string, number][] {
  const top: [string, number][] = []
  for (const [key, value] of members) {
    if (top.length < 2 || value > top[1]![1]) {
      top.push([key, value])
      top.sort((a, b) => b[1] - a[1])
      if (top.length > 2) top.pop()
    }
  }
  return top
}

/** A record's field, when it is a string. */
function fieldOf(record: unknown, field: string): string | undefined {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, field)) return undefined
  const value = (record as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : undefined
}
