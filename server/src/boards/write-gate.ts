import * as Y from 'yjs'
import {
  type DocKind,
  type DocScope,
  type DocView,
  type EventActor,
  type EventSituation,
  PERSON_NEW_RECORDS_PER_UPDATE_MAX,
  type RecordChange,
  TOMBSTONES_ROOT,
  WriteRefusal,
  isNewRecord,
  parsedRecord,
  sameRecord,
  tombstoneKey,
} from '@tischrunde/shared'
import { RecordCounts, countedView } from './record-counts.js'
import { lastValue, mapItems, planUpdate } from './update-plan.js'

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
 * The one gate every client write to a doc passes, whatever its kind. Every record an update would
 * change is checked against its root's schema (and must be stored exactly as it parses), against
 * the doc's tombstones (a deleted record never comes back), and then against the kind's rules,
 * which see all changes and the whole doc after them. Only a fully valid update reaches the doc, so
 * nothing refused is ever broadcast or stored, and nothing is stored half.
 *
 * The changes are read from the update itself (`planUpdate`): a client that writes on top of what
 * the server has (nearly every write) needs no second copy of the doc. Anything else (a write
 * concurrent with another one, an update that waits for a missing one) is tried on a copy made for
 * that update alone, which also notes versions lost to concurrent writes, so the room can keep them
 * visibly instead of dropping them.
 */
export class WriteGate {
  private captured: RecordChange[] = []
  private lost: LostVersion[] = []
  private plain = false
  private copied = false
  /** Roots the clients write (the others only the server): a client touching another is outside the schema. */
  private readonly watched: ReadonlySet<string>
  /** Records per root and per counted field, kept as the doc changes. */
  readonly counts: RecordCounts

  constructor(
    private readonly doc: Y.Doc,
    private readonly kind: DocKind,
  ) {
    this.watched = new Set(Object.entries(kind.roots).filter(([, spec]) => spec.writers !== 'server').map(([root]) => root))
    this.counts = new RecordCounts(doc, kind)
  }

  /** The record changes the last checked update made, with their records before (for reverting). */
  get lastChanges(): readonly RecordChange[] {
    return this.captured
  }

  /**
   * The last checked update is a plain write on top of the doc (see `planUpdate`) and all of it is
   * new: applied, it adds exactly its items and waits for nothing, so its own bytes can stand for
   * what it does (an item the doc has already would be skipped here, whatever it holds, but not by
   * a peer that lacks it).
   */
  get lastPlain(): boolean {
    return this.plain
  }

  /** The last checked update was tried on a copy of the whole doc (see `tryOnCopy`): it cost far more than a plain one. */
  get lastCopied(): boolean {
    return this.copied
  }

  /** Versions the last checked update overwrote concurrently, or that lost against one. */
  get lastLost(): readonly LostVersion[] {
    return this.lost
  }

  /** The doc as the kind's rules read it, with the kept counts. */
  view(): DocView {
    return countedView(viewOf(this.doc), this.counts)
  }

  /**
   * Checks an update without applying it; null when it may be applied to the doc. `admitNewRecords`
   * is asked last, with the number of records the update adds, and may refuse them (a participant's
   * pace). Throws on an update that cannot be decoded.
   */
  check(update: Uint8Array, ctx: WriteContext, admitNewRecords: (added: number) => boolean = () => true): WriteRefusal | null {
    this.captured = []
    this.lost = []
    const plan = planUpdate(this.doc, update, this.watched)
    this.plain = plan !== null && !plan.repeats
    this.copied = plan === null
    let refusal: WriteRefusal | null
    if (plan) {
      this.captured = plan.changes
      refusal = this.tooMany(ctx) ?? this.judge(ctx, plan.outside, overlay(this.doc, plan.changes))
    } else {
      const trial = tryOnCopy(this.doc, update, this.watched)
      try {
        this.captured = trial.changes
        this.lost = trial.lost
        refusal = this.tooMany(ctx) ?? this.judge(ctx, trial.outside, viewOf(trial.doc))
      } finally {
        trial.doc.destroy()
      }
    }
    if (!refusal) {
      const added = this.captured.filter(isNewRecord).length
      if (added > 0 && !admitNewRecords(added)) refusal = WriteRefusal.TOO_FAST
    }
    return refusal
  }

  /** A person's update adding more records than anyone may hold: refused before each record is judged. */
  private tooMany(ctx: WriteContext): WriteRefusal | null {
    if (ctx.actor.role === 'facilitator' || this.captured.length <= PERSON_NEW_RECORDS_PER_UPDATE_MAX) return null
    return this.captured.filter(isNewRecord).length > PERSON_NEW_RECORDS_PER_UPDATE_MAX ? WriteRefusal.TOO_MANY_AT_ONCE : null
  }

  private judge({ readOnly, ...ctx }: WriteContext, outside: boolean, after: Pick<DocView, 'get' | 'forEach'>): WriteRefusal | null {
    // A reader's sync reply repeats what the server has (e.g. the whole delete set): nothing to judge.
    if (readOnly) return this.captured.length > 0 || outside ? WriteRefusal.READ_ONLY : null
    if (outside) return WriteRefusal.OUTSIDE_SCHEMA
    for (const change of this.captured) {
      const spec = this.kind.roots[change.root]!
      if (change.after === undefined) continue
      const parsed = parsedRecord(spec.record, change.after)
      // Stored exactly as it parses: no untrimmed text, no defaults left out, no extra keys.
      const valid = parsed !== undefined && sameRecord(parsed, change.after)
      const keyOk = !spec.keyField || (parsed as Record<string, unknown> | undefined)?.[spec.keyField] === change.key
      if (!valid || !keyOk) return spec.refusal ?? WriteRefusal.INVALID_RECORD
      // Tombstones are the server's: the update cannot have changed them (else it is outside the schema).
      if (spec.tombstones && change.before === undefined && this.doc.getMap<unknown>(TOMBSTONES_ROOT).has(tombstoneKey(change.root, change.key))) {
        return WriteRefusal.RECORD_DELETED
      }
    }
    return this.kind.checkChanges(this.captured, { ...ctx, doc: countedView(after, this.counts, this.captured) })
  }

  destroy(): void {
    this.counts.destroy()
  }
}

/** What an update tried on a copy of the doc changed; the copy is the caller's to destroy. */
export interface Trial {
  doc: Y.Doc
  changes: RecordChange[]
  lost: LostVersion[]
  outside: boolean
}

/** Applies an update to a fresh copy of the doc, noting every record change and lost version. */
export function tryOnCopy(doc: Y.Doc, update: Uint8Array, watchedRoots: ReadonlySet<string>): Trial {
  const copy = new Y.Doc({ gc: true })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const trial: Trial = { doc: copy, changes: [], lost: [], outside: false }
  const watched = new Map<unknown, string>()
  for (const root of watchedRoots) {
    const map = copy.getMap<unknown>(root)
    watched.set(map, root)
    map.observe((event) => {
      for (const [key, change] of event.changes.keys) {
        trial.changes.push({ root, key, before: change.action === 'add' ? undefined : change.oldValue, after: map.get(key) })
      }
    })
  }
  copy.on('afterTransaction', (tx: Y.Transaction) => {
    for (const type of tx.changed.keys()) if (!watched.has(type)) trial.outside = true
    trial.lost.push(...lostVersions(tx, watched))
  })
  try {
    Y.applyUpdate(copy, update)
  } catch (error) {
    copy.destroy()
    throw error
  }
  return trial
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

/**
 * Applies a client's update the gate accepted, and forgets what of it waits in the doc for an update
 * the server never got (items past their writer's clock, deletions of unknown items). Yjs would keep
 * those until the missing update comes, and while anything waits no later write can be read from its
 * bytes alone (see `planUpdate`): every write of every phone on the doc would be tried on a copy of
 * the whole doc, one update with a gap enough to make each card cost many times its CPU. Nothing of
 * what waited was applied, stored or acknowledged; `onForgotten` asks the sender at once for what the
 * server lacks (an honest phone answers with the missing update and what waited on it).
 */
export function applyClientUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown, onForgotten: () => void): void {
  const outer = doc._transaction
  const outerLocal = outer?.local
  Y.applyUpdate(doc, update, origin)
  // Applied inside a server transaction (a peer's update with the server's revert or follow-up
  // writes in one), Yjs marks the whole transaction remote, and then takes the server's own writes
  // in it for another client's using the server's id: it gives the server a new client id, one
  // more writer in the doc for every refused card. The transaction stays the server's.
  if (outer && outerLocal) outer.local = true
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) return
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  onForgotten()
}

/** Read access to a doc's root maps, for the kind's rules. */
export function viewOf(doc: Y.Doc): DocView {
  return {
    get: (root, key) => doc.getMap<unknown>(root).get(key),
    forEach: (root, fn) => doc.getMap<unknown>(root).forEach(fn),
  }
}

/** The doc as it would be with `changes` applied, without applying them. */
function overlay(doc: Y.Doc, changes: readonly RecordChange[]): Pick<DocView, 'get' | 'forEach'> {
  const changed = new Map<string, Map<string, unknown>>()
  for (const change of changes) {
    let keys = changed.get(change.root)
    if (!keys) changed.set(change.root, (keys = new Map()))
    keys.set(change.key, change.after)
  }
  return {
    get: (root, key) => {
      const keys = changed.get(root)
      return keys?.has(key) ? keys.get(key) : doc.getMap<unknown>(root).get(key)
    },
    forEach: (root, fn) => {
      const keys = changed.get(root)
      if (!keys) return doc.getMap<unknown>(root).forEach(fn)
      // In the doc's own order: a changed key where it stands, a new one at the end.
      const items = mapItems(doc.getMap<unknown>(root))
      for (const [key, item] of items) {
        if (keys.has(key)) {
          const value = keys.get(key)
          if (value !== undefined) fn(value, key)
        } else if (!item.deleted) fn(lastValue(item), key)
      }
      for (const [key, value] of keys) if (!items.has(key) && value !== undefined) fn(value, key)
    },
  }
}
