/**
 * World-Café rotation: where each person is suggested to sit at the next station. The people of one
 * table spread over different tables, table sizes stay balanced (and within a per-table maximum),
 * and nobody is sent back to a table they already visited while an unvisited one has room.
 */

/** One person at the change of stations. */
export interface RotationPerson {
  /** Any id that is unique among the people of one call (a participant or a connection). */
  id: string
  /** Tables this person sat at in earlier stations (the one they leave included). */
  visited: readonly string[]
  /**
   * The table this person already sits at for the new station (a host, who stays, or someone who
   * chose already): counted at that table, not moved. Null: still to be suggested one.
   */
  placed: string | null
}

export interface RotationInput {
  /** The event's tables, in their order. */
  tables: readonly string[]
  people: readonly RotationPerson[]
  /** Who sat together in earlier stations: one list of person ids per table and station. */
  groups: readonly (readonly string[])[]
  /** Most people at one table, as the facilitator set it (null: only the balance limits). */
  maxPerTable: number | null
  /** Varies the order in which people are placed; the same inputs and seed give the same result. */
  seed: number
}

/** Improvement passes after the first placement; each is O(people²). */
const SWAP_PASSES = 3

/**
 * The suggested table per person still to be placed (keyed by person id). Deterministic from its
 * input. People already placed keep their table and count towards its size.
 * @example suggestRotation({ tables: ['a', 'b'], people: [{ id: 'p', visited: ['a'], placed: null }], groups: [], maxPerTable: null, seed: 1 }) // Map { 'p' => 'b' }
 */
export function suggestRotation(input: RotationInput): Map<string, string> {
  const { tables, people } = input
  const result = new Map<string, string>()
  if (tables.length === 0) return result
  const known = new Set(tables)
  const mates = pairCounts(input.groups)
  const seated = new Map<string, string[]>(tables.map((t) => [t, []]))
  for (const p of people) if (p.placed && known.has(p.placed)) seated.get(p.placed)!.push(p.id)

  const movers = people.filter((p) => !p.placed || !known.has(p.placed))
  const total = people.length
  const balanced = Math.ceil(total / tables.length)
  const cap = input.maxPerTable ? Math.min(balanced, input.maxPerTable) : balanced
  const visitedOf = new Map(movers.map((p) => [p.id, new Set(p.visited)]))
  const meetings = (id: string, at: readonly string[]) => at.reduce((n, other) => n + (mates.get(id)?.get(other) ?? 0), 0)

  for (const person of spreadOrder(movers, tables, input.seed)) {
    const visited = visitedOf.get(person.id)!
    const last = lastTable(person, tables)
    const open = tables.filter((t) => seated.get(t)!.length < cap)
    // More people than the maximum allows: the least full tables take them.
    const candidates = open.length > 0 ? open : leastFull(tables, seated)
    let best: { table: string; score: readonly number[] } | null = null
    for (const table of candidates) {
      const at = seated.get(table)!
      const score = [visited.has(table) ? 1 : 0, meetings(person.id, at), at.length, (tables.indexOf(table) - last - 1 + 2 * tables.length) % tables.length]
      if (!best || lessThan(score, best.score)) best = { table, score }
    }
    seated.get(best!.table)!.push(person.id)
    result.set(person.id, best!.table)
  }

  improveBySwaps(result, seated, visitedOf, meetings)
  return result
}

/**
 * Swaps two suggested people between tables when that lowers how often people meet again, never
 * sending someone to a visited table they were not at before. Sizes do not change.
 */
function improveBySwaps(
  result: Map<string, string>,
  seated: Map<string, string[]>,
  visitedOf: Map<string, Set<string>>,
  meetings: (id: string, at: readonly string[]) => number,
): void {
  const ids = [...result.keys()]
  const without = (table: string, id: string) => seated.get(table)!.filter((x) => x !== id)
  for (let pass = 0; pass < SWAP_PASSES; pass++) {
    let improved = false
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i]!
        const b = ids[j]!
        const ta = result.get(a)!
        const tb = result.get(b)!
        if (ta === tb) continue
        const va = visitedOf.get(a)!
        const vb = visitedOf.get(b)!
        if ((va.has(tb) && !va.has(ta)) || (vb.has(ta) && !vb.has(tb))) continue
        const restA = without(ta, a)
        const restB = without(tb, b)
        const before = meetings(a, restA) + meetings(b, restB)
        const after = meetings(a, restB) + meetings(b, restA)
        const visitedBefore = (va.has(ta) ? 1 : 0) + (vb.has(tb) ? 1 : 0)
        const visitedAfter = (va.has(tb) ? 1 : 0) + (vb.has(ta) ? 1 : 0)
        if (visitedAfter > visitedBefore || (visitedAfter === visitedBefore && after >= before)) continue
        seated.set(ta, [...restA, b])
        seated.set(tb, [...restB, a])
        result.set(a, tb)
        result.set(b, ta)
        improved = true
      }
    }
    if (!improved) return
  }
}

/** How often each pair sat together: person → other person → times. */
function pairCounts(groups: readonly (readonly string[])[]): Map<string, Map<string, number>> {
  const mates = new Map<string, Map<string, number>>()
  for (const group of groups) {
    for (const a of group) {
      let row = mates.get(a)
      if (!row) mates.set(a, (row = new Map()))
      for (const b of group) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1)
    }
  }
  return mates
}

/** Index of the table a person leaves (their last visited one), or -1. */
function lastTable(person: RotationPerson, tables: readonly string[]): number {
  const last = person.visited[person.visited.length - 1]
  return last === undefined ? -1 : tables.indexOf(last)
}

function leastFull(tables: readonly string[], seated: Map<string, string[]>): string[] {
  const min = Math.min(...tables.map((t) => seated.get(t)!.length))
  return tables.filter((t) => seated.get(t)!.length === min)
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return false
}

/**
 * The order in which people are placed: one from each table in turn (shuffled within a table by the
 * seed), so the people of one table are spread before any table fills up.
 */
function spreadOrder(movers: readonly RotationPerson[], tables: readonly string[], seed: number): RotationPerson[] {
  const random = seededRandom(seed)
  const byTable = new Map<number, RotationPerson[]>()
  for (const p of movers) {
    const key = lastTable(p, tables)
    const list = byTable.get(key) ?? []
    list.push(p)
    byTable.set(key, list)
  }
  const queues = [...byTable.entries()].sort(([a], [b]) => a - b).map(([, list]) => shuffle(list, random))
  const order: RotationPerson[] = []
  for (let round = 0; order.length < movers.length; round++) for (const q of queues) if (q[round]) order.push(q[round]!)
  return order
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * A small deterministic generator (mulberry32): the same seed gives the same numbers in [0, 1).
 * @example const random = seededRandom(42); random() // always the same first number
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seed from a text (e.g. event and station id), so each station mixes differently but repeatably. */
export function seedFrom(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
