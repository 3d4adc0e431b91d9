import { type RotationPerson, type RotationSuggestion, type StoredEvent, own, seedFrom, suggestRotation } from '@tischrunde/shared'
import type { PresenceEntry } from './presence.js'

/**
 * The rotation suggestions of each event's running station. Computed on the server because only it
 * sees every phone: where each sat before, who sat together, how full each table is getting. A
 * suggestion, once made, is kept for the station (also across a reconnect), so it does not change
 * under a person's feet; people who arrive later are placed around those already suggested.
 */
export class RotationPlans {
  private readonly plans = new Map<string, { stationId: string; byPerson: Map<string, string> }>()

  /** The suggestion for each phone that still has to choose its table, by socket id. */
  suggest(stored: StoredEvent, phones: readonly PresenceEntry[]): Map<string, RotationSuggestion> {
    const { event, round } = stored
    const out = new Map<string, RotationSuggestion>()
    const stations = event.template.stations
    const station = round.phase === 'station' && round.stationIndex > 0 ? stations[round.stationIndex] : undefined
    if (!station) {
      this.plans.delete(event.id)
      return out
    }
    let plan = this.plans.get(event.id)
    if (!plan || plan.stationId !== station.id) this.plans.set(event.id, (plan = { stationId: station.id, byPerson: new Map() }))

    const tables = event.tables.map((t) => t.id)
    const known = new Set(tables)
    const earlier = stations.filter((s) => s.id !== station.id).map((s) => s.id)
    // One entry per person: two tabs of one phone are one person (the one that reported more visits).
    const persons = new Map<string, PresenceEntry>()
    for (const p of phones) {
      const seen = persons.get(p.person)
      if (!seen || Object.keys(p.visits).length > Object.keys(seen.visits).length) persons.set(p.person, p)
    }
    const people: RotationPerson[] = []
    const movers = new Set<string>()
    for (const p of persons.values()) {
      // Station ids are chosen by people: one called "constructor" must not meet Object.prototype.
      const visited = earlier.map((s) => own(p.visits, s)).filter((t): t is string => t !== undefined && known.has(t))
      const chosen = own(p.visits, station.id)
      const moves = !p.host && visited.length > 0 && (chosen === undefined || !known.has(chosen))
      // Hosts stay; people who chose already sit there; people who joined late stay where they are.
      const placed = moves ? (plan.byPerson.get(p.person) ?? null) : p.host ? p.tableId : (chosen ?? p.tableId)
      if (moves) movers.add(p.person)
      if (placed === null && !moves) continue
      people.push({ id: p.person, visited, placed })
    }
    if (people.some((p) => p.placed === null)) {
      const groups = earlier.flatMap((s) => groupsAt(persons.values(), s))
      const suggested = suggestRotation({ tables, people, groups, maxPerTable: event.maxPerTable, seed: seedFrom(`${event.id}/${station.id}`) })
      for (const [person, table] of suggested) plan.byPerson.set(person, table)
    }
    for (const p of phones) {
      const tableId = plan.byPerson.get(p.person)
      if (movers.has(p.person) && tableId) out.set(p.socketId, { stationId: station.id, tableId })
    }
    return out
  }

  /** Forgets an event (deleted). */
  drop(eventId: string): void {
    this.plans.delete(eventId)
  }
}

/** Who sat together at each table in one station. */
function groupsAt(persons: Iterable<PresenceEntry>, stationId: string): string[][] {
  const byTable = new Map<string, string[]>()
  for (const p of persons) {
    const table = own(p.visits, stationId)
    if (table !== undefined) byTable.set(table, [...(byTable.get(table) ?? []), p.person])
  }
  return [...byTable.values()]
}
