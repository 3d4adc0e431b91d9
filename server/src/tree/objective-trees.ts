import { LEFT_OUT_NAMED_MAX, type ObjectivesDerived, type StoredEvent, TOMBSTONES_ROOT, TREE_NODES_ROOT, type TreeNode, deriveObjectives, docNameOf, findTreeProblem, readTree, treeKind, treeNodeSchema } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { treeGroupsInUse } from './tree-groups.js'

/**
 * Creates a group's objective tree from its problem tree, or extends it after the problem tree
 * changed (new problems come in; reworded objectives stay). Written by the server into the
 * objective doc, so every screen of it sees the new nodes at once. Returns how many it wrote and
 * which problems it left out (their objective would not fit where the solution tree stands now), or
 * `broken` when the solution tree holds an entry the write gate would refuse where it stands (an
 * older version's derivation could leave one): it writes nothing to such a tree; `no-core` when the
 * problem tree has no core problem yet (also when it is empty).
 * Holds to what the write gate asks of everyone: an objective the group deleted never comes back,
 * and it writes nothing that leaves a tree the gate would refuse (every later write to it would be
 * refused as a conflict, the console's too).
 */
export async function deriveObjectiveTree(rooms: DocRooms, eventId: string, groupId: string, now: number, by: string, onlyIfEmpty = false): Promise<ObjectivesDerived | 'broken' | 'no-core'> {
  const nameOf = (phase: 'problem' | 'objective') => docNameOf({ kind: treeKind.name, eventId, parts: { groupId, phase } }, treeKind)
  const problems = await rooms.peek(nameOf('problem'), (doc) => readTree(doc))
  const nothing: ObjectivesDerived = { written: 0, leftOut: 0, leftOutTexts: [] }
  // An empty problem tree, or causes and effects without their core problem: nothing to hang a goal's tree on yet.
  if (!problems.core) return 'no-core'
  return rooms.read(nameOf('objective'), async (room): Promise<ObjectivesDerived | 'broken'> => {
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
    if (onlyIfEmpty && (current.size > 0 || deleted.size > 0)) return nothing
    // The rule leaves a valid tree of a valid one; to a tree broken before (or holding a record
    // that is no node) the server adds nothing: the gate would refuse it as it is.
    if (current.size !== map.size || findTreeProblem('objective', current) !== null) return 'broken'
    const { records, leftOut } = deriveObjectives(problems, current, now, deleted)
    const answer: ObjectivesDerived = { written: records.length, leftOut: leftOut.length, leftOutTexts: leftOut.slice(0, LEFT_OUT_NAMED_MAX).map((n) => n.text) }
    if (records.length === 0) return answer
    const after = new Map(current)
    for (const r of records) after.set(r.id, r)
    if (findTreeProblem('objective', after) !== null) return { ...answer, written: 0 } // never by the rule; the gate would refuse it
    room.doc.transact(() => records.forEach((r) => map.set(r.id, r)), { source: 'server', by })
    await room.settle()
    return answer
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
