import { type DocKind, type ForgetWrite, namesShown, recordWithoutName, resolveDocName } from '@tischrunde/shared'
import type * as Y from 'yjs'
import { viewOf } from '../boards/write-gate.js'
import type { DocRoom } from '../boards/doc-room.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventStore } from '../storage/storage.js'
import { applyForgetWrites, docsOfEvent } from './forget-contributions.js'

/** Takes the names people gave off every record of one doc that carries one (any kind's roots); how many it changed. */
function dropNamesIn(doc: Y.Doc, kind: DocKind): number {
  const view = viewOf(doc)
  const writes: ForgetWrite[] = []
  for (const root of Object.keys(kind.roots))
    view.forEach(root, (value, key) => {
      const without = recordWithoutName(value)
      if (without !== undefined) writes.push({ root, key, value: without })
    })
  if (writes.length > 0) applyForgetWrites(doc, kind, writes, 'names-hidden')
  return writes.length
}

/**
 * "Namen ausblenden": takes the names people gave off every record of the event that carries one,
 * in every doc of every kind (boards, workshop boards, held cards), in one server transaction per
 * doc. Every open phone and projector gets the change, so no screen's copy keeps a name while
 * names are off. Returns how many records it changed.
 */
export async function dropAuthorNames(rooms: DocRooms, eventId: string): Promise<number> {
  let changed = 0
  for (const { name, kind: resolved } of await docsOfEvent(rooms, eventId)) {
    await rooms.read(name, async (room) => {
      const n = dropNamesIn(room.doc, resolved.kind)
      changed += n
      // On disk before the facilitator hears "ok": a restart brings no name back.
      if (n > 0) await room.settle()
    })
  }
  return changed
}

/**
 * A doc loaded while its event shows no names is cleared of names before anyone gets it: docs
 * written by an older version (which kept the names on every card and only hid them on screen)
 * reach no phone with them.
 */
export function keepNamesOff(deps: { rooms: DocRooms; events: Pick<EventStore, 'get'> }): void {
  deps.rooms.onLoaded.push(async (room: DocRoom) => {
    const resolved = resolveDocName(room.name, deps.rooms.kinds)
    if (!resolved) return
    const stored = await deps.events.get(resolved.scope.eventId)
    if (stored && !namesShown(stored.event)) dropNamesIn(room.doc, resolved.kind)
  })
}
