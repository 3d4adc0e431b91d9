/**
 * One token bucket: `capacity` tokens, refilled at `perSecond`. A connection's own pace is one
 * bucket (an object of four numbers, kept as long as the connection); RateLimiter keeps one per key.
 */
export class TokenBucket {
  private tokens: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private at: number,
  ) {
    this.tokens = capacity
  }

  /** Takes `cost` tokens; false when there are not enough (the caller refuses). */
  take(now: number, cost = 1): boolean {
    this.refill(now)
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  /** Whether at least one token is left, without taking it. */
  peek(now: number): boolean {
    this.refill(now)
    return this.tokens >= 1
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond)
    this.at = now
  }
}

/**
 * Token buckets by key (an IP, a participant): `capacity` tokens, refilled at `perSecond`. Old
 * buckets are dropped so a flood of keys cannot grow memory without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes `cost` tokens for `key`; false when there are not enough (the caller refuses). */
  take(key: string, now: number, cost = 1): boolean {
    return this.bucketOf(key, now).take(now, cost)
  }

  /** Whether `key` has at least one token left, without taking it. */
  peek(key: string, now: number): boolean {
    return this.bucketOf(key, now).peek(now)
  }

  private bucketOf(key: string, now: number): TokenBucket {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evictOldest()
      bucket = new TokenBucket(this.capacity, this.perSecond, now)
      this.buckets.set(key, bucket)
    }
    return bucket
  }

  private evictOldest(): void {
    const first = this.buckets.keys().next()
    if (!first.done) this.buckets.delete(first.value)
  }
}
