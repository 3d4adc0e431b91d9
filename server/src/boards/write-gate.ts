import * as Y from 'yjs'
import {
  type DocKind,
  type DocScope,
  type DocView,
  type EventActor,
  type EventSituation,
  type RecordChange,
  TOMBSTONES_ROOT,
  WriteRefusal,
  isNewRecord,
  sameRecord,
  tombstoneKey,
} from '@tischrunde/shared'

/** Who writes, to which doc, in which situation of the event: what a doc kind's rules judge. */
export interface WriteContext {
  actor: EventActor
  scope: DocScope
  situation: EventSituation
  /** The server's clock, in ms (rules bound times written by clients). */
  now: number
  /** The actor only reads this doc: an update is let through only if it changes nothing. */
  readOnly?: boolean
}

/** A version of a record that lost against a concurrent write in the last checked update. */
export interface LostVersion {
  root: string
  key: string
  value: unknown
  /** Written by the update that lost (not a version that was stored before it). */
  incoming: boolean
  /** The Yjs client id that wrote the lost version. */
  client: number
}

/**
 * The one gate every client write to a doc passes, whatever its kind. An update is first applied
 * to a shadow copy of the doc; every record it changes is checked against its root's schema (and
 * must be stored exactly as it parses), against the doc's tombstones (a deleted record never comes
 * back), and then against the kind's rules, which see all changes and the whole doc after them.
 * Only a fully valid update reaches the real doc, so nothing refused is ever broadcast or stored,
 * and nothing is stored half. It also notes versions lost to concurrent writes, so the room can
 * keep them visibly instead of dropping them.
 */
export class WriteGate {
  private shadow: Y.Doc
  private captured: RecordChange[] = []
  private lost: LostVersion[] = []
  private touchedOutside = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly kind: DocKind,
  ) {
    this.shadow = this.copyOf(doc)
  }

  /** The record changes the last checked update made, with their records before (for reverting). */
  get lastChanges(): readonly RecordChange[] {
    return this.captured
  }

  /** Versions the last checked update overwrote concurrently, or that lost against one. */
  get lastLost(): readonly LostVersion[] {
    return this.lost
  }

  /**
   * Checks an update; null when it may be applied to the real doc. `admitNewRecords` is asked
   * last, with the number of records the update adds, and may refuse them (a participant's pace).
   * After a refusal the shadow holds the update: call `rebuild` (update dropped) or `catchUp`
   * (update taken and undone in the real doc).
   */
  check(update: Uint8Array, ctx: WriteContext, admitNewRecords: (added: number) => boolean = () => true): WriteRefusal | null {
    this.captured = []
    this.lost = []
    this.touchedOutside = false
    try {
      Y.applyUpdate(this.shadow, update)
    } catch (error) {
      this.rebuild()
      throw error
    }
    let refusal = this.judge(ctx)
    if (!refusal) {
      const added = this.captured.filter(isNewRecord).length
      if (added > 0 && !admitNewRecords(added)) refusal = WriteRefusal.TOO_FAST
    }
    return refusal
  }

  /** Keeps the shadow equal to the doc after writes that did not pass the gate (server writes, loads). */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update)
  }

  /** After a refused update was taken and undone in the real doc: brings the shadow up to it, cheaply. */
  catchUp(): void {
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.shadow)))
  }

  private judge({ readOnly, ...ctx }: WriteContext): WriteRefusal | null {
    // A reader's sync reply repeats what the server has (e.g. the whole delete set): nothing to judge.
    if (readOnly) return this.captured.length > 0 || this.touchedOutside ? WriteRefusal.READ_ONLY : null
    if (this.touchedOutside) return WriteRefusal.OUTSIDE_SCHEMA
    const tombstones = this.shadow.getMap<unknown>(TOMBSTONES_ROOT)
    for (const change of this.captured) {
      const spec = this.kind.roots[change.root]!
      if (change.after === undefined) continue
      const parsed = spec.record.safeParse(change.after)
      // Stored exactly as it parses: no untrimmed text, no defaults left out, no extra keys.
      const valid = parsed.success && sameRecord(parsed.data, change.after)
      const keyOk = !spec.keyField || (parsed.data as Record<string, unknown> | undefined)?.[spec.keyField] === change.key
      if (!valid || !keyOk) return spec.refusal ?? WriteRefusal.INVALID_RECORD
      if (spec.tombstones && change.before === undefined && tombstones.has(tombstoneKey(change.root, change.key))) return WriteRefusal.RECORD_DELETED
    }
    return this.kind.checkChanges(this.captured, { ...ctx, doc: viewOf(this.shadow) })
  }

  private copyOf(doc: Y.Doc): Y.Doc {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const watched = new Map<unknown, string>()
    for (const [root, spec] of Object.entries(this.kind.roots)) {
      // Roots only the server writes are not watched: a client touching them is outside the schema.
      if (spec.writers === 'server') continue
      const map = copy.getMap<unknown>(root)
      watched.set(map, root)
      map.observe((event) => {
        for (const [key, change] of event.changes.keys) {
          this.captured.push({ root, key, before: change.action === 'add' ? undefined : change.oldValue, after: map.get(key) })
        }
      })
    }
    copy.on('afterTransaction', (tx: Y.Transaction) => {
      for (const type of tx.changed.keys()) if (!watched.has(type)) this.touchedOutside = true
      this.lost.push(...lostVersions(tx, watched))
    })
    return copy
  }

  /** Makes the shadow a fresh copy of the doc (after a refused update that was not taken). */
  rebuild(): void {
    this.shadow.destroy()
    this.shadow = this.copyOf(this.doc)
  }

  destroy(): void {
    this.shadow.destroy()
  }
}

/**
 * Record versions a transaction made disappear without anyone building on them: a map item
 * deleted in the transaction whose right neighbour was not written on top of it. That is either
 * an incoming write that lost against a concurrent one, or a stored one that an incoming write
 * overwrote without having seen it. (A version replaced in the normal way is the origin of the
 * item after it.)
 */
function lostVersions(tx: Y.Transaction, watched: ReadonlyMap<unknown, string>): LostVersion[] {
  const lost: LostVersion[] = []
  Y.iterateDeletedStructs(tx, tx.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.parentSub === null) return
    const root = watched.get(struct.parent)
    if (root === undefined || !(struct.content instanceof Y.ContentAny)) return
    const next = struct.right
    if (next === null || (next.origin !== null && Y.compareIDs(next.origin, struct.lastId))) return
    const incoming = struct.id.clock >= (tx.beforeState.get(struct.id.client) ?? 0)
    lost.push({ root, key: struct.parentSub, value: struct.content.getContent()[0], incoming, client: struct.id.client })
  })
  return lost
}

/** Read access to a doc's root maps, for the kind's rules. */
export function viewOf(doc: Y.Doc): DocView {
  return {
    get: (root, key) => doc.getMap<unknown>(root).get(key),
    forEach: (root, fn) => doc.getMap<unknown>(root).forEach(fn),
  }
}
