import * as Y from 'yjs'
import type { RecordChange } from '@tischrunde/shared'

/** What an update would change in a doc, read from the update without applying it. */
export interface UpdatePlan {
  /** Every record key whose value the update changes: its record before and after (undefined: absent). */
  changes: RecordChange[]
  /** The update writes to or deletes from a root the clients do not write. */
  outside: boolean
  /** The update repeats items the doc has (Yjs skips them, whatever they hold). */
  repeats: boolean
}

/** One record key the update writes to: what the doc holds there, and the update's items for it in order. */
interface Slot {
  root: string
  key: string
  /** The key's current item in the doc (Y.Map keeps the last one, deleted or not). */
  current: Y.Item | undefined
  /** The update deletes the current item. */
  currentDeleted: boolean
  chain: Entry[]
}

interface Entry {
  value: unknown
  deleted: boolean
}

/** A run of clocks the update adds for one client: an item of a slot, or a run with no content (GC). */
interface Run {
  from: number
  to: number
  entry: Entry | null
}

/** The answer when the update is not a plain write on top of the doc: try it on a copy instead. */
const NOT_PLAIN = null

/**
 * Reads which records an update changes, without applying it, when the update is a plain write on
 * top of the doc (what nearly every client sends): each item either starts a key the doc has never
 * held or follows the key's current item (or the update's own previous item for that key), it
 * continues its writer's clocks without a gap, and its deletions remove whole current items. For
 * such an update Yjs's outcome is certain: the last item of each key wins. Anything else (a write
 * concurrent with another one, whose outcome depends on Yjs's ordering; an update waiting for a
 * missing one; an item split in two) returns null, and the caller applies the update to a copy.
 */
export function planUpdate(doc: Y.Doc, update: Uint8Array, watched: ReadonlySet<string>): UpdatePlan | null {
  const store = doc.store
  // Updates waiting for missing ones would be integrated along with this one.
  if (store.pendingStructs !== null || store.pendingDs !== null) return NOT_PLAIN
  const { structs, ds } = Y.decodeUpdate(update)
  const slots = new Map<string, Slot>()
  /** The last item of each slot's chain, by its last id: where the update's next item for that key attaches. */
  const tails = new Map<string, Slot>()
  const runs = new Map<number, Run[]>()
  const next = new Map<number, number>()
  let roots: Map<unknown, string> | null = null
  const rootOf = (type: unknown): string | undefined => {
    roots ??= new Map([...doc.share].map(([name, shared]) => [shared, name]))
    return roots.get(type)
  }
  const slotOf = (root: string, key: string): Slot => {
    const id = `${root}\u0000${key}`
    let slot = slots.get(id)
    if (!slot) slots.set(id, (slot = { root, key, current: mapItems(doc.getMap<unknown>(root)).get(key), currentDeleted: false, chain: [] }))
    return slot
  }
  const outside: UpdatePlan = { changes: [], outside: true, repeats: false }
  let repeats = false

  for (const struct of structs) {
    const { client, clock } = struct.id
    const have = Y.getState(store, client)
    // Already in the doc: Yjs skips it.
    if (clock + struct.length <= have) {
      repeats = true
      continue
    }
    if (clock !== (next.get(client) ?? have)) return NOT_PLAIN
    next.set(client, clock + struct.length)
    let clientRuns = runs.get(client)
    if (!clientRuns) runs.set(client, (clientRuns = []))
    if (struct instanceof Y.GC) {
      clientRuns.push({ from: clock, to: clock + struct.length, entry: null })
      continue
    }
    if (!(struct instanceof Y.Item) || struct.rightOrigin !== null) return NOT_PLAIN
    let slot: Slot
    if (struct.origin === null) {
      // A key's first item names its root and key.
      if (typeof struct.parent !== 'string' || struct.parentSub === null || !watched.has(struct.parent)) return NOT_PLAIN
      slot = slotOf(struct.parent, struct.parentSub)
      if (slot.current !== undefined || slot.chain.length > 0) return NOT_PLAIN
    } else {
      const originKey = idKey(struct.origin)
      const tail = tails.get(originKey)
      if (tail) {
        tails.delete(originKey)
        slot = tail
      } else {
        const origin = itemEndingAt(store, struct.origin)
        if (!origin || origin.parentSub === null) return NOT_PLAIN
        const root = rootOf(origin.parent)
        if (root === undefined) return NOT_PLAIN
        if (!watched.has(root)) return outside
        slot = slotOf(root, origin.parentSub)
        if (slot.current !== origin || slot.chain.length > 0) return NOT_PLAIN
      }
    }
    let entry: Entry
    if (struct.content instanceof Y.ContentDeleted) entry = { value: undefined, deleted: true }
    else if (struct.content instanceof Y.ContentAny && struct.content.arr.length === 1 && struct.content.arr[0] !== undefined) {
      entry = { value: struct.content.arr[0], deleted: false }
    } else return NOT_PLAIN
    slot.chain.push(entry)
    tails.set(idKey(struct.lastId), slot)
    clientRuns.push({ from: clock, to: clock + struct.length, entry })
  }

  for (const [client, ranges] of ds.clients) {
    const have = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (clock < have) {
        const stored = store.clients.get(client)!
        for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < Math.min(end, have); i++) {
          const struct = stored[i]!
          if (struct instanceof Y.GC || struct.deleted) continue
          // Deleting part of an item splits it.
          if (!(struct instanceof Y.Item) || struct.id.clock < clock || struct.id.clock + struct.length > end || struct.parentSub === null) return NOT_PLAIN
          const root = rootOf(struct.parent)
          if (root === undefined) return NOT_PLAIN
          if (!watched.has(root)) return outside
          const slot = slotOf(root, struct.parentSub)
          if (slot.current !== struct) return NOT_PLAIN
          slot.currentDeleted = true
        }
      }
      if (end > have) {
        // Deletions of what the update itself adds: every clock must be one of its runs.
        let at = Math.max(clock, have)
        for (const run of runs.get(client) ?? []) {
          if (run.to <= at) continue
          if (run.from > at) return NOT_PLAIN
          if (run.entry && !run.entry.deleted) {
            if (run.from < clock || run.to > end) return NOT_PLAIN
            run.entry.deleted = true
          }
          at = run.to
          if (at >= end) break
        }
        if (at < end) return NOT_PLAIN
      }
    }
  }

  const changes: RecordChange[] = []
  for (const slot of slots.values()) {
    const live = slot.current !== undefined && !slot.current.deleted
    const before = live ? lastValue(slot.current!) : undefined
    if (live && before === undefined) return NOT_PLAIN
    const tail = slot.chain.at(-1)
    const after = tail ? (tail.deleted ? undefined : tail.value) : slot.currentDeleted ? undefined : before
    if (before === undefined && after === undefined) continue
    if (!tail && !slot.currentDeleted) continue
    changes.push({ root: slot.root, key: slot.key, before, after })
  }
  return { changes, outside: false, repeats }
}

/** A Y.Map's items by key: the current one of each key, deleted or not (Yjs keeps them in `_map`). */
export function mapItems(map: Y.Map<unknown>): Map<string, Y.Item> {
  return (map as unknown as { _map: Map<string, Y.Item> })._map
}

/** The value an item holds (a map item holds one). */
export function lastValue(item: Y.Item): unknown {
  return item.content.getContent().at(-1)
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

/** The doc's item whose last clock is `id`; null when there is none (unknown, garbage-collected, or `id` lies inside an item). */
function itemEndingAt(store: Y.Doc['store'], id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(store, id.client)) return null
  const stored = store.clients.get(id.client)
  if (!stored) return null
  const struct = stored[Y.findIndexSS(stored, id.clock)]
  if (!(struct instanceof Y.Item) || struct.id.clock + struct.length - 1 !== id.clock) return null
  return struct
}
