import { type TreeGroup, type TreeMethod, docNameOf, groupIdOf, groupsOf, treeKind } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'

/** The most groups one value of the method may split into (letters A–Z). */
const LETTER_GROUPS = 26

/**
 * An event's groups as far as they have trees: without a maximum group size one per value; with
 * one, a value's groups A, B, … up to the last whose problem or objective tree exists (a group
 * only gets a doc once someone of it writes, or the server makes its objective tree). The
 * server's own reads of every group (the objective trees at their station, the event's export)
 * use it: `groupsOf` alone knows group A of each value only.
 */
export async function treeGroupsInUse(rooms: DocRooms, eventId: string, method: TreeMethod): Promise<TreeGroup[]> {
  if (method.maxGroupSize === null) return groupsOf(method)
  const nameOf = (groupId: string, phase: 'problem' | 'objective') => docNameOf({ kind: treeKind.name, eventId, parts: { groupId, phase } }, treeKind)
  const used: Record<string, number> = {}
  for (const value of method.values) {
    for (let i = 1; i < LETTER_GROUPS; i++) {
      const id = groupIdOf(value, i)
      if (!(await rooms.exists(nameOf(id, 'problem'))) && !(await rooms.exists(nameOf(id, 'objective')))) break
      used[id] = 1
    }
  }
  return groupsOf(method, used)
}
