import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { flattenTree, readTree, readTreeRecords } from './read-tree.js'
import { TREE_NODES_ROOT, type TreeNode } from './tree-node.schema.js'
import { TREE_DEPTH_MAX, TreeProblem, atDepthLimit, findTreeProblem } from './tree-rules.js'
import { node, pad, treeOf } from './tree-test-nodes.js'

/** The outline as "number text" lines, what a screen would list. */
const outline = (doc: Y.Doc) => flattenTree(readTree(doc)).map((i) => `${i.number} ${i.node.text}`)

function docWith(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}

/** Two replicas of one tree, synced once; then each changes on its own. */
function twoReplicas(nodes: TreeNode[]): [Y.Doc, Y.Doc] {
  const a = docWith(1)
  a.transact(() => nodes.forEach((n) => a.getMap(TREE_NODES_ROOT).set(n.id, n)))
  const b = docWith(2)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

/** A third doc that received `first`'s state, then `second`'s. */
function merged(first: Y.Doc, second: Y.Doc): Y.Doc {
  const out = new Y.Doc()
  Y.applyUpdate(out, Y.encodeStateAsUpdate(first))
  Y.applyUpdate(out, Y.encodeStateAsUpdate(second))
  return out
}

const base = [
  node('K', 'core', null, { text: 'Kooperation gelingt nicht' }),
  node('C1', 'cause', 'K', { text: 'Keine Zeit', order: 1 }),
  node('C2', 'cause', 'K', { text: 'Kein Geld', order: 2 }),
  node('C3', 'cause', 'C2', { text: 'Haushalt knapp' }),
  node('E1', 'effect', 'K', { text: 'Angebote doppelt', order: 3 }),
]

describe('the read model of a tree', () => {
  it('numbers the outline: the core, then its children in order, depth-first', () => {
    const [a] = twoReplicas(base)
    expect(outline(a)).toEqual(['1 Kooperation gelingt nicht', '1.1 Keine Zeit', '1.2 Kein Geld', '1.2.1 Haushalt knapp', '1.1 Angebote doppelt'])
  })

  it('skips records that fail the schema and shows nodes without a core at the top', () => {
    const view = readTreeRecords([{ id: 'x' }, node('C1', 'cause', 'GONE', { text: 'Allein' })])
    expect(view.core).toBeNull()
    expect(view.loose.map((i) => i.node.text)).toEqual(['Allein'])
    expect(view.replaced.has(pad('C1'))).toBe(true)
  })
})

describe('two people moving one node at the same time', () => {
  it('end with the same tree on both docs, whichever update arrives first', () => {
    const [a, b] = twoReplicas(base)
    a.getMap(TREE_NODES_ROOT).set(pad('C1'), node('C1', 'cause', 'C2', { text: 'Keine Zeit', order: 0 }))
    b.getMap(TREE_NODES_ROOT).set(pad('C1'), node('C1', 'cause', 'C3', { text: 'Keine Zeit', order: 0 }))
    const ab = merged(a, b)
    const ba = merged(b, a)
    expect(outline(ab)).toEqual(outline(ba))
    // Last writer wins per node: the node sits under exactly one of the two new parents.
    const parent = readTree(ab).byId.get(pad('C1'))!.parentId
    expect([pad('C2'), pad('C3')]).toContain(parent)
    expect(findTreeProblem('problem', readTree(ab).byId)).toBeNull()
  })

  it('still show a tree when the merged moves make a loop: the loop’s smallest id is shown under the core', () => {
    const [a, b] = twoReplicas(base)
    // Here C1 goes under C2; there C2 goes under C1. Each alone is a tree; merged they loop.
    a.getMap(TREE_NODES_ROOT).set(pad('C1'), node('C1', 'cause', 'C2', { text: 'Keine Zeit', order: 1 }))
    b.getMap(TREE_NODES_ROOT).set(pad('C2'), node('C2', 'cause', 'C1', { text: 'Kein Geld', order: 2 }))
    const ab = merged(a, b)
    const ba = merged(b, a)
    expect(findTreeProblem('problem', treeOf(...(readTree(ab).byId.values())))).toBe('CYCLE')
    const expected = ['1 Kooperation gelingt nicht', '1.1 Keine Zeit', '1.1.1 Kein Geld', '1.1.1.1 Haushalt knapp', '1.1 Angebote doppelt']
    expect(outline(ab)).toEqual(expected)
    expect(outline(ba)).toEqual(expected)
    expect(readTree(ab).replaced).toEqual(new Set([pad('C1')]))
  })

  it('lists the causes before the effects under one parent, whatever order they were written in, and numbers each kind on its own', () => {
    const view = readTreeRecords([
      node('K', 'core', null, { text: 'Kooperation stockt' }),
      node('E1', 'effect', 'K', { text: 'Angebote doppelt', order: 1 }),
      node('C1', 'cause', 'K', { text: 'Keine Zeit', order: 2 }),
      node('E2', 'effect', 'K', { text: 'Ehrenamt zieht sich zurück', order: 3 }),
      node('C2', 'cause', 'K', { text: 'Kein Geld', order: 4 }),
    ])
    expect(flattenTree(view).map((i) => `${i.number} ${i.node.text}`)).toEqual(['1 Kooperation stockt', '1.1 Keine Zeit', '1.2 Kein Geld', '1.1 Angebote doppelt', '1.2 Ehrenamt zieht sich zurück'])
  })

  it('keeps the effects’ numbers when a cause is added (people point at them while the group writes)', () => {
    const records = [node('K', 'core', null, { text: 'Kooperation stockt' }), node('C1', 'cause', 'K', { text: 'Keine Zeit', order: 1 }), node('E1', 'effect', 'K', { text: 'Angebote doppelt', order: 2 })]
    const numbers = (view: ReturnType<typeof readTreeRecords>) => new Map(flattenTree(view).map((i) => [i.node.text, i.number]))
    const before = numbers(readTreeRecords(records))
    const after = numbers(readTreeRecords([...records, node('C2', 'cause', 'K', { text: 'Kein Geld', order: 3 })]))
    expect(after.get('Angebote doppelt')).toBe(before.get('Angebote doppelt'))
    expect(after.get('Kein Geld')).toBe('1.2')
  })
})


describe('a tree deeper than the rules allow (an old or imported doc)', () => {
  // A chain of causes 3,000 deep: reading it recursed once per level and overflowed the stack.
  const chain = [node('K', 'core', null), ...Array.from({ length: 3000 }, (_, i) => node(`C${i}`, 'cause', i === 0 ? 'K' : `C${i - 1}`))]

  it('is refused as a write', () => {
    expect(findTreeProblem('problem', treeOf(...chain.slice(0, TREE_DEPTH_MAX + 1)))).toBeNull()
    expect(findTreeProblem('problem', treeOf(...chain.slice(0, TREE_DEPTH_MAX + 2)))).toBe(TreeProblem.TOO_DEEP)
    // The deepest node allowed takes nothing more under it; the one above still does.
    const allowed = treeOf(...chain.slice(0, TREE_DEPTH_MAX + 1))
    expect(atDepthLimit(allowed, chain[TREE_DEPTH_MAX]!.id)).toBe(true)
    expect(atDepthLimit(allowed, chain[TREE_DEPTH_MAX - 1]!.id)).toBe(false)
  })

  it('is still read whole, every node at most one level past the limit from the core', () => {
    const items = flattenTree(readTreeRecords(chain))
    expect(items).toHaveLength(3001)
    expect(Math.max(...items.map((i) => i.depth))).toBe(TREE_DEPTH_MAX)
    expect(new Set(items.map((i) => i.node.id)).size).toBe(3001)
  })
})
