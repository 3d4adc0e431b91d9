import {
  type Ack,
  ErrorCode,
  fail,
  type EventId,
  type Result,
  type RoundError,
  type RoundState,
  type StoredEvent,
  type Template,
  autoLockAt,
  lockIfExpired,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { EventService } from '../events/event-service.js'

export type RoundChange = (round: RoundState, template: Template, now: number) => Result<RoundState, RoundError>

/**
 * Holds the authoritative round state of every event: applies facilitator commands exactly once
 * (each names the version it saw), stores the result, and locks a station when its timer and
 * grace period are over — also after a restart, from the stored end time.
 */
export class RoundService {
  private readonly lockTimers = new Map<EventId, NodeJS.Timeout>()

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
  restore(): void {
    for (const stored of this.events.list()) this.schedule(stored)
  }

  /** Applies a change if `expectedVersion` is current; a second click on the same state gets STALE_VERSION. */
  async command(eventId: EventId, expectedVersion: number | null, change: RoundChange): Promise<Ack> {
    const stored = this.events.get(eventId)
    if (!stored) return fail(ErrorCode.NOT_FOUND, { what: 'event' })
    if (expectedVersion !== null && stored.round.version !== expectedVersion)
      return fail(ErrorCode.STALE_VERSION, {}, `version ${expectedVersion} named, ${stored.round.version} current`)
    const result = change(stored.round, stored.event.template, this.deps.now())
    if (!result.ok) return fail(ErrorCode.NOT_NOW, { reason: result.error })
    await this.save(stored, result.value)
    return { ok: true }
  }

  private async save(stored: StoredEvent, round: RoundState): Promise<void> {
    const reopened = stored.round.lockedStations.some((id) => !round.lockedStations.includes(id)) || round.stationIndex !== stored.round.stationIndex
    const next = await this.events.setRound(stored, round)
    this.deps.publish(next)
    this.schedule(next)
    if (reopened || round.phase !== stored.round.phase) this.deps.reopened(next.event.id)
  }

  private schedule(stored: StoredEvent): void {
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
      setTimeout(() => void this.lockExpired(id), delay).unref(),
    )
  }

  private async lockExpired(id: EventId): Promise<void> {
    this.lockTimers.delete(id)
    const stored = this.events.get(id)
    if (!stored) return
    const locked = lockIfExpired(stored.round, stored.event.template, this.deps.now())
    if (locked === stored.round) return this.schedule(stored)
    this.deps.log.info({ event: id, station: stored.round.stationIndex + 1 }, 'station locked after its time ran out')
    await this.save(stored, locked)
  }

  close(): void {
    for (const t of this.lockTimers.values()) clearTimeout(t)
    this.lockTimers.clear()
  }
}
