import * as Y from 'yjs'
import { type DocKind, type Origin, type RecordChange, TOMBSTONES_ROOT, type UpdateShape, type WriteRefusal, WRITERS_ROOT, addedTogether, tombstoneKey } from '@tischrunde/shared'
import { RoomWriters } from './room-writers.js'
import { RoomPaces } from './room-paces.js'
import type { Logger } from 'pino'
import type { BoardStore } from '../storage/storage.js'
import { RoomOutbox } from './room-outbox.js'
import { encodeSyncStep1 } from './sync-messages.js'
import { type LostVersion, type WriteContext, WriteGate, applyClientUpdate } from './write-gate.js'

/** One connected doc socket, as a room sees it. */
export interface BoardPeer {
  readonly id: string
  /** Sends a y-websocket protocol message. `shared`: the same bytes go to many peers (prepared once). */
  send(message: Uint8Array, shared?: boolean): void
  /** Tells the peer how far its writes are durably stored (state vector). */
  saved(stateVector: Uint8Array): void
}

/**
 * Records of an accepted update the server keeps off this doc (a card for a station that is still
 * collecting, or one waiting for approval): `commit` writes them where they belong, before they are
 * taken out of this doc in the same tick; `after` runs once they are out.
 */
export interface Diversion {
  keys: readonly string[]
  commit(): void
  after?(): void
  /** The update may not be stored at all (a soft refusal: the sender keeps its text and is told). */
  refusal?: WriteRefusal
}

/**
 * One doc in memory with its peers, of any kind: the write gate and the server's follow-up writes
 * here; storing the applied updates in batches and sending them to the peers in RoomOutbox.
 */
export class DocRoom {
  readonly doc = new Y.Doc({ gc: true })
  readonly peers = new Set<BoardPeer>()
  /** Sockets and readers holding the room open; at zero it may unload. */
  holds = 0
  private gate: WriteGate | null = null
  /** While set, an update goes back to its sender too (it holds the server's undo of the sender's card). */
  private echo = false
  /** Who writes with which client id, made on the first write. */
  private writers: RoomWriters | null = null
  /** Each person's pace of updates tried on a copy of the doc (`copiedTooOften`) and of new sync answers (`answerSync`). */
  private readonly paces = new RoomPaces()
  /** Stores what the doc applied and sends it to the peers. */
  private readonly outbox: RoomOutbox
  /** The doc's update listener (see `encodeUpdateOf`), and whether it is on. */
  private readonly updated = (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin)
  private listening = false
  /** The peer whose update sent ahead is being applied, until its transaction ends (see `encodeUpdateOf`). */
  private applyingAhead: BoardPeer | null = null
  /** The doc's state vector as that transaction ended: how far its writer may be told "saved". */
  private appliedAhead: Uint8Array | undefined
  /** Docs loaded and held with this one (see DocRooms' extension), e.g. a board's moderation docs. */
  companions: readonly DocRoom[] = []
  /** Decides which records of an accepted update are kept off this doc (see DocRooms' extension). */
  divert: ((changes: readonly RecordChange[], ctx: WriteContext) => Diversion | null) | null = null

  constructor(
    readonly name: string,
    readonly kind: DocKind,
    private readonly store: BoardStore,
    log: Logger,
  ) {
    this.outbox = new RoomOutbox(name, this.doc, this.peers, store, log)
  }

  /** Loads the stored updates; the room listens for changes only afterwards. */
  async load(): Promise<void> {
    const updates = await this.store.load(this.name)
    Y.transact(this.doc, () => {
      for (const u of updates) Y.applyUpdate(this.doc, u)
    }, { source: 'server', by: 'load' } satisfies Origin)
    this.outbox.loaded()
    this.gate = new WriteGate(this.doc, this.kind)
    this.doc.on('afterTransactionCleanup', (transaction: Y.Transaction) => this.encodeUpdateOf(transaction))
    this.listen(true)
    this.kind.init?.(this.doc, { source: 'server', by: 'load' })
  }

  /**
   * Applies a peer's update if the write gate lets it through; otherwise nothing of it is applied,
   * stored or broadcast, and the reason is returned (a soft refusal must then be taken with
   * `takeAndRevert`). Throws on an update that cannot be decoded. After an accepted update the
   * server writes what follows from it in one transaction: tombstones of deleted records, fields
   * the kind decides itself, and versions lost to a concurrent write kept beside the record.
   */
  applyFromPeer(update: Uint8Array, peer: BoardPeer, ctx: WriteContext, admitNewRecords?: (added: number) => boolean, bindsWriters = false): WriteRefusal | null {
    const gate = this.gate!
    const refusal = gate.check(update, ctx, admitNewRecords)
    if (refusal) return refusal
    const changes = [...gate.lastChanges]
    const lost = gate.lastLost.filter((version) => !version.incoming || this.mayKeep(version, ctx))
    // A version that lost to a concurrent write (a reword built before the server's approval) is this person's change too.
    const lostChanges = lost.filter((v) => v.incoming).map((v) => ({ root: v.root, key: v.key, before: this.doc.getMap<unknown>(v.root).get(v.key), after: v.value }))
    const diversion = this.divert?.(lostChanges.length > 0 ? [...changes, ...lostChanges] : changes, ctx) ?? null
    if (diversion?.refusal) return diversion.refusal
    if (diversion && diversion.keys.length > 0) {
      this.takeAndDivert(update, peer, changes, lost, diversion, ctx)
      return null
    }
    // A write that is the whole change (nearly every card) is in the file and on its way to the
    // peers before Yjs applies it, when the board is quiet.
    const alone = !bindsWriters && this.standsAlone(changes, lost, ctx)
    if (!alone) {
      this.applyWithFollowUp(update, peer, changes, lost, ctx)
      return null
    }
    const ahead = this.outbox.sendAhead(update, peer)
    if (ahead) this.applyingAhead = peer
    try {
      applyClientUpdate(this.doc, update, peer, () => this.resync([peer]))
    } finally {
      if (ahead) {
        const vector = this.appliedAhead
        this.applyingAhead = null
        this.appliedAhead = undefined
        this.listen(true)
        this.outbox.applied(vector)
      }
    }
    return null
  }

  /**
   * Whether an accepted update is the whole change it makes: a plain write of one record (see
   * `WriteGate.lastPlain`) the server follows up with nothing (no correction, tombstone or lost
   * version). Only such an update may be stored and sent before the doc applies it: a peer never
   * sees what the server corrects, and a crash cannot keep the write without its correction.
   * Asked before applying: every other record the rules read is the same before and after.
   */
  private standsAlone(changes: readonly RecordChange[], lost: readonly LostVersion[], ctx: WriteContext): boolean {
    if (!this.gate!.lastPlain || changes.length !== 1 || lost.length > 0) return false
    const { writes, tombstones } = this.followUpOf(changes, lost, ctx)
    return writes.length === 0 && tombstones.length === 0
  }

  /**
   * Takes an accepted update but keeps some of its records off this doc: written where they belong
   * first, then removed in the update's transaction (the broadcast holds nothing of them).
   */
  private takeAndDivert(update: Uint8Array, peer: BoardPeer, changes: readonly RecordChange[], lost: readonly LostVersion[], diversion: Diversion, ctx: WriteContext): void {
    const keys = new Set(diversion.keys)
    diversion.commit()
    const kept = (c: { key: string }) => !keys.has(c.key)
    this.applyWithFollowUp(update, peer, changes.filter(kept), lost.filter(kept), ctx, () => {
      for (const change of [...changes, ...lost]) if (!kept(change)) this.doc.getMap<unknown>(change.root).delete(change.key)
    })
    diversion.after?.()
  }

  /**
   * Applies a peer's update with what the server writes after it (`also`, then `followUp`) in one
   * transaction: what goes out and into the file holds the records as corrected, and what a
   * correction removed (a name under a card while names are hidden) is gone from it, not only
   * overwritten. The sender gets it too.
   */
  private applyWithFollowUp(update: Uint8Array, peer: BoardPeer, changes: readonly RecordChange[], lost: readonly LostVersion[], ctx: WriteContext, also?: () => void): void {
    this.echo = true
    try {
      this.doc.transact(() => {
        applyClientUpdate(this.doc, update, peer, () => this.resync([peer]))
        also?.()
        this.followUp(changes, lost, ctx)
      }, peer)
    } finally {
      this.echo = false
    }
  }

  /** Writes as the server (a moderator's command): bound as the server's own writer, in one transaction. */
  writeAsServer(write: (doc: Y.Doc) => void, by: string): void {
    const writers = this.doc.getMap<string>(WRITERS_ROOT)
    this.doc.transact(() => {
      if (!writers.has(String(this.doc.clientID))) writers.set(String(this.doc.clientID), SERVER_WRITER)
      write(this.doc)
    }, { source: 'server', by } satisfies Origin)
  }

  /** A version that lost on arrival is kept only if its writer could have stored it. */
  private mayKeep(version: LostVersion, ctx: WriteContext): boolean {
    const current = this.doc.getMap<unknown>(version.root).get(version.key)
    if (current === undefined) return false
    const change = { root: version.root, key: version.key, before: current, after: version.value }
    return this.kind.checkChanges([change], { ...ctx, doc: this.gate!.view() }) === null
  }

  /**
   * What to store when a version was lost to a concurrent write. A person's write never loses to
   * the server's own correction of order and time: then the person's version is stored, corrected.
   * Two people's versions are both kept (the kind's `keepLost`); so is a version the server wrote
   * in a kind that corrects nothing (its merge of two tree nodes is one more version to merge).
   */
  private resolveLost(version: LostVersion, current: unknown, currentClient: number | undefined, ctx: WriteContext): unknown {
    const view = { ...ctx, doc: this.gate!.view() }
    const change = { root: version.root, key: version.key }
    if (!this.kind.normalize && this.kind.keepLost) return this.kind.keepLost(current, version.value)
    if (this.isServerWriter(version.client)) return this.kind.normalize?.({ ...change, before: version.value, after: current }, view)
    if (currentClient !== undefined && this.isServerWriter(currentClient)) {
      return this.kind.normalize?.({ ...change, before: current, after: version.value }, view) ?? version.value
    }
    return this.kind.keepLost?.(current, version.value)
  }

  private isServerWriter(client: number): boolean {
    return client === this.doc.clientID || this.doc.getMap<string>(WRITERS_ROOT).get(String(client)) === SERVER_WRITER
  }

  private followUp(changes: readonly RecordChange[], lost: readonly LostVersion[], ctx: WriteContext): void {
    const { writes, tombstones } = this.followUpOf(changes, lost, ctx)
    // The server's own writes carry its client id; bound once, so a later load still knows them.
    const writers = this.doc.getMap<string>(WRITERS_ROOT)
    const bindSelf = writes.length > 0 && !writers.has(String(this.doc.clientID))
    if (writes.length === 0 && tombstones.length === 0) return
    this.doc.transact(() => {
      if (bindSelf) writers.set(String(this.doc.clientID), SERVER_WRITER)
      for (const key of tombstones) this.doc.getMap<unknown>(TOMBSTONES_ROOT).set(key, true)
      for (const w of writes) this.doc.getMap<unknown>(w.root).set(w.key, w.value)
    }, { source: 'server', by: 'gate' } satisfies Origin)
  }

  /** What the server writes after an accepted update: records it corrects or keeps beside, and tombstones of deleted ones. */
  private followUpOf(changes: readonly RecordChange[], lost: readonly LostVersion[], ctx: WriteContext): { writes: { root: string; key: string; value: unknown }[]; tombstones: string[] } {
    const writes: { root: string; key: string; value: unknown }[] = []
    const tombstones: string[] = []
    const together = addedTogether(changes)
    for (const change of changes) {
      const spec = this.kind.roots[change.root]
      if (change.after === undefined) {
        if (spec?.tombstones && change.before !== undefined) tombstones.push(tombstoneKey(change.root, change.key))
        continue
      }
      const normal = this.kind.normalize?.(change, { ...ctx, doc: this.gate!.view(), ...together })
      if (normal !== null && normal !== undefined) writes.push({ root: change.root, key: change.key, value: normal })
    }
    for (const version of lost) {
      const map = this.doc.getMap<unknown>(version.root)
      const current = writes.find((w) => w.root === version.root && w.key === version.key)?.value ?? map.get(version.key)
      if (current === undefined) continue
      const kept = this.resolveLost(version, current, currentWriter(map, version.key), ctx)
      if (kept !== null && kept !== undefined) writes.push({ root: version.root, key: version.key, value: kept })
    }
    return { writes, tombstones }
  }

  /**
   * For a refusal that is no attack (a card for a station that closed meanwhile): takes the update
   * and undoes its record changes in the same transaction. Peers see no change, the refused text is
   * not kept, and the phone's later updates still apply (Yjs needs every update of a client in
   * order). Returns the texts that were not taken, for the phone to show.
   */
  takeAndRevert(update: Uint8Array, peer: BoardPeer): string[] {
    const gate = this.gate!
    const changes = [...gate.lastChanges]
    const refused: string[] = []
    this.echo = true
    this.doc.transact(() => {
      applyClientUpdate(this.doc, update, peer, () => this.resync([peer]))
      for (const change of changes) {
        // The root comes from the kind's own list (the gate watches only those).
        const map = this.doc.getMap<unknown>(change.root)
        if (change.before === undefined) map.delete(change.key)
        else map.set(change.key, change.before)
        // Only a text the sender wrote comes back, not the unchanged text of a record it moved or annotated.
        const text = (change.after as { text?: unknown } | undefined)?.text
        const before = (change.before as { text?: unknown } | undefined)?.text
        if (typeof text === 'string' && text !== before) refused.push(text)
      }
    }, peer)
    this.echo = false
    return refused
  }

  /**
   * Checks that an update writes only under client ids of its sender (see RoomWriters); returns the
   * refusal, or the function that binds the sender's new client ids once the update is taken.
   */
  admitWriters(shape: UpdateShape, writer: string | null, staff = false): { refusal: WriteRefusal } | { binds: boolean; bind: () => void } {
    return (this.writers ??= new RoomWriters(this.doc)).admit(shape, writer, staff)
  }

  /**
   * Whether the last update from `writer` was tried on a copy of the whole doc and the person has
   * spent their allowance of such updates (RoomPaces): honest phones send one now and then (two
   * edits of a card at once, a sync after being offline); a stream of them would keep the server copying.
   */
  copiedTooOften(writer: string): boolean {
    if (!this.gate?.lastCopied) return false
    return !this.paces.copied(writer, Date.now())
  }

  /** How far the doc has the structs of Yjs client `client` (its next clock). */
  stateOf(client: number): number {
    return Y.getState(this.doc.store, client)
  }

  /**
   * Answers a peer's sync step 1 with what it lacks, never with writes not yet in the file (see
   * RoomOutbox). False: refused, `asker` (a participant) asked for too many new encodings (RoomPaces).
   */
  answerSync(peer: BoardPeer, stateVector: Uint8Array, asker: string | null): boolean {
    return this.outbox.answerSync(peer, stateVector, () => asker === null || this.paces.answered(asker, Date.now()))
  }

  /** Asks peers (all: after a station reopens, refused cards come in again) for what the server lacks. */
  resync(peers: Iterable<BoardPeer> = this.peers): void {
    const message = encodeSyncStep1(Y.encodeStateVector(this.doc))
    for (const peer of peers) peer.send(message, true)
  }

  /** What a peer that opens gets first (see RoomOutbox.greeting). */
  greeting(): [Uint8Array, Uint8Array] {
    return this.outbox.greeting()
  }

  /** The state vector of what is durably stored. */
  get persisted(): Uint8Array {
    return this.outbox.persisted
  }

  /** Resolves once everything applied so far is stored. */
  settle(): Promise<void> {
    return this.outbox.settle()
  }

  /** Whether writes are still waiting for the disk. */
  get pending(): boolean {
    return this.outbox.pending
  }

  /** Set when the last write failed (reported on /healthz). */
  get storageError(): Error | null {
    return this.outbox.storageError
  }

  /** Folds the log into a snapshot now, so deleted records ("Meine Beiträge löschen") leave the disk, not only the doc. */
  compactNow(): Promise<void> {
    return this.outbox.compactNow()
  }

  /**
   * Gives the doc up without storing what waits (another node owns its event now and the store
   * refuses this node's writes; the writers were never told "saved" and re-send to the new owner).
   */
  abandon(): void {
    this.outbox.drop()
    this.destroy()
  }

  /** Frees the doc and its counts (the room was unloaded). */
  destroy(): void {
    this.outbox.release()
    this.gate?.destroy()
    this.doc.destroy()
  }

  /**
   * Decides, as each transaction ends, whether Yjs encodes its update for `onUpdate` (it does while
   * the doc has an update listener): not for the apply of an update sent ahead (stored and sent as it
   * came), and for every other transaction, also one an observer would start inside that apply.
   */
  private encodeUpdateOf(transaction: Y.Transaction): void {
    const sentAhead = this.applyingAhead !== null && transaction.origin === this.applyingAhead
    if (sentAhead) {
      this.applyingAhead = null
      // Not the doc's own vector: writes an observer made meanwhile are in the doc, not yet stored.
      this.appliedAhead = Y.encodeStateVector(transaction.afterState)
    }
    this.listen(!sentAhead)
  }

  private listen(on: boolean): void {
    if (on === this.listening) return
    this.listening = on
    if (on) this.doc.on('update', this.updated)
    else this.doc.off('update', this.updated)
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.outbox.push(update, isPeer(origin) ? origin : null, this.echo)
  }
}

/** Peers are the transaction origin of the updates they send. */
function isPeer(origin: unknown): origin is BoardPeer {
  return typeof origin === 'object' && origin !== null && 'send' in origin && 'saved' in origin
}

/** The writer key under which the server's own client ids are bound. */
const SERVER_WRITER = 'server'

/** The Yjs client id that wrote a key's current value (Y.Map keeps each key's current item in `_map`). */
function currentWriter(map: Y.Map<unknown>, key: string): number | undefined {
  return (map as unknown as { _map: Map<string, { id: { client: number } }> })._map.get(key)?.id.client
}
