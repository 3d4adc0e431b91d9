import { RateLimiter } from './rate-limit.js'

/**
 * Budgets for wrong join codes. A right code is never counted and never refused: a whole hall on
 * the venue's guest Wi-Fi shares one public address, and one person (or one buggy phone) guessing
 * must not keep the others out. Wrong codes are counted three times over:
 * - per client (its address and the device key its app sends): burst 20, then one every 3 s —
 *   a person who mistypes waits seconds, a guessing phone is slowed to a crawl;
 * - per address: burst 100, then one per second — a guesser who changes device keys;
 * - for the whole code space (every event of the installation): burst 300, then 5 per second —
 *   guessing spread over many addresses.
 * Beyond any of them, wrong codes are answered RATE_LIMITED after a pause (a guesser's loop waits).
 */
export const JOIN_BUDGETS = {
  client: { burst: 20, perSecond: 1 / 3 },
  address: { burst: 100, perSecond: 1 },
  codeSpace: { burst: 300, perSecond: 5 },
} as const
/** New participants per second an address may add once its burst is spent (Limits.joinsBurst). */
export const JOINS_PER_SECOND = 5
/** New participants one device (its app's device key) may become: reloads and lost tokens, then one a minute. */
export const DEVICE_JOINS = { burst: 20, perSecond: 1 / 60 } as const

/** How long a wrong code over budget waits for its answer, in ms. */
export const OVER_BUDGET_PAUSE_MS = 1000
/** Facilitators are told once this many wrong codes came in the window (or a budget ran out). */
export const GUESSING_ALERT_AT = 20
/** The window the alert counts over, in seconds. */
export const GUESSING_WINDOW_SECONDS = 60
/** At most one alert per this many ms. */
const ALERT_INTERVAL_MS = 30_000

/** Who sent a join request: the address, and the device key of the app if it sent one. */
export interface JoinClient {
  address: string
  device: string | undefined
  /** The User-Agent, to tell devices apart that send no device key. */
  agent: string
}

/** What to do with a wrong code: answer BAD_JOIN_CODE at once, or RATE_LIMITED after a pause. */
export type WrongCodeVerdict = 'answer' | 'over-budget'

/**
 * Counts wrong join codes and tells the facilitators when guessing is going on. Right codes are
 * checked before this guard is asked, so it can never keep a right code out.
 */
export class JoinGuard {
  private readonly perClient = new RateLimiter(JOIN_BUDGETS.client.burst, JOIN_BUDGETS.client.perSecond)
  private readonly perAddress = new RateLimiter(JOIN_BUDGETS.address.burst, JOIN_BUDGETS.address.perSecond)
  private readonly codeSpace = new RateLimiter(JOIN_BUDGETS.codeSpace.burst, JOIN_BUDGETS.codeSpace.perSecond, 1)
  private readonly joinsPerAddress: RateLimiter
  private readonly joinsPerDevice = new RateLimiter(DEVICE_JOINS.burst, DEVICE_JOINS.perSecond)
  /** Times of the wrong codes inside the window, oldest first. */
  private recent: number[] = []
  private alertedAt = -Infinity

  constructor(
    private readonly alert: (wrongCodes: number, windowSeconds: number) => void,
    joinsBurst = 1000,
  ) {
    this.joinsPerAddress = new RateLimiter(joinsBurst, JOINS_PER_SECOND)
  }

  /**
   * Whether a right code may add one more participant for `client` now. Right codes are never
   * slowed by guessing; only fresh identities in bulk are (an app's device key counts per device).
   */
  newParticipant(client: JoinClient, now: number): boolean {
    const device = client.device ? `${client.address} ${client.device}` : null
    if (!this.joinsPerAddress.peek(client.address, now) || (device && !this.joinsPerDevice.peek(device, now))) return false
    this.joinsPerAddress.take(client.address, now)
    if (device) this.joinsPerDevice.take(device, now)
    return true
  }

  /** Records a wrong code from `client` at `now` (ms) and says how to answer it. */
  wrong(client: JoinClient, now: number): WrongCodeVerdict {
    const clientKey = `${client.address} ${client.device ?? `agent:${client.agent}`}`
    // Every budget is charged, so a guesser cannot spend one while hiding behind another.
    const withinClient = this.perClient.take(clientKey, now)
    const withinAddress = this.perAddress.take(client.address, now)
    const withinCodeSpace = this.codeSpace.take('all', now)
    const over = !(withinClient && withinAddress && withinCodeSpace)
    this.count(now, over)
    return over ? 'over-budget' : 'answer'
  }

  private count(now: number, over: boolean): void {
    const from = now - GUESSING_WINDOW_SECONDS * 1000
    this.recent.push(now)
    if (this.recent[0]! < from) this.recent = this.recent.filter((t) => t >= from)
    // The window never holds more than the code space's budget allows plus a burst: bounded memory.
    if (this.recent.length > 10_000) this.recent = this.recent.slice(-10_000)
    if ((over || this.recent.length >= GUESSING_ALERT_AT) && now - this.alertedAt >= ALERT_INTERVAL_MS) {
      this.alertedAt = now
      this.alert(this.recent.length, GUESSING_WINDOW_SECONDS)
    }
  }
}
