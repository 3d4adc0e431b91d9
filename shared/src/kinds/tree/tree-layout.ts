import { type HierarchyPointNode, hierarchy, tree } from 'd3-hierarchy'
import type { TreeItem, TreeView } from './read-tree.js'
import { TREE_KINDS, type TreeNode, type TreePhase } from './tree-node.schema.js'

/** One placed box of the diagram (centre coordinates and width, in diagram units). */
export interface PlacedNode {
  node: TreeNode
  number: string
  x: number
  y: number
  width: number
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
  /** From how many leaves under one parent they are stacked (see `layoutTree`): another value is another picture. */
  stackFrom: number
  /** The height of every box (BOX.height, or taller where a picture shows long texts whole). */
  boxHeight: number
  /** The width of every box but the core's (BOX.width, or wider and lower on a wide screen, see `layoutTreeToFit`). */
  boxWidth: number
  /** The gap between rows (BOX.gapY, or less where a low screen needs the room for lines of text). */
  gapY: number
}

/** Box size and gaps of the diagram, in diagram units (the screen scales the whole to fit). */
export const BOX = { width: 220, height: 112, gapX: 16, gapY: 48, stackGap: 10, indent: 18 } as const
/** The core problem (or goal) stands alone in its row and has room for a sentence: two boxes wide. */
export const CORE_WIDTH = 2 * BOX.width + BOX.gapX

/**
 * Lays out a tree for the projector with d3-hierarchy: the core problem (or goal) in the middle,
 * causes (means) below it and effects (ends) above it, each side a tidy tree growing away from the
 * core. Leaves under one parent are stacked in a column below it rather than spread side by side
 * when there are at least `stackFrom` of them (by default always), so a tree of 40 nodes stays
 * narrow enough for a page; `Infinity` spreads every leaf, which suits a wide screen. Nodes without
 * a core are laid out as a row of their own below.
 */
export function layoutTree(view: TreeView, phase: TreePhase, stackFrom = 1, boxHeight: number = BOX.height, boxWidth: number = BOX.width, gapY: number = BOX.gapY): TreeLayout {
  const nodes: PlacedNode[] = []
  const links: TreeLayout['links'] = []
  const kinds = TREE_KINDS[phase]
  const core = view.core
  const shape = { boxWidth, boxHeight, gapY }
  if (core) {
    const coreBox: PlacedNode = { node: core.node, number: core.number, x: 0, y: 0, width: 2 * boxWidth + BOX.gapX }
    nodes.push(coreBox)
    placeSide(core, (c) => c.node.kind === kinds.below, 1, coreBox, nodes, links, stackFrom, shape)
    placeSide(core, (c) => c.node.kind === kinds.above, -1, coreBox, nodes, links, stackFrom, shape)
  }
  // Nodes that hang nowhere: a row below everything else (a stacked column may reach far down).
  const looseY = core ? Math.max(2 * (boxHeight + gapY), ...nodes.map((n) => n.y)) + boxHeight + gapY : 0
  view.loose.forEach((item, i) => {
    const root: TreeItem = { ...item }
    const box: PlacedNode = { node: root.node, number: root.number, x: i * (boxWidth + BOX.gapX), y: looseY, width: boxWidth }
    nodes.push(box)
  })
  const bounds = nodes.length === 0 ? { minX: 0, maxX: 0, minY: 0, maxY: 0 } : boundsOf(nodes, boxHeight)
  return { nodes, links, bounds, stackFrom, boxHeight, boxWidth, gapY }
}

/**
 * A stacked column's room in d3's layout: a chain of slots under its parent, one per row the column
 * reaches into, so a neighbouring sub-tree's deeper boxes are set beside the column, not on it.
 */
interface ColumnSlot {
  slot: number
}
type Laid = TreeItem | ColumnSlot
const isSlot = (d: Laid): d is ColumnSlot => 'slot' in d

/** Lays out one side of the core (its children passing `keep`, with their sub-trees) growing in `direction`. */
function placeSide(core: TreeItem, keep: (child: TreeItem) => boolean, direction: 1 | -1, coreBox: PlacedNode, nodes: PlacedNode[], links: TreeLayout['links'], stackFrom: number, shape: { boxWidth: number; boxHeight: number; gapY: number }): void {
  const { boxWidth, boxHeight, gapY } = shape
  const side: TreeItem = { ...core, children: core.children.filter(keep) }
  if (side.children.length === 0) return
  // Children that are all leaves (enough of them) become a stacked column: d3 lays out their parent
  // with a chain of slots for the rows the column reaches into.
  const stacked = (d: TreeItem) => d !== side && d.children.length >= Math.max(1, stackFrom) && d.children.every((c) => c.children.length === 0)
  const step = boxHeight + BOX.stackGap
  const row = boxHeight + gapY
  const rowsOf = (leaves: number) => Math.max(1, Math.ceil((boxHeight + gapY / 2 + (leaves - 1) * step + boxHeight) / row) - 1)
  const slotsOf = (d: Laid): Laid[] => {
    if (isSlot(d)) return d.slot > 1 ? [{ slot: d.slot - 1 }] : []
    return stacked(d) ? [{ slot: rowsOf(d.children.length) }] : d.children
  }
  // A column stands indented under its parent: whatever is set beside it keeps the indent's distance too.
  const wider = 1 + BOX.indent / (boxWidth + BOX.gapX)
  const root = tree<Laid>()
    .nodeSize([boxWidth + BOX.gapX, row])
    .separation((a, b) => (isSlot(a.data) || isSlot(b.data) ? wider : 1))(hierarchy<Laid>(side, slotsOf))
  const placed = new Map<HierarchyPointNode<Laid>, PlacedNode>()
  root.each((p) => {
    if (p === root) return placed.set(p, coreBox)
    const item = p.data
    if (isSlot(item)) return
    const box: PlacedNode = { node: item.node, number: item.number, x: p.x - root.x, y: direction * p.y, width: boxWidth }
    placed.set(p, box)
    nodes.push(box)
    if (p.parent) links.push(straight(placed.get(p.parent)!, box))
    if (!stacked(item)) return
    item.children.forEach((child, k) => {
      const leaf: PlacedNode = { node: child.node, number: child.number, x: box.x + BOX.indent, y: box.y + direction * (boxHeight + gapY / 2 + k * step), width: boxWidth }
      nodes.push(leaf)
      const rail = box.x - boxWidth / 2 + BOX.indent / 2
      links.push({ from: box, to: leaf, points: [[rail, box.y], [rail, leaf.y], [leaf.x - boxWidth / 2, leaf.y]] })
    })
  })
}

/**
 * The gap between rows a layout tries where its texts stand at the screen's smallest size: 28
 * diagram units, and on the screen at least 10 units of it (CSS pixels), so a line's elbow between
 * two rows still shows.
 */
const LOW_GAP_Y = { units: 28, screen: 10 } as const
/** How leaves are stacked in the layouts a screen chooses from: always, from three under one parent, never. */
const STACKINGS = [1, 3, Number.POSITIVE_INFINITY]
/**
 * Box shapes a screen chooses from: the pictures' own; wider, lower ones for a tree of few boxes side
 * by side and many rows, which a wide screen would otherwise show in its middle third; and taller
 * ones, which keep two or three lines of a text at the projector's smallest size where a low
 * screen would leave one.
 */
const SHAPES = [
  { width: BOX.width, height: BOX.height },
  { width: 290, height: 86 },
  { width: 360, height: 72 },
  { width: BOX.width, height: 150 },
  { width: 290, height: 120 },
  { width: 360, height: 104 },
  { width: 300, height: 170 },
  { width: 380, height: 190 },
  { width: 440, height: 160 },
  { width: 440, height: 230 },
  { width: 560, height: 200 },
  { width: 520, height: 280 },
  { width: 620, height: 180 },
  { width: 700, height: 210 },
  { width: 820, height: 240 },
  { width: 760, height: 250 },
  { width: 900, height: 290 },
  { width: 1000, height: 270 },
]

/**
 * Text sizes a box of the diagram tries, largest first, in diagram units, to choose a layout (the
 * screen measures, see the projector's fit-box-text.ts): fine steps down to sizes no screen shows,
 * so that layouts too small for the projector's smallest size still compare by how much room their
 * texts get.
 */
export const BOX_TEXT_SIZES: readonly number[] = Array.from({ length: 25 }, (_, i) => 28 - i)
/** Characters of a box's marks (as the projector words them in German, about): in scope, still in the problem's words, measures, helpers. */
const MARK_CHARS = { inScope: 9, placeholder: 20, measures: 12, helpers: 12, separator: 3 } as const
/** The kind line and the marks, per unit of the box's text size (the projector's CSS sets them in em). */
export const BOX_SECOND_LINE = 0.8
/** A box's text area as the screen sets it: padding, line height, a glyph's mean width (per unit of size). */
const TEXT_BOX = { padX: 20, padY: 12, lineHeight: 1.15, glyph: 0.56 } as const
/** Share of a tree's boxes whose text may be cut ("…") at the size the tree's texts share: the longest fifth. */
const CUT_SHARE = 0.2

/** Lines of `text` wrapped at words into lines of `perLine` characters (a longer word breaks at syllables, here anywhere). */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length
    if (used > 0 && used + 1 + length <= perLine) used += 1 + length
    else if (used === 0 && length <= perLine) used = length
    else {
      lines += used === 0 ? 0 : 1
      lines += Math.ceil(length / perLine) - 1
      used = length % perLine || perLine
    }
  }
  return lines
}

/**
 * The lines a node's text takes at `size` in a box `width` units wide, and the lines the box has room
 * for under its kind line and above its marks (an estimate). A text that does not fit so gets the
 * marks' lines too: its marks move up beside the kind line (the projector's tree.css). Those two
 * lines are BOX_SECOND_LINE of `size`, never below `minSecond` (the screen's floor for them).
 */
function textLines(node: TreeNode, width: number, height: number, size: number, minSecond = 0): { needed: number; room: number } {
  const marks: number[] = []
  if (node.inScope) marks.push(MARK_CHARS.inScope)
  if (node.placeholder) marks.push(MARK_CHARS.placeholder)
  if (node.measures?.length) marks.push(MARK_CHARS.measures)
  if (node.helpers?.length) marks.push(MARK_CHARS.helpers)
  const markChars = marks.reduce((sum, n) => sum + n, 0) + MARK_CHARS.separator * Math.max(0, marks.length - 1)
  const second = Math.max(BOX_SECOND_LINE * size, minSecond)
  const perLine = Math.max(1, Math.floor((width - TEXT_BOX.padX) / (TEXT_BOX.glyph * size)))
  const markLines = markChars === 0 ? 0 : Math.min(2, Math.ceil(markChars / Math.max(1, Math.floor((width - TEXT_BOX.padX) / (TEXT_BOX.glyph * second)))))
  const roomWith = (marksLines: number) => (height - TEXT_BOX.padY - (1 + marksLines) * second * TEXT_BOX.lineHeight) / (TEXT_BOX.lineHeight * size)
  const needed = wrappedLines(node.text, perLine)
  return { needed, room: needed <= roomWith(markLines) ? roomWith(markLines) : roomWith(0) }
}

/** Whether a node's text shows whole at `size` in a box of `width` × `height` units (an estimate; `minSecond` as in `textLines`). */
export function fitsAt(node: TreeNode, width: number, height: number, size: number, minSecond = 0): boolean {
  const { needed, room } = textLines(node, width, height, size, minSecond)
  return needed <= room
}

/** The text size a node's box of `width` × `height` units shows its text at whole (an estimate; the smallest size when none). */
export function estimatedTextSize(node: TreeNode, width: number, height: number, minSecond = 0): number {
  return BOX_TEXT_SIZES.find((size) => fitsAt(node, width, height, size, minSecond)) ?? BOX_TEXT_SIZES.at(-1)!
}

/**
 * The size, in diagram units, at which a layout's texts show whole but for the longest fifth (those
 * end in "…" at that size): every box of a tree shares one size on the projector.
 */
export function sharedTextSize(layout: TreeLayout, minSecond = 0): number {
  const sizes = layout.nodes.map((p) => estimatedTextSize(p.node, p.width, layout.boxHeight, minSecond)).sort((a, b) => a - b)
  return sizes[Math.floor(sizes.length * CUT_SHARE)] ?? BOX_TEXT_SIZES[0]!
}

/**
 * How much of a layout's texts a screen shows at its smallest size, from 0 to 1: half by the share
 * of entries shown whole, half by the share of each entry's lines its box shows (a text cut to one
 * line of four: a quarter). Whole entries count apart, so a layout that shows more of them whole
 * wins over one that cuts every entry a line short (each ending in "…"). Sizes in diagram units.
 * @internal exported for its table test
 */
export function shownAtFloor(layout: TreeLayout, size: number, minSecond = 0): number {
  if (layout.nodes.length === 0) return 1
  const lines = layout.nodes.map((p) => textLines(p.node, p.width, layout.boxHeight, size, minSecond))
  const whole = lines.filter(({ needed, room }) => needed <= room).length / lines.length
  const share = lines.reduce((sum, { needed, room }) => sum + Math.max(0, Math.min(1, Math.floor(room + 0.05) / needed)), 0) / lines.length
  return (whole + share) / 2
}

/**
 * How large a layout shows its texts at `scale` (screen units per diagram unit): the size they share
 * (`sharedTextSize`) on the screen. Where that falls below `minText`, the smallest size the screen
 * sets, the texts are set at `minText` and the longer ones end in "…": the layout counts by how much
 * of its texts it still shows (`shownAtFloor`; so a lower screen takes taller boxes, not one line
 * per entry). `minSecond` is the screen's smallest kind line and marks, in its units.
 */
function legibility(layout: TreeLayout, scale: number, minText: number, minSecond: number): number {
  const shared = scale * sharedTextSize(layout, minSecond / scale)
  if (shared >= minText || layout.nodes.length === 0) return shared
  return minText * (1 - CUT_SHARE) * shownAtFloor(layout, minText / scale, minSecond / scale)
}

/**
 * The layout that shows the tree's texts largest in an area of `width` × `height` (the screen's
 * units; only the ratio counts without `minText`), with `margin` diagram units around it:
 * `legibility` decides, then the scale. A wide screen gets leaves spread side by side where a tall
 * one gets them stacked, wider, lower boxes where rows and not columns fill it, and taller ones
 * where the texts would fall below the screen's smallest size; there, rows closer together too
 * (LOW_GAP_Y), so the boxes get the gaps' room for lines. Ties keep the pictures' boxes, stacked,
 * as the exported pictures have them. `minSecond` is the screen's smallest kind line and marks
 * (by default BOX_SECOND_LINE of `minText`).
 */
export function layoutTreeToFit(view: TreeView, phase: TreePhase, area: { width: number; height: number }, margin = 0, minText = 0, minSecond = BOX_SECOND_LINE * minText): TreeLayout {
  let best: { layout: TreeLayout; legible: number; scale: number } | null = null
  const scaleOf = ({ bounds: { minX, maxX, minY, maxY } }: TreeLayout) => Math.min(area.width / (maxX - minX + 2 * margin), area.height / (maxY - minY + 2 * margin))
  const consider = (layout: TreeLayout) => {
    const scale = scaleOf(layout)
    const legible = layout.nodes.length === 0 ? scale : legibility(layout, scale, minText, minSecond)
    // At the floor the texts keep their size whatever the scale: only how much of them shows counts (an entry more shown whole is more than a larger picture).
    const step = best && legible < minText && best.legible < minText ? 1.001 : 1.06
    const better = !best || legible > best.legible * step || (legible > best.legible * (2 - step) && scale > best.scale * 1.001)
    if (better) best = { layout, legible, scale }
    return legible
  }
  for (const shape of SHAPES) {
    for (const stackFrom of STACKINGS) {
      const wide = layoutTree(view, phase, stackFrom, shape.height, shape.width)
      // At the floor, the shape with its rows closer together is tried too (above it the pictures keep their gaps).
      if (consider(wide) >= minText) continue
      const gapY = Math.max(LOW_GAP_Y.units, LOW_GAP_Y.screen / scaleOf(wide))
      if (gapY < BOX.gapY) consider(layoutTree(view, phase, stackFrom, shape.height, shape.width, gapY))
    }
  }
  return best!.layout
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
  return boundsOf(within, layout.boxHeight)
}

/** The box around some placed boxes (at least one). */
function boundsOf(boxes: readonly PlacedNode[], boxHeight: number): TreeLayout['bounds'] {
  return {
    minX: Math.min(...boxes.map((p) => p.x - p.width / 2)),
    maxX: Math.max(...boxes.map((p) => p.x + p.width / 2)),
    minY: Math.min(...boxes.map((p) => p.y)) - boxHeight / 2,
    maxY: Math.max(...boxes.map((p) => p.y)) + boxHeight / 2,
  }
}
