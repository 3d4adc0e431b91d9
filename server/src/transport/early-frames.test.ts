import { describe, expect, it } from 'vitest'
import { EARLY_FRAMES_BYTES_MAX, EarlyFrames } from './early-frames.js'

describe('the frames a doc socket sends while its doc loads', () => {
  it('holds them in order up to the bound in bytes together, and nothing once past it', () => {
    const early = new EarlyFrames(10)
    expect(early.hold(Buffer.alloc(4, 1), true)).toBe(true)
    expect(early.hold(Buffer.alloc(6, 2), true)).toBe(true)
    expect(early.take().map(([b]) => b[0])).toEqual([1, 2])
    const full = new EarlyFrames(10)
    full.hold(Buffer.alloc(6), true)
    expect(full.hold(Buffer.alloc(5), true)).toBe(false)
    expect(full.take()).toEqual([])
  })

  it('lets a client of ours through: its sync step and an update of the largest size a frame may have', () => {
    const early = new EarlyFrames()
    expect(early.hold(Buffer.alloc(64), true)).toBe(true)
    expect(early.hold(Buffer.alloc(2 * 1024 * 1024), true)).toBe(true)
    expect(EARLY_FRAMES_BYTES_MAX).toBe(4 * 1024 * 1024)
  })
})
