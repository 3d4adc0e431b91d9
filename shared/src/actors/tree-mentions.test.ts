import { describe, expect, it } from 'vitest'
import { node } from '../kinds/tree/tree-test-nodes.js'
import { readTreeRecords } from '../kinds/tree/read-tree.js'
import { refreshActorMap } from './actor-map.js'
import { groupOfPlace, placeName, treePlaceId } from './places.js'
import { mentionsOfTree } from './tree-mentions.js'

/** A Bremen solution tree (seed 001): a goal, two means with measures and helpers, an end. */
const tree = readTreeRecords([
  node('goal', 'goal', null, { text: 'Integration vor Ort gelingt' }),
  node('m2', 'means', 'goal', { order: 2, text: 'Sprachkurse ausbauen', measures: ['Kurse am Abend'], helpers: ['VHS', 'Jobcenter Bremen: Frau Meyer'] }),
  node('m1', 'means', 'goal', { order: 1, text: 'Ehrenamt stärken', helpers: ['Sportvereine, Kirchen'] }),
  node('e1', 'end', 'goal', { text: 'Weniger Abbrüche', helpers: ['Jobcenter'] }),
  node('m3', 'means', 'goal', { order: 3, text: 'Ohne Helfer' }),
])

describe('actors named in a solution tree', () => {
  it('reads every "Wer kann helfen?" entry as a mention of the group, with the means it helps with', () => {
    const found = mentionsOfTree('kleiner-landkreis', tree)
    expect(found.map((m) => [m.text, m.measures.map((r) => `${r.n} ${r.text}`)])).toEqual([
      ['Sportvereine', ['1 Ehrenamt stärken']],
      ['Kirchen', ['1 Ehrenamt stärken']],
      ['VHS', ['2 Sprachkurse ausbauen']],
      ['Jobcenter Bremen', ['2 Sprachkurse ausbauen']],
      ['Jobcenter', ['3 Weniger Abbrüche']],
    ])
    expect(new Set(found.map((m) => m.tableId))).toEqual(new Set([treePlaceId('kleiner-landkreis')]))
    expect(found.find((m) => m.text === 'Jobcenter Bremen')?.person).toBe('Frau Meyer')
    expect(found.find((m) => m.text === 'VHS')?.cardId).toBe(node('m2', 'means', null).id)
  })

  it('counts an actor named twice under one means once (a walk saw "Jobcenter – 4 Nennungen" from two groups)', () => {
    const twice = readTreeRecords([node('g', 'goal', null), node('m', 'means', 'g', { text: 'Sprachkurse ausbauen', helpers: ['Jobcenter', 'jobcenter ', 'VHS'] })])
    expect(mentionsOfTree('kleiner-landkreis', twice).map((m) => m.text)).toEqual(['Jobcenter', 'VHS'])
  })

  it('makes actors of them: two groups naming the Jobcenter count as two places', () => {
    const found = [...mentionsOfTree('kleiner-landkreis', tree), ...mentionsOfTree('grosser-landkreis', readTreeRecords([node('g', 'goal', null), node('m', 'means', 'g', { helpers: ['Jobcenter'] })]))]
    const change = refreshActorMap(found, new Map(), new Map())
    const jobcenter = change.put.find((a) => a.name === 'Jobcenter')
    expect(new Set(jobcenter?.mentions.map((m) => m.tableId))).toEqual(new Set([treePlaceId('kleiner-landkreis'), treePlaceId('grosser-landkreis')]))
  })

  it('names a tree place by its group and a table by its name; they never share an id', () => {
    const event = { tables: [{ id: 'kleiner-landkreis', name: 'Tisch kleiner Landkreis', host: '' }], treeMethod: { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: 5 } }
    expect(placeName(event, treePlaceId('grosser-landkreis-b'))).toBe('großer Landkreis B')
    expect(placeName(event, 'kleiner-landkreis')).toBe('Tisch kleiner Landkreis')
    expect(groupOfPlace('kleiner-landkreis')).toBeNull()
    expect(placeName({ tables: [] }, treePlaceId('weg'))).toBe('weg')
  })
})
