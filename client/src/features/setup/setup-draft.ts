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
