import * as Y from 'yjs'
import {
  type DocKind,
  type DocView,
  type EventActor,
  type EventSituation,
  type DocScope,
  type RecordChange,
  WriteRefusal,
  isNewRecord,
} from '@tischrunde/shared'

/** Who writes, to which doc, in which situation of the event: what a doc kind's rules judge. */
export interface WriteContext {
  actor: EventActor
  scope: DocScope
  situation: EventSituation
  /** The actor only reads this doc: an update is let through only if it changes nothing. */
  readOnly?: boolean
}

/**
 * The one gate every client write to a doc passes, whatever its kind. An update is first applied
 * to a shadow copy of the doc; every record it changes is checked against its root's schema and
 * then the kind's rules, which see all changes and the whole doc after them. Only a fully valid
 * update reaches the real doc, so nothing refused is ever broadcast or stored, and nothing is
 * stored half.
 */
export class WriteGate {
  private shadow: Y.Doc
  private captured: RecordChange[] = []
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

  /**
   * Checks an update; null when it may be applied to the real doc. `admitNewRecords` is asked
   * last, with the number of records the update adds, and may refuse them (a participant's pace).
   */
  check(update: Uint8Array, ctx: WriteContext, admitNewRecords: (added: number) => boolean = () => true): WriteRefusal | null {
    this.captured = []
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
    if (refusal) this.rebuild()
    return refusal
  }

  /** Keeps the shadow equal to the doc after writes that did not pass the gate (server writes, loads). */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update)
  }

  private judge({ readOnly, ...ctx }: WriteContext): WriteRefusal | null {
    // A reader's sync reply repeats what the server has (e.g. the whole delete set): nothing to judge.
    if (readOnly) return this.captured.length > 0 || this.touchedOutside ? WriteRefusal.READ_ONLY : null
    if (this.touchedOutside) return WriteRefusal.OUTSIDE_SCHEMA
    for (const change of this.captured) {
      if (change.after === undefined) continue
      const spec = this.kind.roots[change.root]!
      const parsed = spec.record.safeParse(change.after)
      const keyOk = !spec.keyField || (parsed.data as Record<string, unknown> | undefined)?.[spec.keyField] === change.key
      if (!parsed.success || !keyOk) return spec.refusal ?? WriteRefusal.INVALID_RECORD
    }
    return this.kind.checkChanges(this.captured, { ...ctx, doc: viewOf(this.shadow) })
  }

  private copyOf(doc: Y.Doc): Y.Doc {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const watched = new Set<unknown>()
    for (const [root, spec] of Object.entries(this.kind.roots)) {
      // Roots only the server writes are not watched: a client touching them is outside the schema.
      if (spec.writers === 'server') continue
      const map = copy.getMap<unknown>(root)
      watched.add(map)
      map.observe((event) => {
        for (const [key, change] of event.changes.keys) {
          this.captured.push({ root, key, before: change.action === 'add' ? undefined : change.oldValue, after: map.get(key) })
        }
      })
    }
    copy.on('afterTransaction', (tx: Y.Transaction) => {
      for (const type of tx.changed.keys()) if (!watched.has(type)) this.touchedOutside = true
    })
    return copy
  }

  destroy(): void {
    this.shadow.destroy()
  }

  /** Makes the shadow a fresh copy of the doc. */
  rebuild(): void {
    this.shadow.destroy()
    this.shadow = this.copyOf(this.doc)
  }
}

/** Read access to a doc's root maps, for the kind's rules. */
export function viewOf(doc: Y.Doc): DocView {
  return {
    get: (root, key) => doc.getMap<unknown>(root).get(key),
    forEach: (root, fn) => doc.getMap<unknown>(root).forEach(fn),
  }
}
