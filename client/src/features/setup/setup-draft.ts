import { type AgendaItem, type Column, type EventSetup, type Station, type ThemeTable, type TischEvent, slugify, uniqueId } from '@tischrunde/shared'

/** How many rows the editor offers at most; the same limits as eventSetupSchema and templateSchema. */
export const SETUP_LIMITS = { agenda: 60, tables: 60, stations: 8, columns: 6 } as const

/** The editable part of an event: everything but its id. */
export function setupOf(event: TischEvent): EventSetup {
  return { title: event.title, date: event.date, place: event.place, agenda: event.agenda, tables: event.tables, template: event.template, address: event.address, maxPerTable: event.maxPerTable }
}

/** Whether two setups hold the same values (key order does not matter: the server may send keys in another order). */
export function sameSetup(a: EventSetup, b: EventSetup): boolean {
  return a === b || stableJson(a) === stableJson(b)
}

/**
 * Someone else saved the setup while this draft had changes (another tab, a colleague's laptop):
 * the draft takes over their changes to every part it did not change itself (and, where both
 * changed the tables, to every table only they changed). `conflict`: both changed the same part;
 * the draft's version of it stands, and saving it replaces theirs.
 */
export function mergeSetup(base: EventSetup, draft: EventSetup, theirs: EventSetup): { merged: EventSetup; conflict: boolean } {
  const same = (a: unknown, b: unknown) => a === b || stableJson(a) === stableJson(b)
  let conflict = false
  const merged: Record<string, unknown> = { ...draft }
  for (const key of new Set([...Object.keys(base), ...Object.keys(draft), ...Object.keys(theirs)]) as Set<keyof EventSetup>) {
    const [b, d, o] = [base[key], draft[key], theirs[key]]
    if (same(d, b)) merged[key] = o
    else if (same(o, b) || same(o, d)) merged[key] = d
    else if (key === 'tables') {
      const tables = mergeTables(base.tables, draft.tables, theirs.tables, same)
      if (tables) merged[key] = tables
      else conflict = true
    } else conflict = true
  }
  return { merged: merged as EventSetup, conflict }
}

/** Tables changed on both sides, table by table, while neither added, removed or moved one; null otherwise or when one table changed on both. */
function mergeTables(base: EventSetup['tables'], draft: EventSetup['tables'], theirs: EventSetup['tables'], same: (a: unknown, b: unknown) => boolean): EventSetup['tables'] | null {
  const ids = (tables: EventSetup['tables']) => tables.map((t) => t.id).join('\n')
  if (ids(base) !== ids(draft) || ids(base) !== ids(theirs)) return null
  const merged = []
  for (const [i, b] of base.entries()) {
    const [d, o] = [draft[i]!, theirs[i]!]
    if (same(d, b)) merged.push(o)
    else if (same(o, b) || same(o, d)) merged.push(d)
    else return null
  }
  return merged
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  )
}

/** The Tagesprogramm in time order; rows with the same time keep their order. Expects valid HH:MM times. */
export function sortAgenda(items: readonly AgendaItem[]): AgendaItem[] {
  return [...items].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
}

/** A new theme table. Its id comes from the name and never changes afterwards, so cards stay attached on rename. */
export function newTable(name: string, takenIds: Iterable<string>): ThemeTable {
  return { id: uniqueId(slugify(name), new Set(takenIds)), name: name.trim(), host: '' }
}

/** A new station with one empty column (the column title is asked for on save). */
export function newStation(stations: readonly Station[], title: string): Station {
  const id = uniqueId(`station-${stations.length + 1}`, new Set(stations.map((s) => s.id)))
  return { id, title, prompt: '', columns: [{ id: 'spalte-1', title: '' }] }
}

/** A new, still untitled column for `station`. */
export function newColumn(station: Station): Column {
  return { id: uniqueId(`spalte-${station.columns.length + 1}`, new Set(station.columns.map((c) => c.id))), title: '' }
}

/** A copy of `items` with the item at `from` moved to `to` (clamped to the list). */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(to, items.length - 1))
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item === undefined) return next
  next.splice(target, 0, item)
  return next
}

/** A copy of `items` with `item` at `index`. */
export function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((x, i) => (i === index ? item : x))
}

/** A copy of `items` without the item at `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index)
}
