import type { TreeNode, TreeNodeKind, TreePhase } from './tree-node.schema.js'
import { TREE_KINDS } from './tree-node.schema.js'

/** Why a tree is not a valid tree. */
export const TreeProblem = {
  /** A node's kind belongs to the other phase's tree. */
  WRONG_PHASE: 'WRONG_PHASE',
  /** More than one core problem (or goal). */
  SECOND_CORE: 'SECOND_CORE',
  /** The core problem hangs under something, or another node hangs under nothing. */
  WRONG_ROOT: 'WRONG_ROOT',
  /** A node's parent is not in the tree. */
  MISSING_PARENT: 'MISSING_PARENT',
  /** A node hangs (through its parents) under itself. */
  CYCLE: 'CYCLE',
  /** A cause under an effect, an effect under a cause, anything under the wrong kind. */
  WRONG_PLACE: 'WRONG_PLACE',
  /** A node more than TREE_DEPTH_MAX levels below the core. */
  TOO_DEEP: 'TOO_DEEP',
} as const

/**
 * Most levels below the core: a cause of a cause … twenty deep is far past what a group draws (the
 * Bremen trees had three or four), and every reader of a tree (outline, pictures, exports) stays
 * bounded. @default 20
 */
export const TREE_DEPTH_MAX = 20
export type TreeProblem = (typeof TreeProblem)[keyof typeof TreeProblem]

/** The kinds a node of `kind` may hang under, in a tree of `phase` (a cause under the core or a cause …). */
export function allowedParentKinds(phase: TreePhase, kind: TreeNodeKind): readonly TreeNodeKind[] {
  const k = TREE_KINDS[phase]
  if (kind === k.below) return [k.core, k.below]
  if (kind === k.above) return [k.core, k.above]
  return []
}

/** Whether `nodeId` would hang under itself: its parent chain comes back to it or loops. */
export function hasCycle(nodes: ReadonlyMap<string, TreeNode>, nodeId: string): boolean {
  const seen = new Set<string>()
  let current = nodes.get(nodeId)
  while (current && current.parentId !== null) {
    if (seen.has(current.id)) return true
    seen.add(current.id)
    if (current.parentId === nodeId) return true
    current = nodes.get(current.parentId)
  }
  return false
}

/** Whether moving `nodeId` under `newParentId` keeps a tree (not under itself or its descendants). */
export function mayMoveUnder(nodes: ReadonlyMap<string, TreeNode>, nodeId: string, newParentId: string): boolean {
  let current: string | null = newParentId
  const seen = new Set<string>()
  while (current !== null && !seen.has(current)) {
    if (current === nodeId) return false
    seen.add(current)
    current = nodes.get(current)?.parentId ?? null
  }
  return true
}

/**
 * Checks a whole tree as it would be after a change: every rule sees every node. Returns the first
 * problem found, or null for a valid tree (an empty tree is valid).
 */
export function findTreeProblem(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>): TreeProblem | null {
  const kinds = TREE_KINDS[phase]
  let cores = 0
  for (const node of nodes.values()) {
    if (node.kind !== kinds.core && node.kind !== kinds.below && node.kind !== kinds.above) return TreeProblem.WRONG_PHASE
    if (node.kind === kinds.core) {
      cores++
      if (cores > 1) return TreeProblem.SECOND_CORE
      if (node.parentId !== null) return TreeProblem.WRONG_ROOT
      continue
    }
    if (node.parentId === null) return TreeProblem.WRONG_ROOT
    const parent = nodes.get(node.parentId)
    if (!parent) return TreeProblem.MISSING_PARENT
    if (hasCycle(nodes, node.id)) return TreeProblem.CYCLE
    if (!allowedParentKinds(phase, node.kind).includes(parent.kind)) return TreeProblem.WRONG_PLACE
    if (depthBelowTop(nodes, node.id) > TREE_DEPTH_MAX) return TreeProblem.TOO_DEEP
  }
  return null
}

/** Whether nothing may be added under a node: it stands TREE_DEPTH_MAX levels below the top already. */
export function atDepthLimit(nodes: ReadonlyMap<string, TreeNode>, nodeId: string): boolean {
  return depthBelowTop(nodes, nodeId) >= TREE_DEPTH_MAX
}

/** How many parents a node has up to one without a parent (or a missing one); stops past TREE_DEPTH_MAX. */
function depthBelowTop(nodes: ReadonlyMap<string, TreeNode>, nodeId: string): number {
  let depth = 0
  let parentId = nodes.get(nodeId)?.parentId ?? null
  while (parentId !== null && depth <= TREE_DEPTH_MAX) {
    depth++
    parentId = nodes.get(parentId)?.parentId ?? null
  }
  return depth
}

/** The kinds that may be added under a node of `parentKind` (the core takes both, a cause only causes …). */
export function childKindsUnder(phase: TreePhase, parentKind: TreeNodeKind): TreeNodeKind[] {
  const k = TREE_KINDS[phase]
  return [k.below, k.above].filter((kind) => allowedParentKinds(phase, kind).includes(parentKind))
}

/** The `order` for a node added last under `parentId`: after every sibling. */
export function nextChildOrder(nodes: ReadonlyMap<string, TreeNode>, parentId: string | null): number {
  let max = 0
  for (const n of nodes.values()) if (n.parentId === parentId && n.order >= max) max = n.order + 1
  return max
}
