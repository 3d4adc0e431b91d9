import { type ForgetWrite, recordWithoutName } from '@tischrunde/shared'
import { viewOf } from '../boards/write-gate.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import { applyForgetWrites, docsOfEvent } from './forget-contributions.js'

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
      const view = viewOf(room.doc)
      const writes: ForgetWrite[] = []
      for (const root of Object.keys(resolved.kind.roots))
        view.forEach(root, (value, key) => {
          const without = recordWithoutName(value)
          if (without !== undefined) writes.push({ root, key, value: without })
        })
      if (writes.length === 0) return
      applyForgetWrites(room.doc, resolved.kind, writes, 'names-hidden')
      changed += writes.length
      // On disk before the facilitator hears "ok": a restart brings no name back.
      await room.settle()
    })
  }
  return changed
}
