import { describe, expect, it } from 'vitest'
import { TREE_LIST_MAX, type TreeNode } from './tree-node.schema.js'
import { keepLostTreeNode } from './tree-versions.js'

const means = (over: Partial<TreeNode> = {}): TreeNode => ({ id: 'mittel01', kind: 'means', parentId: 'ziel0001', order: 1, text: 'Feste Ansprechpersonen', authorId: null, createdAt: 1, ...over })

describe('keepLostTreeNode: two versions of one node written at once', () => {
  it('keeps the entries of both, each once, in the standing version’s order first', () => {
    const standing = means({ measures: ['Sprechstunde', 'Lotsen'], helpers: ['Landratsamt'] })
    const lost = means({ measures: ['Sprechstunde', 'Patenprogramm'], helpers: ['Jobcenter'] })
    expect(keepLostTreeNode(standing, lost)).toEqual(means({ measures: ['Sprechstunde', 'Lotsen', 'Patenprogramm'], helpers: ['Landratsamt', 'Jobcenter'] }))
  })

  it('holds no more entries than a node may have', () => {
    const many = (prefix: string, n = TREE_LIST_MAX) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`)
    expect(keepLostTreeNode(means({ measures: many('Maßnahme', TREE_LIST_MAX - 1) }), means({ measures: many('Idee', 3) }))?.measures).toEqual([...many('Maßnahme', TREE_LIST_MAX - 1), 'Idee 1'])
    expect(keepLostTreeNode(means({ measures: many('Maßnahme') }), means({ measures: many('Idee') }))).toBeNull()
  })

  it('keeps a rewording that lost against a version still carrying the problem’s text', () => {
    const standing = means({ text: 'Keine Ansprechpersonen', placeholder: true, measures: ['Sprechstunde'] })
    const lost = means({ text: 'Feste Ansprechpersonen sind benannt', placeholder: false })
    expect(keepLostTreeNode(standing, lost)).toEqual(means({ text: 'Feste Ansprechpersonen sind benannt', placeholder: false, measures: ['Sprechstunde'] }))
  })

  it('leaves two rewordings, the place in the tree and the scope as the standing version has them', () => {
    const standing = means({ text: 'Erste Fassung', placeholder: false, inScope: true })
    expect(keepLostTreeNode(standing, means({ text: 'Zweite Fassung', placeholder: false, parentId: 'anderes1', inScope: false }))).toBeNull()
    expect(keepLostTreeNode(means({ placeholder: true }), means({ text: 'Keine Ansprechpersonen', placeholder: true }))).toBeNull()
  })

  it('keeps nothing of a version of another node or of no valid node', () => {
    expect(keepLostTreeNode(means(), means({ id: 'mittel02', measures: ['Lotsen'] }))).toBeNull()
    expect(keepLostTreeNode(means(), { id: 'mittel01', text: '' })).toBeNull()
    expect(keepLostTreeNode('kaputt', means({ measures: ['Lotsen'] }))).toBeNull()
  })
})
