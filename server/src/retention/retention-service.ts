import {
  RETENTION_KEY,
  RETENTION_RECORDS,
  type RetentionRefusal,
  type RetentionView,
  type StoredEvent,
  checkDeleteOn,
  retentionDue,
  retentionView,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { EventService } from '../events/event-service.js'
import type { EventStore } from '../storage/storage.js'
import type { DeletionReason } from './deleted-events.js'

/** How often the server looks for events past their retention, in ms. @default one hour */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000
/**
 * How long after the start the first sweep runs, in ms: the server is serving by then, and a
 * short run (a seed, an export, a test on a data folder of old events) deletes nothing. @default one minute
 */
export const FIRST_SWEEP_MS = 60 * 1000
/** How often a deletion date write re-reads and retries after losing a race. */
const MAX_RETRIES = 20

export interface RetentionDeps {
  events: EventService
  /** The store of the event's records (the deletion date is one). */
  store: EventStore
  /** Deletes an event with everything of it (boards of every kind, records, the app's copies). */
  deleteEvent: (id: string, reason: DeletionReason) => Promise<void>
  now: () => number
  log: Logger
}

/**
 * Retention: every event has a deletion date (the one an organiser chose, or DEFAULT_RETENTION_DAYS
 * after its date); `sweep` deletes the events whose date has come. The server sweeps at start and
 * every RETENTION_SWEEP_MS; tests call `sweep` with a clock of their own.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined
  private first: NodeJS.Timeout | undefined
  private sweeping: Promise<string[]> | null = null

  constructor(private readonly deps: RetentionDeps) {}

  /** The event's retention now. */
  async view(stored: StoredEvent): Promise<RetentionView> {
    const record = await this.deps.store.getRecord(stored.event.id, RETENTION_RECORDS, RETENTION_KEY)
    return retentionView(stored.event.date, stored.createdAt, record?.value, this.deps.now())
  }

  /** Sets the deletion date (to extend or shorten the retention). Undefined if the event is gone. */
  async set(id: string, deleteOn: string): Promise<RetentionView | RetentionRefusal | undefined> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const stored = await this.deps.events.get(id)
      if (!stored) return undefined
      const refusal = checkDeleteOn(deleteOn, this.deps.now(), stored.event.date)
      if (refusal) return refusal
      const had = await this.deps.store.getRecord(id, RETENTION_RECORDS, RETENTION_KEY)
      const written = await this.deps.store.putRecord(id, RETENTION_RECORDS, RETENTION_KEY, { deleteOn }, had?.version ?? null)
      if (written.ok) {
        this.deps.log.info({ event: id, deleteOn }, 'retention set')
        return this.view(stored)
      }
    }
    throw new Error(`retention of ${id} kept changing under ${MAX_RETRIES} retries`)
  }

  /** Deletes every event whose deletion date has come; returns their ids. One sweep at a time. */
  sweep(): Promise<string[]> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = null))
    return this.sweeping
  }

  private async sweepOnce(): Promise<string[]> {
    const deleted: string[] = []
    for (const stored of await this.deps.events.list()) {
      const view = await this.view(stored)
      if (!retentionDue(view, this.deps.now())) continue
      try {
        await this.deps.deleteEvent(stored.event.id, 'retention')
        deleted.push(stored.event.id)
      } catch (error) {
        // The next sweep tries again; the others are not held up.
        this.deps.log.error({ err: error, event: stored.event.id }, 'retention: could not delete an event')
      }
    }
    if (deleted.length) this.deps.log.info({ events: deleted.length }, 'retention: events deleted')
    return deleted
  }

  /** Sweeps FIRST_SWEEP_MS after the start, then every `intervalMs` (the timers do not keep the process alive). */
  start(intervalMs = RETENTION_SWEEP_MS): void {
    const run = () => void this.sweep().catch((error: unknown) => this.deps.log.error({ err: error }, 'retention sweep failed'))
    this.first = setTimeout(run, Math.min(FIRST_SWEEP_MS, intervalMs)).unref()
    this.timer = setInterval(run, intervalMs).unref()
  }

  /** Stops the timers and waits for a sweep under way. */
  async close(): Promise<void> {
    clearTimeout(this.first)
    clearInterval(this.timer)
    await this.sweeping?.catch(() => {})
  }
}
