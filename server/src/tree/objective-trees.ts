import { type StoredEvent, TOMBSTONES_ROOT, TREE_NODES_ROOT, type TreeNode, docNameOf, objectivesFromProblems, readTree, treeKind, treeNodeSchema } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { treeGroupsInUse } from './tree-groups.js'

/**
 * Creates a group's objective tree from its problem tree, or extends it after the problem tree
 * changed (new problems come in; reworded objectives stay). Written by the server into the
 * objective doc, so every screen of it sees the new nodes at once. Returns how many it wrote.
 */
export async function deriveObjectiveTree(rooms: DocRooms, eventId: string, groupId: string, now: number, by: string, onlyIfEmpty = false): Promise<number> {
  const nameOf = (phase: 'problem' | 'objective') => docNameOf({ kind: treeKind.name, eventId, parts: { groupId, phase } }, treeKind)
  const problems = await rooms.peek(nameOf('problem'), (doc) => readTree(doc))
  if (problems.byId.size === 0) return 0
  return rooms.read(nameOf('objective'), async (room) => {
    const map = room.doc.getMap(TREE_NODES_ROOT)
    const current = new Map<string, TreeNode>()
    map.forEach((value, key) => {
      const parsed = treeNodeSchema.safeParse(value)
      if (parsed.success && parsed.data.id === key) current.set(key, parsed.data)
    })
    // At the station's start only a tree nobody worked on yet (no node in it, none deleted from it):
    // going back and on again does not bring back what the group deleted. A write the server
    // refused (a phone writing before the station) leaves neither, and does not keep the tree away.
    if (onlyIfEmpty && (current.size > 0 || nodesDeleted(room.doc))) return 0
    const records = objectivesFromProblems(problems, current, now)
    if (records.length === 0) return 0
    room.doc.transact(() => records.forEach((r) => map.set(r.id, r)), { source: 'server', by })
    await room.settle()
    return records.length
  })
}

/**
 * When the day moves on to the station that drives the objective trees (the afternoon of seed
 * 001), every group's objective tree is there, made from its problem tree. A tree the group has
 * worked on already (also one it emptied) is left as it is (back and on again brings back nothing it deleted; the
 * console's button brings in new problems). A group whose problem tree stayed empty gets none (its
 * phones write a goal).
 */
export async function objectiveTreesAtTheirStation(rooms: DocRooms, stored: StoredEvent, now: number): Promise<void> {
  const method = stored.event.treeMethod
  const stationId = method?.phaseStations?.objective
  const { round } = stored
  if (!method || !stationId || round.phase !== 'station' || stored.event.template.stations[round.stationIndex]?.id !== stationId) return
  for (const group of await treeGroupsInUse(rooms, stored.event.id, method)) await deriveObjectiveTree(rooms, stored.event.id, group.id, now, 'server', true)
}

/** Whether a tree doc has a tombstone of a node: someone deleted one (the server writes them for people's deletes). */
function nodesDeleted(doc: { getMap: (name: string) => { keys: () => IterableIterator<string> } }): boolean {
  for (const key of doc.getMap(TOMBSTONES_ROOT).keys()) if (key.startsWith(`${TREE_NODES_ROOT}/`)) return true
  return false
}
