import { describe, expect, it } from 'vitest'
import { readTreeRecords } from './read-tree.js'
import { BOX, type TreeLayout, estimatedTextSize, layoutTree, layoutTreeToFit, subtreeBounds } from './tree-layout.js'
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

  /** A Bremen-sized tree: four causes with two, three, one and no causes below them; four effects, one with one below. */
  const bremen = readTreeRecords([
    node('core', 'core', null),
    ...[0, 1, 2, 3].map((i) => node(`c${i}`, 'cause', 'core', { order: i })),
    ...[0, 1].map((k) => node(`c0k${k}`, 'cause', 'c0', { order: k })),
    ...[0, 1, 2].map((k) => node(`c1k${k}`, 'cause', 'c1', { order: k })),
    node('c2k0', 'cause', 'c2'),
    ...[0, 1, 2, 3].map((i) => node(`e${i}`, 'effect', 'core', { order: i })),
    node('e1k0', 'effect', 'e1'),
  ])
  const scaleIn = (l: TreeLayout, w: number, h: number) => Math.min(w / (l.bounds.maxX - l.bounds.minX), h / (l.bounds.maxY - l.bounds.minY))
  const overlaps = (l: TreeLayout) =>
    l.nodes.some((a, i) => l.nodes.some((b, k) => k > i && Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < l.boxHeight))

  /** The smallest text on a screen of `w` × `h` (each box's estimated size, scaled). */
  const smallestText = (l: TreeLayout, w: number, h: number) => scaleIn(l, w, h) * Math.min(...l.nodes.map((p) => estimatedTextSize(p.node, p.width, l.boxHeight)))

  it('on a wide projector uses the width and shows the smallest text larger than the stacked page layout', () => {
    const wide = layoutTreeToFit(bremen, 'problem', { width: 1888, height: 900 })
    const stacked = layoutTree(bremen, 'problem')
    expect(smallestText(wide, 1888, 900)).toBeGreaterThan(1.15 * smallestText(stacked, 1888, 900))
    expect(overlaps(wide)).toBe(false)
    const { minX, maxX, minY, maxY } = wide.bounds
    expect((maxX - minX) / (maxY - minY)).toBeGreaterThan(1.2)
  })

  it('gives a tree of few boxes side by side and many rows wider, lower boxes: its longest texts are larger on a wide screen', () => {
    const long = 'Netzwerkarbeit ist nicht in der Stellenbeschreibung verankert'
    const narrow = readTreeRecords([
      node('core', 'core', null, { text: 'Kooperation mit externen Akteuren bleibt punktuell und personenabhängig' }),
      node('c1', 'cause', 'core', { order: 0, text: 'Kaum Zeitressourcen für Netzwerkarbeit' }),
      node('c2', 'cause', 'core', { order: 1, text: 'Absprachen sind unverbindlich' }),
      node('c11', 'cause', 'c1', { text: long }),
      node('c21', 'cause', 'c2', { text: 'Keine Übersicht, welche Akteure es überhaupt gibt' }),
      node('e1', 'effect', 'core', { order: 0, text: 'Doppelstrukturen und Parallelangebote' }),
      node('e2', 'effect', 'core', { order: 1, text: 'Neuzugewanderte fallen durch das Raster' }),
      node('e21', 'effect', 'e2', { text: 'Bildungsabbrüche bei jungen Geflüchteten' }),
    ])
    const fit = layoutTreeToFit(narrow, 'problem', { width: 1888, height: 900 })
    expect(fit.boxWidth).toBeGreaterThan(BOX.width)
    expect(overlaps(fit)).toBe(false)
    for (const stackFrom of [1, 3, Number.POSITIVE_INFINITY]) expect(smallestText(fit, 1888, 900)).toBeGreaterThan(1.05 * smallestText(layoutTree(narrow, 'problem', stackFrom), 1888, 900))
    // A short text still gets the largest size a box offers; a long one steps down.
    expect(estimatedTextSize(node('s', 'cause', null, { text: 'Sprache' }), BOX.width, BOX.height)).toBe(28)
    expect(estimatedTextSize(node('l', 'cause', null, { text: long }), BOX.width, BOX.height)).toBeLessThan(20)
  })

  it('on a tall screen keeps them stacked, as the exported pictures are', () => {
    const tall = layoutTreeToFit(bremen, 'problem', { width: 800, height: 1400 })
    expect(tall.nodes.map((p) => [p.x, p.y])).toEqual(layoutTree(bremen, 'problem').nodes.map((p) => [p.x, p.y]))
    expect(overlaps(tall)).toBe(false)
  })

  it('gives the core problem a box two boxes wide, inside the bounds', () => {
    const l = layoutTree(bremen, 'problem')
    const core = l.nodes.find((p) => p.node.kind === 'core')!
    expect(core.width).toBe(2 * BOX.width + BOX.gapX)
    expect(l.bounds.minX).toBeLessThanOrEqual(core.x - core.width / 2)
    const alone = layoutTree(readTreeRecords([node('core', 'core', null)]), 'problem')
    expect(alone.bounds.maxX - alone.bounds.minX).toBe(2 * BOX.width + BOX.gapX)
  })

  it("sets a neighbour's deeper boxes beside a stacked column, not on it, however the leaves are stacked", () => {
    // A cause whose causes go one level further in the middle, beside a cause with leaves only (a walk's tree).
    const view = readTreeRecords([
      node('core', 'core', null),
      node('c1', 'cause', 'core', { order: 0 }),
      ...[0, 1, 2].map((k) => node(`c1k${k}`, 'cause', 'c1', { order: k })),
      node('c1k1x', 'cause', 'c1k1'),
      node('c2', 'cause', 'core', { order: 1 }),
      ...[0, 1, 2, 3].map((k) => node(`c2k${k}`, 'cause', 'c2', { order: k })),
      node('c3', 'cause', 'core', { order: 2 }),
      ...[0, 1].map((k) => node(`e${k}`, 'effect', 'core', { order: k })),
      ...[0, 1, 2].map((k) => node(`e0k${k}`, 'effect', 'e0', { order: k })),
      node('e1k0', 'effect', 'e1'),
      node('e1k0x', 'effect', 'e1k0'),
    ])
    for (const stackFrom of [1, 3, Number.POSITIVE_INFINITY]) {
      for (const [width, height] of [[BOX.width, BOX.height], [360, 72]] as const) {
        const l = layoutTree(view, 'problem', stackFrom, height, width)
        expect(l.nodes).toHaveLength(19)
        expect(overlaps(l)).toBe(false)
      }
    }
    for (const area of [{ width: 1888, height: 900 }, { width: 1248, height: 560 }, { width: 800, height: 1400 }]) expect(overlaps(layoutTreeToFit(view, 'problem', area))).toBe(false)
  })

  it('puts nodes that hang nowhere in a row below a deep stacked column, not across it', () => {
    const view = readTreeRecords([
      node('core', 'core', null),
      node('c1', 'cause', 'core'),
      ...[0, 1, 2].map((k) => node(`c1k${k}`, 'cause', 'c1', { order: k })),
      node('core2', 'core', null, { order: 5 }),
    ])
    const l = layoutTree(view, 'problem')
    expect(l.nodes).toHaveLength(6)
    expect(overlaps(l)).toBe(false)
  })
})

