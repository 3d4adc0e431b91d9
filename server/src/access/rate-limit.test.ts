import { describe, expect, it } from 'vitest'
import { RateLimiter, TokenBucket } from './rate-limit.js'

describe('rate limits', () => {
  it('allows a burst up to the capacity, then refuses until tokens refill', () => {
    const limit = new RateLimiter(3, 1)
    expect([0, 0, 0, 0].map((t) => limit.take('ip', t))).toEqual([true, true, true, false])
    expect(limit.take('ip', 999)).toBe(false)
    expect(limit.take('ip', 1000)).toBe(true)
  })
  it('keeps keys apart', () => {
    const limit = new RateLimiter(1, 0.01)
    expect(limit.take('a', 0)).toBe(true)
    expect(limit.take('b', 0)).toBe(true)
    expect(limit.take('a', 0)).toBe(false)
  })
  it('forgets the oldest keys beyond its size instead of growing', () => {
    const limit = new RateLimiter(1, 0.001, 2)
    limit.take('a', 0)
    limit.take('b', 0)
    limit.take('c', 0)
    expect(limit.take('a', 0)).toBe(true)
  })
  it('paces one connection with a single bucket: a burst, then one token per refill interval, never more than the capacity', () => {
    const pace = new TokenBucket(2, 0.5, 0)
    expect([0, 0, 0].map((t) => pace.take(t))).toEqual([true, true, false])
    expect(pace.peek(1999)).toBe(false)
    expect(pace.take(2000)).toBe(true)
    // A long pause refills only up to the capacity.
    expect([60_000, 60_000, 60_000].map((t) => pace.take(t))).toEqual([true, true, false])
    expect(pace.take(64_000, 2)).toBe(true)
  })
})
