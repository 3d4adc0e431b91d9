/**
 * How long a sender whose socket was closed for hostile or flooding input must wait before it may
 * open a doc socket again, in ms. An honest phone closed for its pace reconnects after its own
 * backoff anyway; a script reconnecting at once is kept out.
 * @default 10000
 */
export const OFFENDER_BACKOFF_MS = 10_000

/** Senders recently closed for hostile input, by a key of the caller's choosing (event and writer). */
export class Offenders {
  private readonly until = new Map<string, number>()

  constructor(private readonly backoffMs = OFFENDER_BACKOFF_MS) {}

  note(key: string, now: number): void {
    this.until.set(key, now + this.backoffMs)
    // Forget the expired ones now and then, so the map stays as small as the offenders of the moment.
    if (this.until.size > 1000) for (const [k, t] of this.until) if (t <= now) this.until.delete(k)
  }

  /** Whether the key must still wait. */
  waiting(key: string, now: number): boolean {
    const t = this.until.get(key)
    if (t === undefined) return false
    if (t > now) return true
    this.until.delete(key)
    return false
  }
}
