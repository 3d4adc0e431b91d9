import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { BoardStore } from '../storage/storage.js'
import type { BoardPeer } from './doc-room.js'
import { encodeSavedMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './sync-messages.js'
import { asTheDocSees, keyOf } from './state-vectors.js'

/** Fold the log into a snapshot once it holds this many frames or bytes. */
const COMPACT_FRAMES = 2000
const COMPACT_BYTES = 8 * 1024 * 1024
/** Wait before retrying a failed write (e.g. a full disk), doubling up to the maximum, in ms. */
const RETRY_MIN_MS = 200
const RETRY_MAX_MS = 5000
/** Wait before trying a failed compaction again (the log keeps everything meanwhile), doubling, in ms. */
const COMPACT_RETRY_MIN_MS = 5000
const COMPACT_RETRY_MAX_MS = 60_000
/** Sync answers kept per doc state (the phones of a table asking with the same state vector), and the longest vector kept. */
const ANSWERS_KEPT = 8
const ANSWER_KEY_MAX = 512
/**
 * Sync answers nobody asked for this long go (ms): a wave of phones joining shares one encoding, a
 * board at rest does not keep a second copy of itself (an empty phone's answer is the whole board).
 */
export const ANSWERS_IDLE_MS = 10_000
/** From this many other updates in a batch a writer gets the batch's shared frame (see `broadcast`). */
const SHARED_FRAME_FROM = 2

/**
 * The way out of a doc room: what the doc applied goes to the store in batches and, once written
 * to the file, to the peers. A batch goes out to the peers before the sync to the disk, as one
 * merged frame per peer (the fan-out of a whole hall writing into one table); its writers are told
 * "saved" only after the sync. So no peer holds a write that a crash of the server process could
 * lose, and no honest peer is refused for sending one back after a restart, while the fan-out does
 * not wait for the disk. The batch is whatever arrived while the previous one was being written:
 * immediate when the board is quiet, larger under load. On a quiet board a peer's plain write does
 * not even wait for the doc: it is written and sent before Yjs applies it (`sendAhead`). A failed
 * write stays queued and is retried, so nothing a peer sent is dropped. Sync replies never show
 * writes not yet in the file.
 */
export class RoomOutbox {
  private queue: QueuedUpdate[] = []
  /** Sync replies waiting until what they would show is stored (see `answerSync`). */
  private replies: { peer: BoardPeer; vector: Uint8Array }[] = []
  private flushing: Promise<void> | null = null
  /** A peer's update written and sent before the doc applies it (see `sendAhead`), until `applied`. */
  private ahead: Ahead | null = null
  /** A batch is on its way into the file (not yet written). */
  private writing = false
  private persistedVector: Uint8Array
  private retryMs = RETRY_MIN_MS
  /** After a failed compaction: not before this time (ms), and how long to wait after the next failure. */
  private compactNotBefore = 0
  private compactRetryMs = COMPACT_RETRY_MIN_MS
  /** Set when the last write failed (reported on /healthz). */
  storageError: Error | null = null
  /**
   * Sync answers of the doc as it is now, by the asking state vector: the phones of a table that
   * connect between two writes ask with the same vector (a new phone's is empty, a reconnecting
   * one's is the board's), and one encoding serves them all. Emptied on every change of the doc.
   */
  private readonly answers = new Map<string, Uint8Array>()
  /** When an answer was last given from `answers`, and the timer that empties it at rest. */
  private answersUsed = 0
  private answersTimer: NodeJS.Timeout | undefined
  /** The server's sync step 1 for the doc as it is now, and "saved" for what is stored: the same for every peer that opens. */
  private step1: Uint8Array | null = null
  private saved: { vector: Uint8Array; message: Uint8Array } | null = null

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly peers: ReadonlySet<BoardPeer>,
    private readonly store: BoardStore,
    private readonly log: Logger,
  ) {
    this.persistedVector = Y.encodeStateVector(doc)
    // Every write to the doc, whichever way it came (a load, a peer, the server itself), moves its state vector.
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (movesStateVector(transaction)) this.step1 = null
    })
  }

  /** The doc as loaded is stored already. */
  loaded(): void {
    this.persistedVector = Y.encodeStateVector(this.doc)
  }

  /** An update the doc applied: stored with the next batch, then sent (not to `from`, unless `echo`). */
  push(update: Uint8Array, from: BoardPeer | null, echo: boolean): void {
    this.answers.clear()
    this.queue.push({ update, from, echo })
    // A write made while the doc applies an update sent ahead (an observer's) waits for `applied`:
    // its batch follows the sync of that update, in one flush, as it follows it in the file.
    if (!this.flushing && !this.ahead) this.flushing = this.flush()
  }

  /**
   * On a quiet doc (nothing waiting to be written) a peer's plain update goes into the file and out
   * to the other peers before the doc applies it: a card on a quiet board does not wait for Yjs and
   * the next tick on its way to the projector. The caller applies the update right after, without
   * pushing it (it is here already), and then calls `applied`; its writer is told "saved" after the
   * sync, as in a batch. The update is in the file before any peer has it, as in a batch. False:
   * nothing done, the update takes the usual way.
   */
  sendAhead(update: Uint8Array, from: BoardPeer): boolean {
    if (this.flushing || this.queue.length > 0 || this.writing || !this.store.appendNow) return false
    let sync: (() => Promise<void>) | null
    try {
      sync = this.store.appendNow(this.name, [update])
    } catch (error) {
      // Not written (a full disk): the usual way stores it and retries.
      this.log.error({ err: error, doc: this.name }, 'writing an update at once failed, it is stored with the next batch')
      return false
    }
    if (!sync) return false
    this.ahead = { update, from, sync }
    this.sendSafely(() => this.broadcast([{ update, from, echo: false }]))
    return true
  }

  /**
   * The doc applied the update sent ahead (or threw on it): its sync runs, then what waits meanwhile.
   * `vector`: the doc's state vector right after that update (its writer is told "saved" up to
   * there); by default the doc's now.
   */
  applied(vector: Uint8Array = Y.encodeStateVector(this.doc)): void {
    const ahead = this.ahead
    if (!ahead) return
    this.ahead = null
    this.answers.clear()
    this.flushing = this.flush({ ...ahead, vector })
  }

  /**
   * Answers a peer's sync step 1 with what it lacks, never with writes not yet in the file: while
   * writes wait, the answer is taken with the next batch and sent once that batch is written.
   */
  answerSync(peer: BoardPeer, stateVector: Uint8Array, mayEncode: () => boolean): boolean {
    const vector = asTheDocSees(this.doc, stateVector, ANSWER_KEY_MAX)
    // Everything applied is in the file (at most its sync to the disk is pending): answer now.
    const now = this.queue.length === 0 && !this.writing
    // An answer made for another peer costs nothing; a new encoding (the whole board, for a vector
    // never seen) is paid from the asker's allowance.
    if (!(now && this.answers.has(keyOf(vector))) && !mayEncode()) return false
    if (now) peer.send(this.answer(vector))
    else this.replies.push({ peer, vector })
    return true
  }

  /** The sync step 2 for a state vector, from the doc as it is now (see `answers`). */
  private answer(stateVector: Uint8Array): Uint8Array {
    // Updates waiting for a missing one go into the answer too, but change the doc without an update event: not kept.
    const waiting = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
    if (waiting || stateVector.length > ANSWER_KEY_MAX) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    const key = keyOf(stateVector)
    let message = this.answers.get(key)
    if (!message) {
      if (this.answers.size >= ANSWERS_KEPT) this.answers.clear()
      message = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
      this.answers.set(key, message)
    }
    this.answersUsed = Date.now()
    this.answersTimer ??= setTimeout(this.expireAnswers, ANSWERS_IDLE_MS).unref()
    return message
  }

  /** Empties `answers` once none was asked for in ANSWERS_IDLE_MS, else looks again when that time is up. */
  private readonly expireAnswers = (): void => {
    this.answersTimer = undefined
    const idle = Date.now() - this.answersUsed
    if (idle >= ANSWERS_IDLE_MS) return this.answers.clear()
    this.answersTimer = setTimeout(this.expireAnswers, ANSWERS_IDLE_MS - idle).unref()
  }

  /** The state vector of what is durably stored. */
  get persisted(): Uint8Array {
    return this.persistedVector
  }

  /** What a peer that opens gets first: the server's sync step 1, and how far the doc is stored. */
  greeting(): [Uint8Array, Uint8Array] {
    this.step1 ??= encodeSyncStep1(Y.encodeStateVector(this.doc))
    if (this.saved?.vector !== this.persistedVector) this.saved = { vector: this.persistedVector, message: encodeSavedMessage(this.persistedVector) }
    return [this.step1, this.saved.message]
  }

  /** Resolves once everything applied so far is stored. */
  async settle(): Promise<void> {
    while (this.flushing || this.queue.length) await (this.flushing ?? this.flush())
  }

  /** Whether writes are still waiting for the disk. */
  get pending(): boolean {
    return this.flushing !== null || this.queue.length > 0
  }

  /** Forgets what waits, unstored (the room is given up). */
  drop(): void {
    this.queue.length = 0
    this.replies.length = 0
  }

  /** Lets go of the kept answers and their timer (the room unloads). */
  release(): void {
    clearTimeout(this.answersTimer)
    this.answersTimer = undefined
    this.answers.clear()
  }

  /**
   * Sends a stored batch to the peers: one merged frame each. A peer gets everything but its own
   * updates (unless the server's undo of its card rides on one); one encoding serves all the others,
   * and, in a batch with at least two updates of others, the writers too (their own updates in it
   * change nothing on their side).
   */
  private broadcast(all: readonly QueuedUpdate[]): void {
    const batch = all.filter((b) => !b.sent)
    if (this.peers.size === 0 || batch.length === 0) return
    const merge = (items: readonly QueuedUpdate[]) => (items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((b) => b.update)))
    /** Per writer, how many of the batch's updates are its own (not counting the server's undos). */
    const own = new Map<BoardPeer, number>()
    for (const b of batch) if (b.from && !b.echo) own.set(b.from, (own.get(b.from) ?? 0) + 1)
    const everything = encodeUpdateMessage(merge(batch))
    for (const peer of this.peers) {
      const mine = own.get(peer)
      const others = batch.length - (mine ?? 0)
      if (others === 0) continue
      // Under load (a batch of many writers' cards) a writer gets the shared frame with its own
      // updates in it, which its doc skips, instead of a merge of its own: one merge per batch, not
      // one per writer. A batch of one writer's card and little else keeps the frame without it.
      if (mine === undefined || others >= SHARED_FRAME_FROM) peer.send(everything, true)
      else peer.send(encodeUpdateMessage(merge(batch.filter((b) => b.from !== peer || b.echo))))
    }
  }

  /** Sends the sync replies taken with a written batch, and, once nothing else waits to be written, the rest. */
  private answerWaiting(taken: readonly { peer: BoardPeer; message: Uint8Array }[]): void {
    for (const r of taken) if (this.peers.has(r.peer)) r.peer.send(r.message)
    if (this.queue.length > 0) return
    for (const r of this.replies.splice(0)) if (this.peers.has(r.peer)) r.peer.send(this.answer(r.vector))
  }

  private async flush(ahead?: Ahead & { vector: Uint8Array }): Promise<void> {
    // Let updates arriving in the same tick join the batch (an update sent ahead is written already).
    if (!ahead) await new Promise((resolve) => setImmediate(resolve))
    try {
      if (ahead) {
        let synced = false
        try {
          await ahead.sync()
          synced = true
        } catch (error) {
          // In the file and sent, not synced: stored again with the next batch (the peers have it).
          this.queue.unshift({ update: ahead.update, from: ahead.from, echo: false, sent: true })
          await this.failed(error)
        }
        if (synced) await this.stored(ahead.vector, [ahead.from])
      }
      while (this.queue.length) {
        const batch = this.queue.splice(0)
        const vector = Y.encodeStateVector(this.doc)
        // Answers to sync requests that came in meanwhile show exactly the doc this batch completes.
        const waiting = this.replies.splice(0)
        const taken = waiting.map((r) => ({ peer: r.peer, message: this.answer(r.vector) }))
        // Out to the peers once in the file (it then survives a crash of this process); acks wait for the sync.
        let sent = false
        this.writing = true
        const send = () => {
          if (sent) return
          sent = true
          this.writing = false
          this.sendSafely(() => {
            this.broadcast(batch)
            this.answerWaiting(taken)
          })
        }
        try {
          await this.store.append(this.name, batch.map((b) => b.update), send)
        } catch (error) {
          this.writing = false
          // Written but not synced (a full disk): the peers have it already; the retry only stores it.
          if (sent) for (const b of batch) b.sent = true
          else this.replies.unshift(...waiting)
          this.queue.unshift(...batch)
          await this.failed(error)
          continue
        }
        send()
        await this.stored(vector, batch.map((b) => b.from))
      }
      // Sync requests that came in during the last sync or compaction: everything is written now.
      this.answerWaiting([])
    } finally {
      this.flushing = null
    }
  }

  /** Runs a fan-out; a fault in it is no storage error (what it sends is stored all the same). */
  private sendSafely(send: () => void): void {
    try {
      send()
    } catch (error) {
      this.log.error({ err: error, doc: this.name }, 'sending a stored batch to the peers failed')
    }
  }

  /** Everything up to `vector` is synced: its writers are told, waiting sync requests answered, a large log folded. */
  private async stored(vector: Uint8Array, from: readonly (BoardPeer | null)[]): Promise<void> {
    if (this.storageError) this.log.info({ doc: this.name }, 'storing works again')
    this.storageError = null
    this.retryMs = RETRY_MIN_MS
    this.persistedVector = vector
    const writers = new Set(from.filter((p): p is BoardPeer => p !== null))
    for (const peer of writers) if (this.peers.has(peer)) peer.saved(vector)
    if (this.queue.length === 0) this.answerWaiting([])
    await this.compactIfLarge()
  }

  /** A write or sync failed: reported on /healthz, tried again after a pause that doubles. */
  private async failed(error: unknown): Promise<void> {
    this.storageError = error as Error
    this.log.error({ err: error, doc: this.name, retryMs: this.retryMs }, 'storing failed, retrying')
    await new Promise((resolve) => setTimeout(resolve, this.retryMs))
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
  }

  /**
   * Folds the log into a snapshot now, after everything applied is stored: deleted records (a
   * participant's "Meine Beiträge löschen") then leave the disk, not only the doc. Updates that
   * arrive meanwhile wait in the queue and are stored after it.
   */
  async compactNow(): Promise<void> {
    while (this.flushing || this.queue.length) await this.settle()
    const run = (async () => {
      try {
        await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc))
      } finally {
        this.flushing = null
        if (this.queue.length) this.flushing = this.flush()
      }
    })()
    this.flushing = run
    await run
  }

  /**
   * Folds a large log into a snapshot. A compaction that fails (a full disk) loses nothing: the log
   * still holds every update, so it is only logged and tried again later, after a later append.
   */
  private async compactIfLarge(): Promise<void> {
    const size = this.store.logSize(this.name)
    if (size.frames < COMPACT_FRAMES && size.bytes < COMPACT_BYTES) return
    if (Date.now() < this.compactNotBefore) return
    try {
      // Taken after the last append: the snapshot holds at least everything in the log.
      await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc))
      this.compactNotBefore = 0
      this.compactRetryMs = COMPACT_RETRY_MIN_MS
    } catch (error) {
      this.log.error({ err: error, doc: this.name, retryMs: this.compactRetryMs }, 'compacting the board log failed, the log keeps everything')
      this.compactNotBefore = Date.now() + this.compactRetryMs
      this.compactRetryMs = Math.min(this.compactRetryMs * 2, COMPACT_RETRY_MAX_MS)
    }
  }
}

/** An applied update waiting for the disk, and who sent it (null: the server itself). */
interface QueuedUpdate {
  update: Uint8Array
  from: BoardPeer | null
  /** Goes back to its sender too (it holds the server's undo of the sender's card). */
  echo: boolean
  /** Already sent to the peers (its first write reached the file, the sync failed). */
  sent?: boolean
}

/** A peer's update written and sent before the doc applied it, and its sync to the disk. */
interface Ahead {
  update: Uint8Array
  from: BoardPeer
  sync: () => Promise<void>
}

/** Whether a transaction added to the doc (a deletion alone leaves the state vector as it was). */
function movesStateVector(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}
