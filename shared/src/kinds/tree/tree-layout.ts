import { type HierarchyPointNode, hierarchy, tree } from 'd3-hierarchy'
import type { TreeItem, TreeView } from './read-tree.js'
import { TREE_KINDS, type TreeNode, type TreePhase } from './tree-node.schema.js'

/** One placed box of the diagram (centre coordinates, in diagram units). */
export interface PlacedNode {
  node: TreeNode
  number: string
  x: number
  y: number
}

/** A line from a parent to a child: through `points` (diagram units). */
export interface PlacedLink {
  from: PlacedNode
  to: PlacedNode
  points: Array<[number, number]>
}

/** The diagram: boxes, parent → child lines, and the bounds to fit it to a screen. */
export interface TreeLayout {
  nodes: PlacedNode[]
  links: PlacedLink[]
  bounds: { minX: number; maxX: number; minY: number; maxY: number }
}

/** Box size and gaps of the diagram, in diagram units (the screen scales the whole to fit). */
export const BOX = { width: 220, height: 112, gapX: 16, gapY: 48, stackGap: 10, indent: 18 } as const

/**
 * Lays out a tree for the projector with d3-hierarchy: the core problem (or goal) in the middle,
 * causes (means) below it and effects (ends) above it, each side a tidy tree growing away from the
 * core. Leaves under one parent are stacked in a column below it rather than spread side by side,
 * so a tree of 40 nodes stays narrow enough to be read on a 16:9 screen. Nodes without a core are
 * laid out as a row of their own below.
 */
export function layoutTree(view: TreeView, phase: TreePhase): TreeLayout {
  const nodes: PlacedNode[] = []
  const links: TreeLayout['links'] = []
  const kinds = TREE_KINDS[phase]
  const core = view.core
  if (core) {
    const coreBox: PlacedNode = { node: core.node, number: core.number, x: 0, y: 0 }
    nodes.push(coreBox)
    placeSide(core, (c) => c.node.kind === kinds.below, 1, coreBox, nodes, links)
    placeSide(core, (c) => c.node.kind === kinds.above, -1, coreBox, nodes, links)
  }
  view.loose.forEach((item, i) => {
    const root: TreeItem = { ...item }
    const box: PlacedNode = { node: root.node, number: root.number, x: i * (BOX.width + BOX.gapX), y: (core ? 3 : 0) * (BOX.height + BOX.gapY) }
    nodes.push(box)
  })
  const xs = nodes.map((n) => n.x)
  const ys = nodes.map((n) => n.y)
  const bounds =
    nodes.length === 0
      ? { minX: 0, maxX: 0, minY: 0, maxY: 0 }
      : { minX: Math.min(...xs) - BOX.width / 2, maxX: Math.max(...xs) + BOX.width / 2, minY: Math.min(...ys) - BOX.height / 2, maxY: Math.max(...ys) + BOX.height / 2 }
  return { nodes, links, bounds }
}

/** Lays out one side of the core (its children passing `keep`, with their sub-trees) growing in `direction`. */
function placeSide(core: TreeItem, keep: (child: TreeItem) => boolean, direction: 1 | -1, coreBox: PlacedNode, nodes: PlacedNode[], links: TreeLayout['links']): void {
  const side: TreeItem = { ...core, children: core.children.filter(keep) }
  if (side.children.length === 0) return
  // Children that are all leaves become a stacked column: d3 lays out their parent as a leaf.
  const stacked = (d: TreeItem) => d !== side && d.children.length > 0 && d.children.every((c) => c.children.length === 0)
  const root = tree<TreeItem>()
    .nodeSize([BOX.width + BOX.gapX, BOX.height + BOX.gapY])
    .separation(() => 1)(hierarchy(side, (d) => (stacked(d) ? [] : d.children)))
  const placed = new Map<HierarchyPointNode<TreeItem>, PlacedNode>()
  root.each((p) => {
    if (p === root) return placed.set(p, coreBox)
    const box: PlacedNode = { node: p.data.node, number: p.data.number, x: p.x - root.x, y: direction * p.y }
    placed.set(p, box)
    nodes.push(box)
    if (p.parent) links.push(straight(placed.get(p.parent)!, box))
    if (!stacked(p.data)) return
    p.data.children.forEach((child, k) => {
      const step = BOX.height + BOX.stackGap
      const leaf: PlacedNode = { node: child.node, number: child.number, x: box.x + BOX.indent, y: box.y + direction * (BOX.height + BOX.gapY / 2 + k * step) }
      nodes.push(leaf)
      const rail = box.x - BOX.width / 2 + BOX.indent / 2
      links.push({ from: box, to: leaf, points: [[rail, box.y], [rail, leaf.y], [leaf.x - BOX.width / 2, leaf.y]] })
    })
  })
}

/** A straight line between the centres of two boxes. */
function straight(from: PlacedNode, to: PlacedNode): PlacedLink {
  return { from, to, points: [[from.x, from.y], [to.x, to.y]] }
}

/** The bounds of a node's sub-tree in a layout (the node and everything below it), to zoom to. */
export function subtreeBounds(layout: TreeLayout, nodeId: string): TreeLayout['bounds'] | null {
  const children = new Map<string, string[]>()
  for (const link of layout.links) children.set(link.from.node.id, [...(children.get(link.from.node.id) ?? []), link.to.node.id])
  const byId = new Map(layout.nodes.map((p) => [p.node.id, p]))
  const root = byId.get(nodeId)
  if (!root) return null
  // The core's sub-tree is the whole tree; any other node's children lie on one side of it.
  const within: PlacedNode[] = []
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    const p = byId.get(id)
    if (p) within.push(p)
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(nodeId)
  const xs = within.map((p) => p.x)
  const ys = within.map((p) => p.y)
  return { minX: Math.min(...xs) - BOX.width / 2, maxX: Math.max(...xs) + BOX.width / 2, minY: Math.min(...ys) - BOX.height / 2, maxY: Math.max(...ys) + BOX.height / 2 }
}
