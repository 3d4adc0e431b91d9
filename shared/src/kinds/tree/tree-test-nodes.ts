import type { TreeNode, TreeNodeKind } from './tree-node.schema.js'

/** Test helper: a node with readable defaults (ids padded to the 8-character minimum). */
export function node(id: string, kind: TreeNodeKind, parentId: string | null, extra: Partial<TreeNode> = {}): TreeNode {
  return { id: pad(id), kind, parentId: parentId === null ? null : pad(parentId), order: 0, text: `Text ${id}`, authorId: 'anna-0001', createdAt: 1, ...extra }
}

/** Test helper: a short name as an 8-character id. */
export function pad(id: string): string {
  return id.padEnd(8, '_')
}

/** Test helper: nodes by id. */
export function treeOf(...nodes: TreeNode[]): Map<string, TreeNode> {
  return new Map(nodes.map((n) => [n.id, n]))
}
