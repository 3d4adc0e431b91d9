import { type EventActor, writerKeyOf } from '@tischrunde/shared'
import { TokenBucket } from '../access/rate-limit.js'

/** Soft refusals (a closed station, a pace) one person may collect, over all their sockets, before the socket is cut off: 5, then 1 per 2 s. */
export const SOFT_REFUSALS_BURST = 5
export const SOFT_REFUSALS_PER_SECOND = 0.5

/**
 * How long a sender whose socket was closed for hostile input again and again must wait before it
 * may open a doc socket again, in ms.
 * @default 10000
 */
export const OFFENDER_BACKOFF_MS = 10_000
/**
 * Closes for hostile input one sender may collect within the backoff time before it must wait. A
 * phone with an outdated copy of a board is closed twice before it replaces the copy, so it is
 * never kept out; a script reconnecting at once is.
 * @default 3
 */
export const OFFENCES_BEFORE_BACKOFF = 3

/** Senders recently closed for hostile input, by a key of the caller's choosing (event and writer). */
export class Offenders {
  private readonly seen = new Map<string, { count: number; last: number }>()
  /** Each person's budget of soft refusals, shared by their sockets (sixteen sockets are not sixteen budgets). */
  private readonly soft = new Map<string, { bucket: TokenBucket; last: number }>()

  constructor(
    private readonly backoffMs = OFFENDER_BACKOFF_MS,
    private readonly allowed = OFFENCES_BEFORE_BACKOFF,
  ) {}

  note(key: string | null, now: number): void {
    if (key === null) return
    const prior = this.seen.get(key)
    const count = prior && now - prior.last < this.backoffMs ? prior.count + 1 : 1
    this.seen.set(key, { count, last: now })
    // Forget the old ones now and then, so the map stays as small as the offenders of the moment.
    if (this.seen.size > 1000) for (const [k, v] of this.seen) if (now - v.last >= this.backoffMs) this.seen.delete(k)
  }

  /**
   * A socket closed for sending faster than its limit (a doc socket's messages, the control plane's
   * commands): no person sends that fast, so it waits at once, on either transport.
   */
  flooded(key: string | null, now: number): void {
    if (key === null) return
    const prior = this.seen.get(key)
    this.seen.set(key, { count: Math.max(this.allowed, prior && now - prior.last < this.backoffMs ? prior.count + 1 : 1), last: now })
  }

  /**
   * Takes one soft refusal from the person's budget; false when it is used up (the socket is then
   * closed and the close noted). Budgets not touched for a minute are forgotten.
   */
  softRefused(key: string, now: number): boolean {
    let entry = this.soft.get(key)
    if (!entry) {
      if (this.soft.size > 1000) for (const [k, v] of this.soft) if (now - v.last >= 60_000) this.soft.delete(k)
      entry = { bucket: new TokenBucket(SOFT_REFUSALS_BURST, SOFT_REFUSALS_PER_SECOND, now), last: now }
      this.soft.set(key, entry)
    }
    entry.last = now
    return entry.bucket.take(now)
  }

  /** Whether the key must still wait. */
  waiting(key: string | null, now: number): boolean {
    if (key === null) return false
    const entry = this.seen.get(key)
    if (!entry) return false
    if (now - entry.last >= this.backoffMs) {
      this.seen.delete(key)
      return false
    }
    return entry.count >= this.allowed
  }
}

/**
 * Whom a backoff applies to: one person (for projectors, the role) on one event. Null for the
 * facilitators: they share the event's key, so a backoff would keep every console of the day out
 * because one of them misbehaved. A flooding console is still closed; it may reconnect at once.
 */
export function offenderKeyOf(eventId: string, actor: EventActor): string | null {
  if (actor.role === 'facilitator') return null
  return `${eventId}:${writerKeyOf(actor)}`
}
