import { type StoredEvent, TOMBSTONES_ROOT, TREE_NODES_ROOT, type TreeNode, docNameOf, findTreeProblem, objectivesFromProblems, readTree, treeKind, treeNodeSchema } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { treeGroupsInUse } from './tree-groups.js'

/**
 * Creates a group's objective tree from its problem tree, or extends it after the problem tree
 * changed (new problems come in; reworded objectives stay). Written by the server into the
 * objective doc, so every screen of it sees the new nodes at once. Returns how many it wrote.
 * Holds to what the write gate asks of everyone: an objective the group deleted never comes back,
 * and it writes nothing that leaves a tree the gate would refuse (every later write to it would be
 * refused as a conflict, the console's too).
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
    const deleted = deletedNodeIds(room.doc)
    if (onlyIfEmpty && (current.size > 0 || deleted.size > 0)) return 0
    const records = objectivesFromProblems(problems, current, now, deleted)
    if (records.length === 0) return 0
    // The rule leaves a valid tree of a valid one; to a tree broken before (or holding a record
    // that is no node) the server adds nothing either: the gate would refuse it as it is.
    const after = new Map(current)
    for (const r of records) after.set(r.id, r)
    if (current.size !== map.size || findTreeProblem('objective', after) !== null) return 0
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

/** The ids of the nodes a tree doc has a tombstone of: someone deleted them (the server writes them for people's deletes). */
function deletedNodeIds(doc: { getMap: (name: string) => { keys: () => IterableIterator<string> } }): Set<string> {
  const prefix = `${TREE_NODES_ROOT}/`
  const ids = new Set<string>()
  for (const key of doc.getMap(TOMBSTONES_ROOT).keys()) if (key.startsWith(prefix)) ids.add(key.slice(prefix.length))
  return ids
}
