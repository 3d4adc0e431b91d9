import { type TreeGroup, type TreeMethod, docNameOf, groupsOf, possibleGroupIds, treeKind } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'

/**
 * The ids of the method's groups in use, value by value and A before B: each whose problem or
 * objective tree exists (a group only gets a doc once someone of it writes, or the server makes its
 * objective tree) or that has people (`counts`, by group id: the stored memberships). Every group
 * the method could have is asked, so a group nobody of which wrote (B) hides none after it (C).
 */
export async function treeGroupIdsInUse(rooms: DocRooms, eventId: string, method: TreeMethod, counts: ReadonlyMap<string, number> = new Map()): Promise<string[]> {
  const nameOf = (groupId: string, phase: 'problem' | 'objective') => docNameOf({ kind: treeKind.name, eventId, parts: { groupId, phase } }, treeKind)
  const ids = possibleGroupIds(method)
  // Asked at once: a networked store answers them in one round trip.
  const inUse = await Promise.all(ids.map(async (id) => (counts.get(id) ?? 0) > 0 || (await rooms.exists(nameOf(id, 'problem'))) || (await rooms.exists(nameOf(id, 'objective')))))
  return ids.filter((_, i) => inUse[i])
}

/**
 * An event's groups as far as they are in use: without a maximum group size one per value; with
 * one, a value's group A and each of B, C, … that has trees or, given `counts`, people (see
 * `treeGroupIdsInUse`). The server's own reads of every group (the objective trees at their
 * station, the actor map, the event's export) use it without people: a group without a tree adds
 * nothing to them. The screens' list (`GET …/tree-groups`) passes them. `groupsOf` alone knows
 * group A of each value only.
 */
export async function treeGroupsInUse(rooms: DocRooms, eventId: string, method: TreeMethod, counts?: ReadonlyMap<string, number>): Promise<TreeGroup[]> {
  if (method.maxGroupSize === null) return groupsOf(method)
  const used = await treeGroupIdsInUse(rooms, eventId, method, counts)
  return groupsOf(method, new Map(used.map((id) => [id, 1])))
}
