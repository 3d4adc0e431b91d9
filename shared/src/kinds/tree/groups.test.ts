import { describe, expect, it } from 'vitest'
import { findGroup, groupsOf, placeInGroup } from './groups.js'
import { type TreeMethod, treeMethodSchema } from './tree-method.schema.js'

const byDefault: TreeMethod = treeMethodSchema.parse({})
const maxTwo: TreeMethod = { ...byDefault, maxGroupSize: 2 }

describe('the tree method’s settings', () => {
  it('default to groups by Kommunengröße with the values of the Bremen day', () => {
    expect(byDefault).toEqual({
      attribute: 'Kommunengröße',
      values: ['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt'],
      maxGroupSize: null,
    })
  })
  it('refuse two values that would make the same group', () => {
    expect(treeMethodSchema.safeParse({ values: ['Großer Landkreis', 'großer landkreis'] }).success).toBe(false)
  })
})

describe('placing a participant in a group', () => {
  it.each<[string, TreeMethod, string, Record<string, number>, string | null]>([
    ['without a maximum, everyone of a value in one group', byDefault, 'großer Landkreis', { 'grosser-landkreis': 40 }, 'grosser-landkreis'],
    ['a value the method does not have', byDefault, 'Bundesland', {}, null],
    ['with a maximum of 2, the first person in group A', maxTwo, 'kleiner Landkreis', {}, 'kleiner-landkreis-a'],
    ['with a maximum of 2, the second person still in A', maxTwo, 'kleiner Landkreis', { 'kleiner-landkreis-a': 1 }, 'kleiner-landkreis-a'],
    ['with a maximum of 2, the third person in B', maxTwo, 'kleiner Landkreis', { 'kleiner-landkreis-a': 2 }, 'kleiner-landkreis-b'],
    ['with a maximum of 2, a freed place in A is filled first', maxTwo, 'kleiner Landkreis', { 'kleiner-landkreis-a': 1, 'kleiner-landkreis-b': 2 }, 'kleiner-landkreis-a'],
    ['another value is not affected by full groups', maxTwo, 'größere kreisfreie Stadt', { 'kleiner-landkreis-a': 2 }, 'groessere-kreisfreie-stadt-a'],
  ])('%s', (_name, method, value, counts, expected) => {
    expect(placeInGroup(method, value, counts)).toBe(expected)
  })

  it('reads group ids back to their value and letter, and lists the groups in use', () => {
    expect(findGroup(byDefault, 'mittelgrosser-landkreis')).toEqual({ id: 'mittelgrosser-landkreis', value: 'mittelgroßer Landkreis', letter: null })
    expect(findGroup(maxTwo, 'kleiner-landkreis-b')).toEqual({ id: 'kleiner-landkreis-b', value: 'kleiner Landkreis', letter: 'B' })
    expect(findGroup(maxTwo, 'kleiner-landkreis')).toBeNull()
    expect(findGroup(byDefault, 'atlantis')).toBeNull()
    expect(groupsOf(maxTwo, { 'kleiner-landkreis-b': 1 }).map((g) => g.id)).toEqual([
      'kleiner-landkreis-a',
      'kleiner-landkreis-b',
      'mittelgrosser-landkreis-a',
      'grosser-landkreis-a',
      'groessere-kreisfreie-stadt-a',
    ])
  })
})
