import { describe, expect, it } from 'vitest'
import { readTreeRecords } from './read-tree.js'
import { layoutTree, subtreeBounds } from './tree-layout.js'
import { node, pad } from './tree-test-nodes.js'

describe('the diagram layout (projector and exported pictures)', () => {
  const view = readTreeRecords([
    node('core', 'core', null),
    node('c1', 'cause', 'core', { order: 0 }),
    node('c2', 'cause', 'core', { order: 1 }),
    node('c11', 'cause', 'c1'),
    node('e1', 'effect', 'core'),
  ])
  const layout = layoutTree(view, 'problem')
  const at = (id: string) => layout.nodes.find((p) => p.node.id === pad(id))!

  it('draws causes below the core problem and effects above it', () => {
    expect(at('c1').y).toBeGreaterThan(at('core').y)
    expect(at('c11').y).toBeGreaterThan(at('c1').y)
    expect(at('e1').y).toBeLessThan(at('core').y)
    expect(layout.nodes).toHaveLength(5)
  })

  it('zooms to a sub-tree: the bounds of a cause hold it and its causes but not the core', () => {
    const b = subtreeBounds(layout, pad('c1'))!
    expect(b.minY).toBeGreaterThan(at('core').y)
    expect(b.maxY).toBeGreaterThanOrEqual(at('c11').y)
    expect(subtreeBounds(layout, 'missing1')).toBeNull()
  })

  it('keeps a tree of 45 nodes within a 16:9-ish shape, not a ribbon', () => {
    const many = [node('core', 'core', null)]
    for (let i = 0; i < 5; i++) {
      many.push(node(`c${i}`, 'cause', 'core', { order: i }))
      for (let k = 0; k < 4; k++) many.push(node(`c${i}k${k}`, 'cause', `c${i}`, { order: k }))
    }
    for (let i = 0; i < 4; i++) {
      many.push(node(`e${i}`, 'effect', 'core', { order: i }))
      for (let k = 0; k < 3; k++) many.push(node(`e${i}k${k}`, 'effect', `e${i}`, { order: k }))
    }
    const big = layoutTree(readTreeRecords(many), 'problem')
    expect(big.nodes.length).toBeGreaterThanOrEqual(40)
    const { minX, maxX, minY, maxY } = big.bounds
    expect((maxX - minX) / (maxY - minY)).toBeLessThan(3)
  })
})
