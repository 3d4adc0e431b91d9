import { leaseValueSchema } from '@tischrunde/shared'
import type { RedisBytesClient } from '../storage/redis/redis-connection.js'
import type { FenceTokens } from '../storage/redis/redis-board-store.js'

/**
 * Takes the lease of an event that nobody holds, or answers who holds it. The fencing token is
 * the event's counter, raised on every new owner: the doc store refuses writes carrying an older one.
 * KEYS: lease, fence. ARGV: node id, node address, lease ms. Returns "<node>|<token>|<address>".
 */
const ACQUIRE = `
local held = redis.call('GET', KEYS[1])
if held then return held end
local token = redis.call('INCR', KEYS[2])
local value = ARGV[1] .. '|' .. token .. '|' .. ARGV[2]
redis.call('SET', KEYS[1], value, 'PX', ARGV[3])
return value`
/** Extends a lease this node still holds (KEYS: lease; ARGV: its value, lease ms); 0 when it was lost. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`
/** Gives a lease up (graceful stop), only if it is still this node's. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`

/**
 * Ends an event's ownership for good (the event is deleted): the fence rises past every token
 * handed out, so an owner's doc write still under way is refused, and the lease goes (KEYS: lease,
 * fence). Returns the fence raised: every lease of a later event of the id has a higher token.
 */
const END = `
local fence = redis.call('INCR', KEYS[2])
redis.call('DEL', KEYS[1])
return fence`

/**
 * A lease in Redis that does not read as one (`<node>|<token>|<address>`): its owner cannot be
 * reached or trusted, so the event is unavailable until the key lapses (requests answer 503).
 */
export class UnreadableLease extends Error {
  override name = 'UnreadableLease'
}

/** Where an event is served: here (this node holds its lease) or at its owner's address. */
export type Route = { local: true } | { local: false; owner: string; lease: string }

interface Held {
  value: string
  token: number
  /** When it was last in use here. */
  usedAt: number
  /** Until when this node may act as owner: the last renewal's send time plus the lease, less a margin. */
  validUntil: number
}

export interface LeaseOptions {
  prefix: string
  /** This process, unique among the nodes (a new one per start). */
  nodeId: string
  /**
   * How long a lease lasts without renewal, in ms: a killed owner's events are taken over after at
   * most this long. Renewed every third of it. @default 10000
   */
  leaseMs?: number
  /** An event's lease was taken here (its stale copies must go, its timers start). */
  acquired(eventId: string): void
  /** An event's lease was lost (taken over, or not renewed in time): stop serving it at once. */
  lost(eventId: string): void
  /** A renewal could not reach Redis. */
  failed?(error: unknown): void
  /** Whether the event is in use here (sockets, docs in memory); a lease unused for `idleMs` is given up. */
  inUse?(eventId: string): boolean
  /** @default 60000 */
  idleMs?: number
}

/**
 * Ownership of events across nodes: one node at a time serves an event's docs, timers and sockets.
 * A lease is a Redis key `lease:<event>` set with NX and a time to live; its holder renews it;
 * a lease that lapses (the owner died or lost Redis) is taken by the next node that is asked for
 * the event. The holder stops acting before Redis could hand the lease to another node (a margin
 * of a tenth of the lease for clock rates and the round trip), and fencing tokens make a paused
 * old owner's late writes fail in the store.
 */
export class EventLeases implements FenceTokens {
  private readonly held = new Map<string, Held>()
  private readonly leaseMs: number
  private timer: NodeJS.Timeout | undefined
  private address: string | undefined
  private lastRenewalOk = 0
  private closed = false
  /** A renewal round still waiting for Redis: the next tick does not start another one. */
  private renewing = false

  constructor(
    private readonly client: RedisBytesClient,
    private readonly opts: LeaseOptions,
  ) {
    this.leaseMs = opts.leaseMs ?? 10_000
  }

  /** Starts taking and renewing leases; `address` is where other nodes reach this one. */
  start(address: string): void {
    this.address = address
    this.lastRenewalOk = Date.now()
    this.timer = setInterval(() => this.tick(), this.checkEveryMs)
    this.timer.unref()
  }

  /** Whether leases are taken and renewed: started, and the last renewal round reached Redis in time. */
  ready(): boolean {
    return this.address !== undefined && !this.closed && Date.now() - this.lastRenewalOk < this.leaseMs
  }

  tokenOf(eventId: string): number | undefined {
    const held = this.held.get(eventId)
    return held && held.validUntil > Date.now() ? held.token : undefined
  }

  /** A doc write was fenced: another node owns the event now, and what this node holds of it goes (sockets, docs). */
  refused(eventId: string): void {
    if (this.held.has(eventId)) return this.lose(eventId)
    this.opts.lost(eventId)
  }

  /** The events this node serves now. */
  owned(): string[] {
    return [...this.held.keys()]
  }

  /** Serves the event here if this node holds or can take its lease; else names its owner. */
  async route(eventId: string): Promise<Route> {
    const current = this.held.get(eventId)
    if (current && this.tokenOf(eventId) !== undefined) {
      current.usedAt = Date.now()
      return { local: true }
    }
    if (!this.address || this.closed) throw new Error('the leases are not started')
    const sentAt = Date.now()
    const value = String(
      await this.client.eval(ACQUIRE, {
        keys: [this.key('lease', eventId), this.key('fence', eventId)],
        arguments: [this.opts.nodeId, this.address, String(this.leaseMs)],
      }),
    )
    const parsed = leaseValueSchema.safeParse(value)
    if (!parsed.success) throw new UnreadableLease(`the lease of ${eventId} is unreadable: ${JSON.stringify(value.slice(0, 200))}`)
    const { node, token, address } = parsed.data
    if (node !== this.opts.nodeId) return { local: false, owner: address, lease: value }
    // Two requests may take it at once; the first to get here announces it.
    if (this.tokenOf(eventId) !== undefined) return { local: true }
    const before = this.held.get(eventId)
    if (before?.value === value) {
      // Still this node's in Redis, but its renewal is late: renew it now, or let it go.
      if (await this.renew(eventId, before, sentAt)) return { local: true }
      return this.route(eventId)
    }
    this.held.set(eventId, { value, token, validUntil: sentAt + this.margin(), usedAt: Date.now() })
    this.opts.acquired(eventId)
    return { local: true }
  }

  /** The lease of an event as Redis holds it now ("<node>|<token>|<address>"), null when nobody holds it. */
  async holder(eventId: string): Promise<string | null> {
    const value = await this.client.get(this.key('lease', eventId))
    return value === null ? null : String(value)
  }

  /** How often leases are renewed (and forwarded connections checked), in ms. */
  get checkEveryMs(): number {
    return Math.max(50, Math.floor(this.leaseMs / 3))
  }

  /**
   * Ends another node's lease that is provably dead (its address refuses connections: no process
   * listens there any more), so the event is taken over now rather than when the lease runs out.
   * Only that very lease is ended; the fencing token keeps a node that comes back from writing.
   */
  async evict(eventId: string, lease: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [this.key('lease', eventId)], arguments: [lease] })
  }

  /**
   * Ends the event's lease in Redis, whoever holds it, and raises its fence (the event was deleted):
   * its former owner's late writes are refused, and a later event of the id takes a higher token.
   * Resolves with the fence it raised, which names the deleted event among those of its id.
   */
  async end(eventId: string): Promise<number> {
    this.forget(eventId)
    return Number(await this.client.eval(END, { keys: [this.key('lease', eventId), this.key('fence', eventId)], arguments: [] }))
  }

  /** Stops acting as the event's owner without `lost` (the event was deleted: its sockets are told so, not cut). */
  forget(eventId: string): void {
    this.held.delete(eventId)
  }

  /**
   * Lets a lease go, with `lost`, that this node holds but Redis no longer does: a deletion of the
   * event on another node ended it, and its message has not come yet.
   */
  async confirm(eventId: string): Promise<void> {
    const held = this.held.get(eventId)
    if (!held) return
    const now = await this.holder(eventId)
    if (this.held.get(eventId) === held && now !== held.value) this.lose(eventId)
  }

  /**
   * A deletion raised the event's fence to `fence`: a lease this node still holds under a lower
   * token is the deleted event's, and goes with `lost` (its sockets, docs and timers with it).
   */
  outdated(eventId: string, fence: number): void {
    const held = this.held.get(eventId)
    if (held && held.token < fence) this.lose(eventId)
  }

  /** Gives up every lease (graceful stop: the next node takes the events over at once). */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    const held = [...this.held.entries()]
    this.held.clear()
    await Promise.allSettled(held.map(([eventId, h]) => this.client.eval(RELEASE, { keys: [this.key('lease', eventId)], arguments: [h.value] })))
  }

  private key(kind: 'lease' | 'fence', eventId: string): string {
    return `${this.opts.prefix}${kind}:${eventId}`
  }

  /** The time this node may act on a lease after sending its renewal. */
  private margin(): number {
    return this.leaseMs - Math.ceil(this.leaseMs / 10)
  }

  /**
   * Every third of the lease: leases whose time is over here go first, whatever Redis does (a
   * renewal that hangs must not keep a node acting as owner), then a renewal round, one at a time.
   */
  private tick(): void {
    if (this.closed) return
    this.expire()
    if (this.renewing) return
    this.renewing = true
    void this.renewAll().finally(() => (this.renewing = false))
  }

  /** Lets go of every lease whose time is over here (Redis out of reach: before another node can take it). */
  private expire(): void {
    const now = Date.now()
    for (const [eventId, held] of [...this.held]) if (held.validUntil <= now) this.lose(eventId)
  }

  private async renewAll(): Promise<void> {
    if (this.closed) return
    const sentAt = Date.now()
    let reached = true
    // Leases of events nobody uses here any more go back: no renewing for ever, another node may take them.
    const idleMs = this.opts.idleMs ?? 60_000
    for (const [eventId, held] of [...this.held]) {
      if (this.opts.inUse?.(eventId) ?? true) held.usedAt = sentAt
      else if (sentAt - held.usedAt > idleMs) {
        this.lose(eventId)
        void this.client.eval(RELEASE, { keys: [this.key('lease', eventId)], arguments: [held.value] }).catch((error: unknown) => this.opts.failed?.(error))
      }
    }
    await Promise.all(
      [...this.held.entries()].map(async ([eventId, held]) => {
        try {
          await this.renew(eventId, held, sentAt)
        } catch (error) {
          reached = false
          this.opts.failed?.(error)
        }
      }),
    )
    if (this.held.size === 0) {
      try {
        await this.client.ping()
      } catch (error) {
        reached = false
        this.opts.failed?.(error)
      }
    }
    if (reached) this.lastRenewalOk = sentAt
    // Redis out of reach: the leases run out here before another node can take them.
    this.expire()
  }

  /** Extends one lease; false (and the event let go) when another node holds it now. */
  private async renew(eventId: string, held: Held, sentAt: number): Promise<boolean> {
    const kept = await this.client.eval(RENEW, { keys: [this.key('lease', eventId)], arguments: [held.value, String(this.leaseMs)] })
    if (this.held.get(eventId) !== held) return false
    if (kept === 1) {
      held.validUntil = sentAt + this.margin()
      return true
    }
    this.lose(eventId)
    return false
  }

  private lose(eventId: string): void {
    if (!this.held.delete(eventId)) return
    this.opts.lost(eventId)
  }
}
