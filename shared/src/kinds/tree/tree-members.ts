import { z } from 'zod'
import { slugIdSchema } from '../../ids.js'
import { recordCollection } from '../../storage/stored-record.schema.js'
import { findGroup, placeInGroup } from './groups.js'
import type { TreeMethod } from './tree-method.schema.js'

/**
 * Where the server placed one participant (the record of the `tree-members` collection, keyed by
 * participant id): the value they picked and the group it gave them. Only the server writes it;
 * the tree kind opens a participant only their own group's trees.
 */
export const treeMemberSchema = z
  .object({
    groupId: slugIdSchema,
    value: z.string().trim().min(1).max(80),
    /** Server time of the pick, in ms. */
    at: z.number().int().nonnegative(),
  })
  .strict()
export type TreeMember = z.infer<typeof treeMemberSchema>

/** The collection of group memberships of an event's tree method. */
export const TREE_MEMBERS = recordCollection('tree-members', treeMemberSchema)

/** How many people each group holds, by group id (a map: group ids come from values people typed). */
export function groupCounts(members: Iterable<TreeMember>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.groupId, (counts.get(m.groupId) ?? 0) + 1)
  return counts
}

/** Why a participant could not be placed. */
export type JoinRefusal = 'UNKNOWN_VALUE' | 'GROUPS_FULL'

/**
 * The group a participant who picks `value` is placed in. Picking the value they already hold keeps
 * their group (a reload, a second tab), so nobody is moved to group B by asking twice, unless the
 * setup has no such group any more; a new value places them where there is room, not counting
 * themselves in their old group.
 */
export function joinGroup(
  method: TreeMethod,
  value: string,
  current: TreeMember | undefined,
  counts: ReadonlyMap<string, number>,
): { ok: true; groupId: string } | { ok: false; error: JoinRefusal } {
  if (!method.values.includes(value)) return { ok: false, error: 'UNKNOWN_VALUE' }
  // A group the setup no longer has (the facilitator changed the group size since) is no place to keep.
  if (current && current.value === value && findGroup(method, current.groupId)) return { ok: true, groupId: current.groupId }
  const others = new Map(counts)
  if (current) others.set(current.groupId, Math.max(0, (others.get(current.groupId) ?? 0) - 1))
  const groupId = placeInGroup(method, value, others)
  return groupId === null ? { ok: false, error: 'GROUPS_FULL' } : { ok: true, groupId }
}

/** The answer data of `tree:join`: the group the server placed the participant in. */
export const treeJoinedSchema = z.object({ groupId: slugIdSchema }).strict()
export type TreeJoined = z.infer<typeof treeJoinedSchema>
