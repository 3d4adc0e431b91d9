/**
 * Token buckets by key (an IP, a participant, a connection): `capacity` tokens, refilled at
 * `perSecond`. Old buckets are dropped so a flood of keys cannot grow memory without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes `cost` tokens for `key`; false when there are not enough (the caller refuses). */
  take(key: string, now: number, cost = 1): boolean {
    const bucket = this.refill(key, now)
    if (bucket.tokens < cost) return false
    bucket.tokens -= cost
    return true
  }

  /** Whether `key` has at least one token left, without taking it. */
  peek(key: string, now: number): boolean {
    return this.refill(key, now).tokens >= 1
  }

  private refill(key: string, now: number) {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evictOldest()
      bucket = { tokens: this.capacity, at: now }
      this.buckets.set(key, bucket)
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond)
    bucket.at = now
    return bucket
  }

  private evictOldest(): void {
    const first = this.buckets.keys().next()
    if (!first.done) this.buckets.delete(first.value)
  }
}
