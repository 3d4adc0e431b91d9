import { type StoredEvent, actorMapShownDocName, parseBoardDocName, resolveDocName, treeKind, treePlaceId } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { actorMapDocName, buildActorMap } from './build-actor-map.js'

/**
 * After "Meine Beiträge löschen": the actor map follows the deleted cards and tree entries at once
 * (as it follows any card that leaves its board), and the logs of the map and of its shown copy
 * are compacted, so what the map took from them (a mention's words, a contact person) leaves the
 * data folder too, as the boards' text does.
 */
export async function actorMapAfterForget(rooms: DocRooms, stored: StoredEvent, docNames: Iterable<string>): Promise<void> {
  const places = new Set<string>()
  for (const name of docNames) {
    const board = parseBoardDocName(name)
    if (board) places.add(board.tableId)
    const tree = resolveDocName(name, rooms.kinds)
    if (tree?.kind.name === treeKind.name && tree.scope.parts.phase === 'objective') places.add(treePlaceId(tree.scope.parts.groupId!))
  }
  if (places.size === 0) return
  await buildActorMap(rooms, stored, 'server', places)
  for (const name of [actorMapDocName(stored.event.id), actorMapShownDocName(stored.event.id)]) {
    if (await rooms.exists(name)) await rooms.read(name, (room) => room.compactNow())
  }
}
