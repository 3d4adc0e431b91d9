import { type EventExport, type StoredEvent, TREE_NODES_ROOT, type TreeNode, docNameOf, findGroup, findTreeProblem, treeKind, treeNodeSchema } from '@tischrunde/shared'
import type { DocRooms } from '../../boards/doc-rooms.js'

/**
 * The records of an exported tree, as they are written back on import: the nodes as exported,
 * without author (the facilitator's) and with the day's noon as their time. Null for a tree the
 * event has no group for, or whose structure breaks a tree rule (a hand-edited file): the importer
 * leaves such a tree empty rather than store a tree no screen could change.
 */
export function importedTreeRecords(file: EventExport, index: number, createdAt: number): { groupId: string; phase: 'problem' | 'objective'; nodes: TreeNode[] } | null {
  const tree = file.trees?.[index]
  const method = file.event.treeMethod
  if (!tree || !method || !findGroup(method, tree.groupId)) return null
  const nodes: TreeNode[] = []
  for (const n of tree.nodes) {
    const parsed = treeNodeSchema.safeParse({ ...n, authorId: null, createdAt })
    if (!parsed.success) return null
    nodes.push(parsed.data)
  }
  if (findTreeProblem(tree.phase, new Map(nodes.map((n) => [n.id, n]))) !== null) return null
  return { groupId: tree.groupId, phase: tree.phase, nodes }
}

/** Writes an export's trees into the event's tree docs (replacing what they held), as the server. */
export async function writeImportedTrees(rooms: DocRooms, stored: StoredEvent, file: EventExport): Promise<void> {
  const createdAt = Date.parse(`${stored.event.date}T12:00:00Z`) || 0
  for (let i = 0; i < (file.trees?.length ?? 0); i++) {
    const tree = importedTreeRecords({ ...file, event: stored.event }, i, createdAt)
    if (!tree) continue
    const name = docNameOf({ kind: treeKind.name, eventId: stored.event.id, parts: { groupId: tree.groupId, phase: tree.phase } }, treeKind)
    await rooms.read(name, async (room) => {
      const map = room.doc.getMap(TREE_NODES_ROOT)
      room.doc.transact(() => {
        for (const key of [...map.keys()]) map.delete(key)
        for (const node of tree.nodes) map.set(node.id, node)
      }, { source: 'import' })
      await room.settle()
    })
  }
}
