import { type DocKind, type ForgetWrite, TOMBSTONES_ROOT, resolveDocName, tombstoneKey } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { viewOf } from '../boards/write-gate.js'
import type { BoardStore } from '../storage/storage.js'

/**
 * "Meine Beiträge löschen": in every doc of the event whose kind has a `forgetAuthor` hook, the
 * participant's records are deleted (or kept without author where others built on them) in one
 * server transaction with tombstones, and the doc's log is compacted so their text leaves the disk.
 * Returns how many records were deleted or anonymised.
 */
export async function forgetContributions(rooms: DocRooms, boards: BoardStore, eventId: string, participantId: string, forgotten?: (docName: string, writes: readonly ForgetWrite[]) => void): Promise<number> {
  const trace = Buffer.from(participantId, 'utf8')
  const names = new Set([...(await rooms.loaded()).map((room) => room.name), ...(await boards.list())])
  let changed = 0
  for (const name of [...names].sort()) {
    const resolved = resolveDocName(name, rooms.kinds)
    const kind: DocKind | undefined = resolved?.kind
    if (!resolved || resolved.scope.eventId !== eventId || !kind?.forgetAuthor) continue
    const forget = kind.forgetAuthor
    changed += await rooms.read(name, async (room) => {
      const writes = forget(viewOf(room.doc), participantId)
      if (writes.length === 0) {
        // Nothing of theirs left in the doc, but its log may still hold a card that was moved out
        // of it (hidden, merged, refused): the log is folded, so that text leaves the disk too.
        if ((await boards.load(name)).some((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength).includes(trace))) await room.compactNow()
        return 0
      }
      room.doc.transact(() => {
        for (const w of writes) {
          const map = room.doc.getMap<unknown>(w.root)
          if (w.value === undefined) {
            map.delete(w.key)
            if (kind.roots[w.root]?.tombstones) room.doc.getMap<unknown>(TOMBSTONES_ROOT).set(tombstoneKey(w.root, w.key), true)
          } else map.set(w.key, w.value)
        }
      }, { source: 'server', by: 'forget-own' })
      await room.compactNow()
      forgotten?.(name, writes)
      return writes.length
    })
  }
  return changed
}
