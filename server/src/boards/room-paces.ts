import { RateLimiter } from '../access/rate-limit.js'

/** Updates tried on a copy of the doc one person may send at once; then one a second. */
export const COPIED_UPDATES_BURST = 10
/** Sync answers encoded anew one person may ask for at once (a phone asks once per connection); then one every two seconds. */
export const NEW_ANSWERS_BURST = 10

/** What a doc room allows each person of the work that costs it most, made when first asked. */
export class RoomPaces {
  private copies: RateLimiter | null = null
  private answers: RateLimiter | null = null

  /** One more update of `writer` tried on a copy of the doc; false once their allowance is spent. */
  copied(writer: string, now: number): boolean {
    return (this.copies ??= new RateLimiter(COPIED_UPDATES_BURST, 1, 10_000)).take(writer, now)
  }

  /** One more sync answer encoded anew for `asker`; false once their allowance is spent. */
  answered(asker: string, now: number): boolean {
    return (this.answers ??= new RateLimiter(NEW_ANSWERS_BURST, 0.5, 10_000)).take(asker, now)
  }
}
