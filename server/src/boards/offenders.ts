import { type EventActor, writerKeyOf } from '@tischrunde/shared'

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
