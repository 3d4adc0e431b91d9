import type * as Y from 'yjs'
import type { TreeNode, TreeNodeKind } from './tree-node.schema.js'
import { TREE_NODES_ROOT, treeNodeSchema } from './tree-node.schema.js'
import { TREE_DEPTH_MAX } from './tree-rules.js'

/** One node as screens and exports show it: its children in order and its number ("1.2.1"). */
export interface TreeItem {
  node: TreeNode
  /** Position in the outline: "1" for the core, "1.2" for its second child … */
  number: string
  depth: number
  children: TreeItem[]
}

/** A tree as shown: the core (or goal) with everything under it, and nodes that hang nowhere. */
export interface TreeView {
  /** The core problem (or goal) with its sub-tree; null while the group has none. */
  core: TreeItem | null
  /** Top-level nodes besides the core: only while there is no core (then nodes show flat at the top). */
  loose: TreeItem[]
  /** Every valid node, by id. */
  byId: ReadonlyMap<string, TreeNode>
  /** Ids of nodes shown elsewhere than their stored parent (missing parent or a loop from merged moves). */
  replaced: ReadonlySet<string>
}

const bySiblingOrder = (a: TreeNode, b: TreeNode) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
/**
 * Under one parent, causes (means) come before effects (ends). Each kind is numbered on its own
 * ("Ursache 1.1–1.4", "Folge 1.1–1.3"; the kind is always shown with the number), so a new cause does
 * not renumber the effects people are pointing at.
 */
const KIND_RANK: Readonly<Record<TreeNodeKind, number>> = { core: 0, goal: 0, cause: 1, means: 1, effect: 2, end: 2 }
const byKindThenOrder = (a: TreeNode, b: TreeNode) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || bySiblingOrder(a, b)

/**
 * The read model of a tree, from any set of records (a record failing the schema is skipped).
 * The server keeps its copy a tree, but two clients that merged concurrent moves offline (A under B
 * here, B under A there) may hold a loop until the server refuses one of them. Such a doc is still
 * shown as a tree, the same on every client because it depends only on the merged records:
 * in each loop, the member with the smallest id is shown under the core (its loop partners keep
 * their places under it); a node whose parent is missing is shown under the core too. Without a
 * core, such nodes are shown at the top level, after one another.
 */
export function readTreeRecords(records: Iterable<unknown>): TreeView {
  const byId = new Map<string, TreeNode>()
  for (const record of records) {
    const parsed = treeNodeSchema.safeParse(record)
    if (parsed.success) byId.set(parsed.data.id, parsed.data)
  }
  const cores = [...byId.values()].filter((n) => n.parentId === null && (n.kind === 'core' || n.kind === 'goal')).sort(bySiblingOrder)
  const coreNode = cores[0] ?? null
  // Effective parent of each node: its stored parent, unless that breaks the tree.
  const parentOf = new Map<string, string | null>()
  const replaced = new Set<string>()
  for (const node of byId.values()) parentOf.set(node.id, node === coreNode ? null : node.parentId)
  for (const node of byId.values()) {
    const parent = parentOf.get(node.id)
    if (parent !== null && parent !== undefined && !byId.has(parent)) reattach(node.id)
  }
  for (const node of [...byId.values()].sort(bySiblingOrder)) {
    const loop = loopThrough(node.id, parentOf)
    if (loop) reattach(loop.reduce((a, b) => (a < b ? a : b)))
  }
  // A chain deeper than the rules allow (an old or imported doc): its node one level too deep is
  // shown under the core, and so on down, so no reader of the tree recurses without bound.
  for (let deep = tooDeep(parentOf); deep.length > 0; deep = tooDeep(parentOf)) deep.forEach(reattach)
  function reattach(id: string) {
    parentOf.set(id, coreNode && coreNode.id !== id ? coreNode.id : null)
    replaced.add(id)
  }
  const childrenOf = new Map<string | null, TreeNode[]>()
  for (const node of byId.values()) {
    const parent = parentOf.get(node.id) ?? null
    const list = childrenOf.get(parent) ?? []
    list.push(node)
    childrenOf.set(parent, list)
  }
  const build = (node: TreeNode, number: string, depth: number): TreeItem => ({
    node,
    number,
    depth,
    children: numberedByKind((childrenOf.get(node.id) ?? []).sort(byKindThenOrder), 1).map(([c, n]) => build(c, `${number}.${n}`, depth + 1)),
  })
  const tops = (childrenOf.get(null) ?? []).filter((n) => n !== coreNode).sort(byKindThenOrder)
  const core = coreNode ? build(coreNode, '1', 0) : null
  const loose = numberedByKind(tops, core ? 2 : 1).map(([n, i]) => build(n, String(i), 0))
  return { core, loose, byId, replaced }
}

/** Sorted siblings with their numbers, each kind counted from `first` on its own (see KIND_RANK). */
function numberedByKind(sorted: readonly TreeNode[], first: number): [TreeNode, number][] {
  const next = new Map<number, number>()
  return sorted.map((node) => {
    const rank = KIND_RANK[node.kind]
    const n = next.get(rank) ?? first
    next.set(rank, n + 1)
    return [node, n]
  })
}

/** The nodes exactly one level deeper than TREE_DEPTH_MAX allows, by the effective parents (no loops left). */
function tooDeep(parentOf: ReadonlyMap<string, string | null>): string[] {
  const depth = new Map<string, number>()
  const depthOf = (id: string): number => {
    const chain: string[] = []
    let current: string | null | undefined = id
    while (current !== null && current !== undefined && !depth.has(current)) {
      chain.push(current)
      current = parentOf.get(current)
    }
    let d = current === null || current === undefined ? -1 : depth.get(current)!
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++d)
    return depth.get(id)!
  }
  return [...parentOf.keys()].filter((id) => depthOf(id) === TREE_DEPTH_MAX + 1)
}

/** The members of the loop `id`'s parent chain runs into, or null when the chain ends at the top. */
function loopThrough(id: string, parentOf: ReadonlyMap<string, string | null>): string[] | null {
  const path: string[] = []
  const at = new Map<string, number>()
  let current: string | null | undefined = id
  while (current !== null && current !== undefined) {
    const seenAt = at.get(current)
    if (seenAt !== undefined) return path.slice(seenAt)
    at.set(current, path.length)
    path.push(current)
    current = parentOf.get(current)
  }
  return null
}

/** The read model of a tree doc (see `readTreeRecords`). */
export function readTree(doc: Y.Doc): TreeView {
  return readTreeRecords(doc.getMap(TREE_NODES_ROOT).values())
}

/** Every item of a tree view in outline order (core first, then loose nodes), depth-first. */
export function flattenTree(view: TreeView): TreeItem[] {
  const out: TreeItem[] = []
  const walk = (item: TreeItem) => {
    out.push(item)
    item.children.forEach(walk)
  }
  if (view.core) walk(view.core)
  view.loose.forEach(walk)
  return out
}
