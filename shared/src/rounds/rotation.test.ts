import { describe, expect, it } from 'vitest'
import { type RotationPerson, seededRandom, suggestRotation } from './rotation.js'

const TABLES = ['t1', 't2', 't3', 't4', 't5', 't6']
const PEOPLE = Array.from({ length: 30 }, (_, i) => `p${i + 1}`)
const SEATINGS = 200

/** One simulated café day: a random first seating, then everyone follows the suggestions. */
function day(seed: number, maxPerTable: number | null = null) {
  const random = seededRandom(seed)
  const visits = new Map<string, string[]>(PEOPLE.map((p) => [p, [TABLES[Math.floor(random() * TABLES.length)]!]]))
  const stations: { people: RotationPerson[]; groups: string[][]; suggested: Map<string, string> }[] = []
  for (let station = 1; station < 3; station++) {
    const groups = groupsOf(visits)
    const people = PEOPLE.map((id) => ({ id, visited: visits.get(id)!, placed: null }))
    const suggested = suggestRotation({ tables: TABLES, people, groups, maxPerTable, seed: seed * 7 + station })
    stations.push({ people, groups, suggested })
    for (const [id, table] of suggested) visits.set(id, [...visits.get(id)!, table])
  }
  return stations
}

/** Who sat together, per station and table. */
function groupsOf(visits: Map<string, string[]>): string[][] {
  const groups = new Map<string, string[]>()
  for (const [id, tables] of visits) tables.forEach((t, station) => groups.set(`${station}/${t}`, [...(groups.get(`${station}/${t}`) ?? []), id]))
  return [...groups.values()]
}

const sizes = (suggested: Map<string, string>) => TABLES.map((t) => [...suggested.values()].filter((x) => x === t).length)

/** Pairs suggested to one table who already sat together before. */
function repeatedPairs(suggested: Map<string, string>, groups: string[][]): number {
  const before = new Set(groups.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))))
  let n = 0
  for (const t of TABLES) {
    const at = PEOPLE.filter((p) => suggested.get(p) === t)
    for (const a of at) for (const b of at) if (a < b && before.has(`${a}|${b}`)) n++
  }
  return n
}

const seeds = Array.from({ length: SEATINGS }, (_, i) => i + 1)

describe('rotation suggestions for 30 people at 6 tables over 3 stations', () => {
  it('suggests a table to everyone, and only tables of the event', () => {
    for (const seed of seeds)
      for (const { suggested } of day(seed)) {
        expect(suggested.size).toBe(30)
        for (const t of suggested.values()) expect(TABLES).toContain(t)
      }
  })

  it('sends nobody back to a visited table while an unvisited one has room', () => {
    for (const seed of seeds)
      for (const { people, suggested } of day(seed)) {
        const size = sizes(suggested)
        for (const p of people) {
          if (!p.visited.includes(suggested.get(p.id)!)) continue
          const roomyUnvisited = TABLES.filter((t, i) => !p.visited.includes(t) && size[i]! < 5)
          expect(roomyUnvisited, `seed ${seed}: ${p.id} sent back`).toEqual([])
        }
      }
  })

  it('keeps every table within one person of the average', () => {
    for (const seed of seeds) for (const { suggested } of day(seed)) expect(Math.max(...sizes(suggested))).toBeLessThanOrEqual(30 / 6 + 1)
  })

  it('respects the maximum per table the facilitator set when there is room for everyone', () => {
    // 30 people, 6 tables of at most 5: exactly full.
    for (const seed of seeds.slice(0, 50)) for (const { suggested } of day(seed, 5)) expect(Math.max(...sizes(suggested))).toBeLessThanOrEqual(5)
  })

  it('lets pairs who sat together meet again as rarely as possible', () => {
    let atBound = 0
    let third = 0
    let randomThird = 0
    const random = seededRandom(77)
    for (const seed of seeds) {
      const [second, last] = day(seed)
      // After one station, the people of a table can at best spread evenly over the other five tables.
      const forced = second!.groups.reduce((n, g) => n + forcedPairs(g.length, TABLES.length - 1), 0)
      const repeated = repeatedPairs(second!.suggested, second!.groups)
      expect(repeated, `seed ${seed}`).toBeLessThanOrEqual(forced + 1)
      if (repeated === forced) atBound++
      third += repeatedPairs(last!.suggested, last!.groups)
      // A balanced seating by lot, for comparison.
      const shuffled = [...PEOPLE].sort(() => random() - 0.5)
      randomThird += repeatedPairs(new Map(shuffled.map((p, i) => [p, TABLES[i % 6]!])), last!.groups)
    }
    // Only when a first table was crowded does the room not allow the even spread.
    expect(atBound / SEATINGS).toBeGreaterThan(0.95)
    // At the third station, a few pairs at most meet again: far fewer than by lot.
    expect(third / SEATINGS).toBeLessThan(8)
    expect(third).toBeLessThan(randomThird / 2)
  })

  it('after a balanced first station, nobody sits with a table-mate again at the second', () => {
    const people = PEOPLE.map((id, i) => ({ id, visited: [TABLES[i % 6]!], placed: null }))
    const groups = TABLES.map((t) => people.filter((p) => p.visited[0] === t).map((p) => p.id))
    for (const seed of seeds) {
      const suggested = suggestRotation({ tables: TABLES, people, groups, maxPerTable: null, seed })
      expect(repeatedPairs(suggested, groups), `seed ${seed}`).toBe(0)
    }
  })
})

/** Fewest pairs that must share a table when `n` people spread over `tables` tables. */
function forcedPairs(n: number, tables: number): number {
  const base = Math.floor(n / tables)
  const extra = n % tables
  const pairs = (k: number) => (k * (k - 1)) / 2
  return extra * pairs(base + 1) + (tables - extra) * pairs(base)
}

describe('rotation suggestions, single cases', () => {
  it.each<[string, RotationPerson[], Record<string, string>]>([
    ['one guest moves to the next unvisited table', [{ id: 'a', visited: ['t1'], placed: null }], { a: 't2' }],
    ['a host stays and is not suggested anything', [{ id: 'h', visited: ['t1'], placed: 't1' }, { id: 'a', visited: ['t1'], placed: null }], { a: 't2' }],
    ['the two guests of one table go to different tables', [{ id: 'a', visited: ['t1'], placed: null }, { id: 'b', visited: ['t1'], placed: null }], { a: 't2', b: 't3' }],
  ])('%s', (_sentence, people, expected) => {
    const groups = [people.filter((p) => p.visited[0] === 't1').map((p) => p.id)]
    const suggested = suggestRotation({ tables: ['t1', 't2', 't3'], people, groups, maxPerTable: null, seed: 1 })
    expect(Object.fromEntries([...suggested].sort())).toEqual(Object.fromEntries(Object.entries(expected).sort()))
  })

  it('gives the same suggestions for the same inputs and seed', () => {
    expect([...day(9)[1]!.suggested]).toEqual([...day(9)[1]!.suggested])
  })

  it('sends the people over the maximum to the least full tables when the room is too small', () => {
    const people = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, visited: ['t1'], placed: null }))
    const suggested = suggestRotation({ tables: ['t1', 't2', 't3'], people, groups: [], maxPerTable: 2, seed: 3 })
    const count = (t: string) => [...suggested.values()].filter((x) => x === t).length
    expect([count('t1'), count('t2'), count('t3')].sort()).toEqual([2, 2, 3])
  })
})
