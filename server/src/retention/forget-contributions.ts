import { type DocKind, type ForgetWrite, TOMBSTONES_ROOT, resolveDocName, tombstoneKey } from '@tischrunde/shared'
import type * as Y from 'yjs'
import type { DocRooms } from '../boards/doc-rooms.js'
import { viewOf } from '../boards/write-gate.js'
import type { BoardStore } from '../storage/storage.js'

/** Writes "Meine Beiträge löschen" in one server transaction, with tombstones for deleted records. */
export function applyForgetWrites(doc: Y.Doc, kind: DocKind, writes: readonly ForgetWrite[], by = 'forget-own'): void {
  doc.transact(() => {
    for (const w of writes) {
      const map = doc.getMap<unknown>(w.root)
      if (w.value === undefined) {
        map.delete(w.key)
        if (kind.roots[w.root]?.tombstones) doc.getMap<unknown>(TOMBSTONES_ROOT).set(tombstoneKey(w.root, w.key), true)
      } else map.set(w.key, w.value)
    }
  }, { source: 'server', by })
}

/** Every doc of an event, loaded or stored, with its kind, in name order. */
export async function docsOfEvent(rooms: DocRooms, eventId: string): Promise<{ name: string; kind: NonNullable<ReturnType<typeof resolveDocName>> }[]> {
  return (await rooms.names())
    .sort()
    .map((name) => ({ name, kind: resolveDocName(name, rooms.kinds) }))
    .filter((d): d is { name: string; kind: NonNullable<typeof d.kind> } => d.kind !== null && d.kind.scope.eventId === eventId)
}

/** What one pass deleted for each participant: the count, and the writes per doc (votes on those cards go back). */
export type ForgetOutcome = Map<string, { removed: number; forgotten: { docName: string; writes: readonly ForgetWrite[] }[] }>

/**
 * "Meine Beiträge löschen" for one or more participants of an event, in one pass over its docs: in
 * every doc whose kind has a `forgetAuthor` hook, each participant's records are deleted (or kept
 * without author where others built on them) in a server transaction with tombstones, one
 * participant after the other (each sees what the one before left), and the doc's log is compacted
 * once so their text leaves the disk.
 */
export async function forgetContributions(rooms: DocRooms, boards: BoardStore, eventId: string, participantIds: readonly string[]): Promise<ForgetOutcome> {
  const outcome: ForgetOutcome = new Map(participantIds.map((id) => [id, { removed: 0, forgotten: [] }]))
  const docs = await docsOfEvent(rooms, eventId)
  for (const { name, kind: resolved } of docs) {
    const kind: DocKind = resolved.kind
    if (!kind.forgetAuthor) continue
    const forget = kind.forgetAuthor
    await rooms.read(name, async (room) => {
      let changed = false
      for (const participantId of participantIds) {
        const writes = forget(viewOf(room.doc), participantId)
        if (writes.length === 0) continue
        applyForgetWrites(room.doc, kind, writes)
        const theirs = outcome.get(participantId)!
        theirs.removed += writes.length
        theirs.forgotten.push({ docName: name, writes })
        changed = true
      }
      // Nothing of theirs left in the doc, but its log may still hold a card that was moved out of
      // it (hidden, merged, refused): every stored doc's log is folded, so that text leaves the disk
      // too. (Not searched for it: reading the files of a doc being written is no look without risk.)
      if (changed || (await boards.has(name))) await room.compactNow()
    })
  }
  // What other docs keep of the deleted records (an objective's placeholder with a problem's text).
  const deleted = new Set([...outcome.values()].flatMap((o) => o.forgotten.flatMap((f) => f.writes.filter((w) => w.value === undefined).map((w) => w.key))))
  if (deleted.size === 0) return outcome
  for (const { name, kind: resolved } of docs) {
    const derived = resolved.kind.forgetDerived
    if (!derived) continue
    await rooms.read(name, async (room) => {
      const writes = derived(viewOf(room.doc), deleted)
      if (writes.length === 0) return
      applyForgetWrites(room.doc, resolved.kind, writes)
      await room.compactNow()
    })
  }
  return outcome
}
