import { describe, expect, it } from 'vitest'
import { POOL_AFTER_STALL_MS, SYNC_WINDOW_MS, createDiskSync } from './disk-sync.js'

/** A disk whose syncs take `took()` ms on a fake clock, on the loop or in the pool; records where each ran. */
function fakeDisk(took: () => number) {
  let clock = 0
  const where: ('loop' | 'pool')[] = []
  const sync = createDiskSync({
    now: () => clock,
    onLoop: () => {
      where.push('loop')
      clock += took()
    },
    inPool: async () => {
      where.push('pool')
      clock += took()
    },
  })
  /** `count` syncs, `gapMs` apart. */
  const syncs = async (count: number, gapMs: number) => {
    for (let i = 0; i < count; i++) {
      await sync(3)
      clock += gapMs
    }
  }
  return { sync, syncs, where, wait: (ms: number) => void (clock += ms) }
}

const last = (where: string[], n: number) => where.slice(-n)

describe('disk sync', () => {
  it('stays on the loop while the syncs take a small share of its time, a late one included', async () => {
    const times = [0.4, 0.5, 9, 0.4]
    const disk = fakeDisk(() => times.shift() ?? 0.5)
    // Five cards a second for three seconds.
    await disk.syncs(15, 200)
    expect(disk.where).toEqual(Array(15).fill('loop'))
  })

  it('moves to the pool while many syncs a second would keep the loop waiting, and back when they thin out', async () => {
    const disk = fakeDisk(() => 3)
    // Fifty a second at 3 ms each: 15 % of the loop's time.
    await disk.syncs(100, 20)
    expect(last(disk.where, 40)).toEqual(Array(40).fill('pool'))
    await disk.syncs(10, 200)
    expect(last(disk.where, 3)).toEqual(Array(3).fill('loop'))
  })

  it('moves to the pool at once after a stalled sync, and back after a while', async () => {
    const times = [0.4, 120]
    const disk = fakeDisk(() => times.shift() ?? 0.4)
    await disk.syncs(3, 200)
    expect(disk.where).toEqual(['loop', 'loop', 'pool'])
    disk.wait(POOL_AFTER_STALL_MS + SYNC_WINDOW_MS)
    await disk.syncs(2, 200)
    expect(last(disk.where, 1)).toEqual(['loop'])
  })

  it('rejects when the sync fails', async () => {
    const sync = createDiskSync({
      onLoop: () => {
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })
      },
    })
    await expect(sync(3)).rejects.toThrow(/EIO/)
  })
})
