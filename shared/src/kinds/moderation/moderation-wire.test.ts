import { describe, expect, it } from 'vitest'
import { NO_MODES, type ModerationModes } from './moderation-rules.js'
import { collectingAt, modeAt, modesInUse } from './moderation-wire.js'

const station = (stationId: string, mode: { approval?: boolean; collect?: boolean; revealedAt?: number | null }) =>
  [stationId, { stationId, approval: mode.approval ?? false, collect: mode.collect ?? false, revealedAt: mode.revealedAt ?? null }] as const

describe('where moderation is in use, as phones are told', () => {
  it('lists stations that approve or still collect, not revealed or switched-off ones', () => {
    const modes: ModerationModes = {
      event: { approval: false },
      stations: new Map([station('s1', { approval: true }), station('s2', { collect: true }), station('s3', { collect: true, revealedAt: 5 }), station('s4', {})]),
      counts: new Map(),
    }
    expect(modesInUse(modes)).toEqual({ all: false, stations: ['s1', 's2'], collecting: ['s2'] })
    expect(modesInUse(NO_MODES)).toEqual({ all: false, stations: [], collecting: [] })
    // Columns say they wait for the reveal only where cards are still collected.
    expect(['s1', 's2', 's3'].map((id) => collectingAt(modesInUse(modes), id))).toEqual([false, true, false])
    expect(collectingAt(null, 's2')).toBe(false)
  })

  it('matters at a station with a mode, everywhere with approval for the event, nowhere before the phone is told', () => {
    expect(modeAt({ all: false, stations: ['s1'], collecting: [] }, 's1')).toBe(true)
    expect(modeAt({ all: false, stations: ['s1'], collecting: [] }, 's2')).toBe(false)
    expect(modeAt({ all: false, stations: ['s1'], collecting: [] }, undefined)).toBe(false)
    expect(modeAt({ all: true, stations: [], collecting: [] }, 's2')).toBe(true)
    expect(modeAt(null, 's1')).toBe(false)
  })
})
