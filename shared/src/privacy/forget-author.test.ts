import { describe, expect, it } from 'vitest'
import type { DocView } from '../kinds/doc-kind.js'
import { forgetRecordsOf, forgetTreeNodesOf } from './forget-author.js'

const view = (roots: Record<string, Record<string, unknown>>): DocView => ({
  get: (root, key) => roots[root]?.[key],
  forEach: (root, fn) => Object.entries(roots[root] ?? {}).forEach(([k, v]) => fn(v, k)),
})

describe('Meine Beiträge löschen', () => {
  it('deletes every card of the participant and no one else’s', () => {
    const doc = view({ cards: { a: { authorId: 'anna', authorName: 'Anna' }, b: { authorId: 'bernd' }, c: { authorId: 'anna' } } })
    expect(forgetRecordsOf('cards')(doc, 'anna')).toEqual([
      { root: 'cards', key: 'a', value: undefined },
      { root: 'cards', key: 'c', value: undefined },
    ])
    expect(forgetRecordsOf('cards')(doc, 'nobody')).toEqual([])
  })

  it('deletes the participant’s tree nodes, keeping without author the ones others built on', () => {
    const doc = view({
      nodes: {
        K: { parentId: null, authorId: null },
        A1: { parentId: 'K', authorId: 'anna', text: 'Ursache' },
        A2: { parentId: 'A1', authorId: 'anna', text: 'Unter-Ursache' },
        B1: { parentId: 'A2', authorId: 'bernd', text: 'Folge von Bernd' },
        A3: { parentId: 'K', authorId: 'anna', text: 'Blatt' },
      },
    })
    expect(forgetTreeNodesOf('nodes')(doc, 'anna')).toEqual([
      { root: 'nodes', key: 'A1', value: { parentId: 'K', authorId: null, text: 'Ursache' } },
      { root: 'nodes', key: 'A2', value: { parentId: 'A1', authorId: null, text: 'Unter-Ursache' } },
      { root: 'nodes', key: 'A3', value: undefined },
    ])
  })
})
