import { describe, expect, it } from 'vitest'
import { groupsOf, groupsStrandedBy, possibleGroupIds } from './groups.js'
import type { TreeMethod } from './tree-method.schema.js'

const maxTwo: TreeMethod = { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: 2 }
const whole: TreeMethod = { ...maxTwo, maxGroupSize: null }

describe('the groups in use', () => {
  it('keep group C when group B has nobody (B emptied, or was never listed)', () => {
    expect(groupsOf(maxTwo, { 'kleiner-landkreis-c': 1 }).map((g) => g.id)).toEqual(['kleiner-landkreis-a', 'kleiner-landkreis-c', 'grosser-landkreis-a'])
  })
  it('may be any of A to Z of a value with a maximum, one per value without', () => {
    expect(possibleGroupIds(maxTwo)).toHaveLength(52)
    expect(possibleGroupIds(maxTwo).at(25)).toBe('kleiner-landkreis-z')
    expect(possibleGroupIds(whole)).toEqual(['kleiner-landkreis', 'grosser-landkreis'])
  })
})

describe('a new setup of the tree method', () => {
  it.each<[string, TreeMethod, string[], string[]]>([
    ['nothing in use: any setup', whole, [], []],
    ['a maximum removed: the split groups would vanish', whole, ['kleiner-landkreis-a', 'kleiner-landkreis-c'], ['kleiner-landkreis-a', 'kleiner-landkreis-c']],
    ['a maximum set: the whole groups would vanish', maxTwo, ['grosser-landkreis'], ['grosser-landkreis']],
    ['another maximum: the letters stay', { ...maxTwo, maxGroupSize: 5 }, ['kleiner-landkreis-a', 'kleiner-landkreis-c'], []],
    ['a value added', { ...maxTwo, values: [...maxTwo.values, 'Stadt'] }, ['kleiner-landkreis-a', 'grosser-landkreis-b'], []],
    ['a value in use taken out', { ...maxTwo, values: ['kleiner Landkreis'] }, ['kleiner-landkreis-a', 'grosser-landkreis-b'], ['grosser-landkreis-b']],
    ['a value nobody uses taken out', { ...maxTwo, values: ['kleiner Landkreis'] }, ['kleiner-landkreis-a'], []],
  ])('%s', (_name, next, inUse, stranded) => {
    expect(groupsStrandedBy(next, inUse)).toEqual(stranded)
  })
})
