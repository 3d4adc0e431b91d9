import {
  type Ack,
  ErrorCode,
  fail,
  type EventId,
  type Result,
  type RoundError,
  type RoundState,
  type StoredEvent,
  StoreWriteError,
  type Template,
  autoLockAt,
  lockIfExpired,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { EventService } from '../events/event-service.js'
import { isStorageFailure } from '../storage/storage-error.js'

const NOT_FOUND_ACK: Ack = fail(ErrorCode.NOT_FOUND, { what: 'event' })
const STALE_ACK: Ack = fail(ErrorCode.STALE_VERSION, {}, 'a newer round state was stored meanwhile')
const STORAGE_FAILED_ACK: Ack = fail(ErrorCode.STORAGE_FAILED, {}, 'the new round state could not be stored')
/** How often a command without an expected version re-reads and retries after losing a race. */
const MAX_RETRIES = 20
/** Wait before trying an auto-lock again that could not be stored (a full disk), doubling up to the maximum, in ms. */
const LOCK_RETRY_MIN_MS = 1000
const LOCK_RETRY_MAX_MS = 5000

/** What writing a round state came to. */
type Saved = 'saved' | 'storage-failed' | StoreWriteError

export type RoundChange = (round: RoundState, template: Template, now: number) => Result<RoundState, RoundError>

/**
 * Holds the authoritative round state of every event: applies facilitator commands exactly once
 * (each names the version it saw), stores the result, and locks a station when its timer and
 * grace period are over — also after a restart, from the stored end time.
 *
 * A state that cannot be stored (a full disk) is not applied: the command is answered
 * STORAGE_FAILED, screens keep the stored state, and an auto-lock is tried again until it is stored.
 */
export class RoundService {
  private readonly lockTimers = new Map<EventId, NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly events: EventService,
    private readonly deps: {
      now: () => number
      log: Logger
      /** Tells every screen of the event about the new state. */
      publish: (stored: StoredEvent) => void
      /** Called when stations may have become writable again. */
      reopened: (eventId: EventId) => void
    },
  ) {}

  /** Arms the auto-lock of every stored event (at boot). */
  async restore(): Promise<void> {
    for (const stored of await this.events.list()) this.schedule(stored)
  }

  /** Arms the auto-lock of one event (several nodes: this node became its owner). */
  async restoreEvent(eventId: EventId): Promise<void> {
    const stored = await this.events.get(eventId)
    if (stored) this.schedule(stored)
  }

  /** Disarms the auto-lock of one event (several nodes: another node owns it now). */
  forgetEvent(eventId: EventId): void {
    clearTimeout(this.lockTimers.get(eventId))
    this.lockTimers.delete(eventId)
  }

  /**
   * Applies a change if `expectedVersion` is current; a second click on the same state gets
   * STALE_VERSION. Commands without an expected version (settings, station locks) apply to the
   * latest state: when another write comes between their read and their write, they read again
   * and retry, never overwriting it.
   */
  async command(eventId: EventId, expectedVersion: number | null, change: RoundChange): Promise<Ack> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const stored = await this.events.get(eventId)
      if (!stored) return NOT_FOUND_ACK
      if (expectedVersion !== null && stored.round.version !== expectedVersion) return STALE_ACK
      const result = change(stored.round, stored.event.template, this.deps.now())
      if (!result.ok) return fail(ErrorCode.NOT_NOW, { reason: result.error })
      const saved = await this.save(stored, result.value)
      if (saved === 'saved') return { ok: true }
      if (saved === 'storage-failed') return STORAGE_FAILED_ACK
      if (saved === StoreWriteError.NOT_FOUND) return NOT_FOUND_ACK
      if (expectedVersion !== null) return STALE_ACK
    }
    return STALE_ACK
  }

  /** Writes the round record only (compare-and-set on the version `stored` was read at). */
  private async save(stored: StoredEvent, round: RoundState): Promise<Saved> {
    if (this.closed) return StoreWriteError.NOT_FOUND
    const id = stored.event.id
    let written
    try {
      written = await this.events.setRound(id, stored.round.version, round)
    } catch (error) {
      if (!isStorageFailure(error)) throw error
      this.deps.log.error({ err: error, event: id }, 'the round state could not be stored')
      // A screen that opened while it was being written may show it: send every screen the stored state.
      const kept = await this.events.get(id)
      if (kept) this.deps.publish(kept)
      return 'storage-failed'
    }
    if (!written.ok) return written.error
    const next = written.value
    const reopened = stored.round.lockedStations.some((id) => !round.lockedStations.includes(id)) || round.stationIndex !== stored.round.stationIndex
    this.deps.publish(next)
    this.schedule(next)
    if (reopened || round.phase !== stored.round.phase) this.deps.reopened(next.event.id)
    return 'saved'
  }

  private schedule(stored: StoredEvent): void {
    if (this.closed) return
    const id = stored.event.id
    clearTimeout(this.lockTimers.get(id))
    this.lockTimers.delete(id)
    const at = autoLockAt(stored.round)
    if (at === null) return
    const current = stored.event.template.stations[stored.round.stationIndex]?.id
    if (current && stored.round.lockedStations.includes(current)) return
    // setTimeout takes at most ~24.8 days; stations are far shorter.
    const delay = Math.min(Math.max(0, at - this.deps.now()), 2 ** 31 - 1)
    this.lockTimers.set(
      id,
      // unref: a running station must not keep a CLI (seed, export) from exiting; the server's
      // listening socket keeps the server itself alive.
      setTimeout(() => void this.lockExpired(id, LOCK_RETRY_MIN_MS), delay).unref(),
    )
  }

  /** Locks the station whose time ran out. Never rejects: a lock that cannot be stored is tried again after `retryMs`. */
  private async lockExpired(id: EventId, retryMs: number): Promise<void> {
    this.lockTimers.delete(id)
    try {
      if (await this.tryLock(id)) return
    } catch (error) {
      this.deps.log.error({ err: error, event: id }, 'locking a station after its time ran out failed')
    }
    if (this.closed) return
    this.deps.log.warn({ event: id, retryMs }, 'the station lock is tried again')
    const next = Math.min(retryMs * 2, LOCK_RETRY_MAX_MS)
    this.lockTimers.set(id, setTimeout(() => void this.lockExpired(id, next), retryMs).unref())
  }

  /** One go at the auto-lock; false when it could not be stored. */
  private async tryLock(id: EventId): Promise<boolean> {
    // Another write between the read and the lock (a click on "next"): read again and decide anew.
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const stored = await this.events.get(id)
      if (!stored || this.closed) return true
      const locked = lockIfExpired(stored.round, stored.event.template, this.deps.now())
      if (locked === stored.round) {
        this.schedule(stored)
        return true
      }
      const saved = await this.save(stored, locked)
      if (saved === 'saved') {
        this.deps.log.info({ event: id, station: stored.round.stationIndex + 1 }, 'station locked after its time ran out')
        return true
      }
      if (saved === 'storage-failed') return false
      if (saved === StoreWriteError.NOT_FOUND) return true
    }
    return true
  }

  close(): void {
    this.closed = true
    for (const t of this.lockTimers.values()) clearTimeout(t)
    this.lockTimers.clear()
  }
}
