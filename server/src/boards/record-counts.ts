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
  private readonly stop: (() => void)[] = []

  constructor(doc: Y.Doc, kind: DocKind) {
    for (const [root, spec] of Object.entries(kind.roots)) {
      if (spec.writers === 'server') continue
      const map = doc.getMap<unknown>(root)
      this.sizes.set(root, 0)
      this.byField.set(root, new Map((spec.countBy ?? []).map((field) => [field, new Map<string, number>()])))
      map.forEach((value) => this.count(root, value, 1))
      const observer = (event: Y.YMapEvent<unknown>) => {
        for (const [key, change] of event.changes.keys) {
          if (change.action !== 'add') this.count(root, change.oldValue, -1)
          if (change.action !== 'delete') this.count(root, map.get(key), 1)
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

  destroy(): void {
    for (const stop of this.stop.splice(0)) stop()
  }

  private count(root: string, value: unknown, delta: 1 | -1): void {
    if (value === undefined) return
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
  }
}

/** A record's field, when it is a string. */
function fieldOf(record: unknown, field: string): string | undefined {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, field)) return undefined
  const value = (record as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : undefined
}
