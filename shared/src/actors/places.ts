import type { TreeMethod } from '../kinds/tree/tree-method.schema.js'
import { findGroup, groupName } from '../kinds/tree/groups.js'

/**
 * Where an actor was named: a theme table (its id) or a group's solution tree (`baum--<group>`).
 * Table ids come from `slugify`, which never writes "--", so the two never meet.
 */
const TREE_PLACE_PREFIX = 'baum--'

/** What names the places of an event: its tables and its tree method. */
export interface ActorPlaces {
  tables: readonly { id: string; name: string }[]
  treeMethod?: TreeMethod | undefined
}

/** The place id of a group's solution tree, as actor mentions carry it. */
export function treePlaceId(groupId: string): string {
  return `${TREE_PLACE_PREFIX}${groupId}`
}

/** The group of a tree place id, or null for a table's id. */
export function groupOfPlace(placeId: string): string | null {
  return placeId.startsWith(TREE_PLACE_PREFIX) ? placeId.slice(TREE_PLACE_PREFIX.length) : null
}

/**
 * A place as people call it: the table's name, or the group's ("kleiner Landkreis", "großer
 * Landkreis B"); the id itself when the event no longer has it.
 */
export function placeName(event: ActorPlaces, placeId: string): string {
  const groupId = groupOfPlace(placeId)
  if (groupId === null) return event.tables.find((t) => t.id === placeId)?.name ?? placeId
  const group = event.treeMethod ? findGroup(event.treeMethod, groupId) : null
  return group ? groupName(group) : groupId
}

/** Whether an event's actor map reads the tables' cards, the groups' solution trees, or both. */
export function actorSources(event: ActorPlaces): { tables: boolean; trees: boolean } {
  return { tables: event.tables.length > 0, trees: event.treeMethod !== undefined }
}
