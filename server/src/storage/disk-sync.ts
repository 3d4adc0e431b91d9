import { fdatasync, fdatasyncSync } from 'node:fs'

/** Longest share of the event loop's time that syncs on it may take, judged over each window. @default 0.05 */
export const SYNC_SHARE_MAX = 0.05
/** The window over which the syncs' share of the loop's time is judged, in ms. @default 1000 */
export const SYNC_WINDOW_MS = 1000
/** A single sync that takes longer than this (ms) is a stall: the syncs go to the pool for a while at once. @default 50 */
export const STALLED_SYNC_MS = 50
/** How long the syncs stay in the pool after a stall, in ms. @default 10000 */
export const POOL_AFTER_STALL_MS = 10_000

/**
 * fdatasync(2), where it costs least. Handing the call to libuv's thread pool wakes a thread and
 * then the loop again: on a disk that answers in half a millisecond that hand-off costs as much CPU
 * as the sync itself (measured: about 180 µs of process CPU per sync through the pool against 90 µs
 * on the loop). So the sync runs on the loop, after the fan-out it follows, as long as the syncs
 * take at most SYNC_SHARE_MAX of the loop's time: many cards a second on a slower disk, where the
 * loop would spend its time waiting, send them to the pool, where they wait beside the loop's work,
 * until their share falls again (it is estimated there from how long they take). A stalled sync
 * sends them to the pool at once. Either way the promise settles once the data is on the disk.
 */
export function createDiskSync({ now = () => performance.now(), onLoop = fdatasyncSync, inPool = poolSync }: DiskSyncParts = {}): (fd: number) => Promise<void> {
  let windowStart = now()
  /** What the syncs of this window took (ms), on the loop or in the pool. */
  let waited = 0
  let pooled = false
  let poolUntil = 0
  const took = (start: number) => {
    const ms = now() - start
    waited += ms
    if (ms > STALLED_SYNC_MS) poolUntil = start + ms + POOL_AFTER_STALL_MS
  }
  return (fd) => {
    const start = now()
    if (start - windowStart >= SYNC_WINDOW_MS) {
      pooled = waited > (start - windowStart) * SYNC_SHARE_MAX
      windowStart = start
      waited = 0
    }
    if (pooled || start < poolUntil) return inPool(fd).then(() => took(start))
    try {
      onLoop(fd)
    } catch (error) {
      return Promise.reject(error)
    }
    took(start)
    return Promise.resolve()
  }
}

/** What a disk sync is made of; a test gives its own clock and syncs. */
export interface DiskSyncParts {
  now?: () => number
  /** A sync that blocks the loop until the data is on the disk. */
  onLoop?: (fd: number) => void
  /** A sync in the thread pool. */
  inPool?: (fd: number) => Promise<void>
}

function poolSync(fd: number): Promise<void> {
  return new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())))
}
