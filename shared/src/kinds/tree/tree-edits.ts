import { findTreeProblem, allowedParentKinds, mayMoveUnder, nextChildOrder } from './tree-rules.js'
import { TREE_KINDS, TREE_LIST_MAX, TREE_TEXT_MAX, type TreeNode, type TreePhase } from './tree-node.schema.js'

/**
 * A facilitator's edit of a tree as records: what to put (whole records) and which ids to delete,
 * written in one transaction so no screen and no server check ever sees half of it.
 */
export interface TreeEdit {
  put: TreeNode[]
  remove: string[]
}

/** Why an edit cannot be made. */
export type TreeEditRefusal = 'NOT_FOUND' | 'WRONG_PLACE' | 'UNDER_ITSELF' | 'TOO_LONG' | 'NOT_NEXT_TO_CORE' | 'SAME_NODE' | 'EMPTY' | 'CHANGED_SINCE'

export type TreeEditResult = { ok: true; edit: TreeEdit } | { ok: false; error: TreeEditRefusal }

/** Separator between two texts kept in one node by a merge. */
export const MERGE_SEPARATOR = ' / '

/** The nodes a node may be moved under: of a kind it fits under, and not itself or below itself. */
export function moveTargets(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, nodeId: string): TreeNode[] {
  const moving = nodes.get(nodeId)
  if (!moving) return []
  const kinds = allowedParentKinds(phase, moving.kind)
  return [...nodes.values()].filter((n) => n.id !== moving.parentId && kinds.includes(n.kind) && mayMoveUnder(nodes, nodeId, n.id))
}

/** Moves a node (with its sub-tree) under another, as its last child. */
export function moveNode(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, nodeId: string, parentId: string): TreeEditResult {
  const moving = nodes.get(nodeId)
  const parent = nodes.get(parentId)
  if (!moving || !parent) return { ok: false, error: 'NOT_FOUND' }
  if (!mayMoveUnder(nodes, nodeId, parentId)) return { ok: false, error: 'UNDER_ITSELF' }
  if (!allowedParentKinds(phase, moving.kind).includes(parent.kind)) return { ok: false, error: 'WRONG_PLACE' }
  return checked(phase, nodes, { put: [{ ...moving, parentId, order: nextChildOrder(nodes, parentId) }], remove: [] })
}

/**
 * Moves a node one place up (-1) or down (+1) among its siblings (same parent, same kind): the two
 * swap their `order`. Null at the end of the row.
 */
export function reorderNode(nodes: ReadonlyMap<string, TreeNode>, nodeId: string, step: -1 | 1): TreeEdit | null {
  const node = nodes.get(nodeId)
  if (!node) return null
  const row = [...nodes.values()].filter((n) => n.parentId === node.parentId && n.kind === node.kind).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  const at = row.findIndex((n) => n.id === nodeId)
  const other = row[at + step]
  if (!other) return null
  // Equal orders (two phones added at once) are pulled apart so the swap shows.
  const [first, second] = other.order === node.order ? [node.order + (step === 1 ? 1 : 0), node.order + (step === 1 ? 0 : 1)] : [other.order, node.order]
  return { put: [{ ...node, order: first }, { ...other, order: second }], remove: [] }
}

/** The nodes a node may be merged with: others of the same kind. */
export function mergeTargets(nodes: ReadonlyMap<string, TreeNode>, nodeId: string): TreeNode[] {
  const node = nodes.get(nodeId)
  return node ? [...nodes.values()].filter((n) => n.id !== nodeId && n.kind === node.kind) : []
}

/**
 * A node with a new wording: on the objective tree that ends its placeholder (it is the group's own
 * positive wording now, no longer the problem's words). The text is trimmed; refused when empty or
 * longer than a node may be.
 */
export function rewordNode(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, nodeId: string, text: string): TreeEditResult {
  const node = nodes.get(nodeId)
  if (!node) return { ok: false, error: 'NOT_FOUND' }
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'EMPTY' }
  if (trimmed.length > TREE_TEXT_MAX) return { ok: false, error: 'TOO_LONG' }
  return { ok: true, edit: { put: [phase === 'objective' ? { ...node, text: trimmed, placeholder: false } : { ...node, text: trimmed }], remove: [] } }
}

/**
 * Whether someone else changed a node's text while it was being reworded here: its text now differs
 * from the one the rewording started from, and from what is typed (the same change typed twice is none).
 */
export function changedMeanwhile(started: string, now: string, typed: string): boolean {
  return now !== started && now !== typed.trim()
}

/**
 * Merges two duplicates: `keepId` stays with both texts ("A / B", unless they are the same), the
 * children of `dropId` move under it, and `dropId` goes. Refused when the two texts together are
 * longer than a node may be, or when `keepId` hangs below `dropId`.
 */
export function mergeNodes(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, keepId: string, dropId: string): TreeEditResult {
  const keep = nodes.get(keepId)
  const drop = nodes.get(dropId)
  if (!keep || !drop) return { ok: false, error: 'NOT_FOUND' }
  if (keepId === dropId) return { ok: false, error: 'SAME_NODE' }
  if (keep.kind !== drop.kind) return { ok: false, error: 'WRONG_PLACE' }
  // The kept node below the dropped one: the dropped one's children would hang under themselves.
  if (!mayMoveUnder(nodes, dropId, keepId)) return { ok: false, error: 'UNDER_ITSELF' }
  const text = keep.text.trim() === drop.text.trim() ? keep.text : `${keep.text}${MERGE_SEPARATOR}${drop.text}`
  if (text.length > TREE_TEXT_MAX) return { ok: false, error: 'TOO_LONG' }
  const merged: TreeNode = {
    ...keep,
    text,
    ...(keep.measures || drop.measures ? { measures: uniqueEntries([...(keep.measures ?? []), ...(drop.measures ?? [])]) } : {}),
    ...(keep.helpers || drop.helpers ? { helpers: uniqueEntries([...(keep.helpers ?? []), ...(drop.helpers ?? [])]) } : {}),
  }
  let order = nextChildOrder(nodes, keepId)
  const children = [...nodes.values()].filter((n) => n.parentId === dropId).map((n) => ({ ...n, parentId: keepId, order: order++ }))
  return checked(phase, nodes, { put: [merged, ...children], remove: [dropId] })
}

/**
 * Merges two duplicates as a facilitator picks them ("… zusammenführen mit …"), whichever of the
 * two was picked first: the older node stays, with its number, its place and its text first, and
 * takes the newer one's text and children (people already point at the older one's number). When
 * the older hangs below the newer, the newer stays (the older's place would be under itself).
 */
export function mergeDuplicates(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, oneId: string, otherId: string): TreeEditResult {
  const one = nodes.get(oneId)
  const other = nodes.get(otherId)
  if (!one || !other) return { ok: false, error: 'NOT_FOUND' }
  const [older, newer] = other.createdAt < one.createdAt || (other.createdAt === one.createdAt && other.order < one.order) ? [otherId, oneId] : [oneId, otherId]
  const merged = mergeNodes(phase, nodes, older, newer)
  return !merged.ok && merged.error === 'UNDER_ITSELF' ? mergeNodes(phase, nodes, newer, older) : merged
}

/**
 * Makes a child of the core problem the core problem: the old core becomes its effect (when a cause
 * is promoted: it was caused by it) or its cause (when an effect is promoted); the old core's other
 * children on the promoted node's side move with the promoted node, the rest stay with the old core.
 * In a tree without a core, any node becomes the core.
 */
export function markCore(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, nodeId: string): TreeEditResult {
  const k = TREE_KINDS[phase]
  const node = nodes.get(nodeId)
  if (!node) return { ok: false, error: 'NOT_FOUND' }
  const core = [...nodes.values()].find((n) => n.kind === k.core)
  if (!core) {
    if (node.parentId !== null && nodes.has(node.parentId)) return { ok: false, error: 'NOT_NEXT_TO_CORE' }
    return checked(phase, nodes, { put: [{ ...node, kind: k.core, parentId: null }], remove: [] })
  }
  if (core.id === nodeId) return { ok: true, edit: { put: [], remove: [] } }
  if (node.parentId !== core.id) return { ok: false, error: 'NOT_NEXT_TO_CORE' }
  const side = node.kind
  const oldCoreKind = side === k.below ? k.above : k.below
  const put: TreeNode[] = [{ ...node, kind: k.core, parentId: null }]
  let order = nextChildOrder(nodes, nodeId)
  put.push({ ...core, kind: oldCoreKind, parentId: nodeId, order: order++ })
  for (const sibling of nodes.values()) if (sibling.parentId === core.id && sibling.id !== nodeId && sibling.kind === side) put.push({ ...sibling, parentId: nodeId, order: order++ })
  return checked(phase, nodes, { put, remove: [] })
}

/** Deletes a node with its whole sub-tree (children before parents are listed last-first). */
export function deleteSubtree(nodes: ReadonlyMap<string, TreeNode>, nodeId: string): { edit: TreeEdit; removed: TreeNode[] } {
  const removed: TreeNode[] = []
  const visit = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return
    seen.add(id)
    const n = nodes.get(id)
    if (!n) return
    removed.push(n)
    for (const child of nodes.values()) if (child.parentId === id) visit(child.id, seen)
  }
  visit(nodeId, new Set())
  return { edit: { put: [], remove: removed.map((n) => n.id) }, removed }
}

/**
 * Undoes a delete: the removed records come back under fresh ids (a deleted id never comes back,
 * so a phone's late edit of it cannot revive it), parents and links inside the sub-tree follow.
 * @param newId makes a fresh id (passed in: shared code makes no randomness)
 */
export function restoreSubtree(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, removed: readonly TreeNode[], newId: () => string): TreeEditResult {
  const ids = new Map(removed.map((n) => [n.id, newId()]))
  const put = removed.map((n) => ({ ...n, id: ids.get(n.id)!, parentId: n.parentId === null ? null : (ids.get(n.parentId) ?? n.parentId) }))
  return checked(phase, nodes, { put, remove: [] })
}

/** The tree after an edit, by id. */
export function applyEdit(nodes: ReadonlyMap<string, TreeNode>, edit: TreeEdit): Map<string, TreeNode> {
  const out = new Map(nodes)
  for (const id of edit.remove) out.delete(id)
  for (const n of edit.put) out.set(n.id, n)
  return out
}

/** An edit is made only when the whole tree after it is still a valid tree. */
/**
 * Takes back an edit made on `before` (the nodes as they were then): nodes it changed get their
 * earlier version, nodes it added go, nodes it removed come back under fresh ids (a deleted id never
 * comes back) with the nodes that hung under them pointing to them again. Refused (CHANGED_SINCE)
 * when a node the edit wrote or removed has changed since in `now`: someone else worked on it.
 * @param newId makes a fresh id (passed in: shared code makes no randomness)
 */
export function undoEdit(phase: TreePhase, before: ReadonlyMap<string, TreeNode>, now: ReadonlyMap<string, TreeNode>, edit: TreeEdit, newId: () => string): TreeEditResult {
  if (edit.put.some((n) => !sameNode(now.get(n.id), n)) || edit.remove.some((id) => now.has(id))) return { ok: false, error: 'CHANGED_SINCE' }
  const fresh = new Map(edit.remove.map((id) => [id, newId()]))
  const pointed = (n: TreeNode): TreeNode => ({ ...n, parentId: n.parentId === null ? null : (fresh.get(n.parentId) ?? n.parentId) })
  const put: TreeNode[] = []
  const remove: string[] = []
  for (const n of edit.put) {
    const old = before.get(n.id)
    if (old) put.push(pointed(old))
    else remove.push(n.id)
  }
  for (const id of edit.remove) {
    const old = before.get(id)
    if (old) put.push(pointed({ ...old, id: fresh.get(id)! }))
  }
  return checked(phase, now, { put, remove })
}

/** Whether two versions of a node hold the same values (whatever order their fields came in). */
function sameNode(a: TreeNode | undefined, b: TreeNode): boolean {
  if (!a) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => JSON.stringify(a[k as keyof TreeNode]) === JSON.stringify(b[k as keyof TreeNode]))
}

function checked(phase: TreePhase, nodes: ReadonlyMap<string, TreeNode>, edit: TreeEdit): TreeEditResult {
  return findTreeProblem(phase, applyEdit(nodes, edit)) === null ? { ok: true, edit } : { ok: false, error: 'WRONG_PLACE' }
}

/** Entries of a measures or helpers list, each once, in order, at most as many as a node holds. */
export function uniqueEntries(list: readonly string[]): string[] {
  return [...new Set(list)].slice(0, TREE_LIST_MAX)
}
