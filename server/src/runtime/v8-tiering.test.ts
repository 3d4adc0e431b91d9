import { describe, expect, it } from 'vitest'
import { INTERRUPT_BUDGET, tuneV8 } from './v8-tiering.js'

describe('V8 tuning of the server', () => {
  const tuned = (execArgv: string[], nodeOptions = '') => {
    const set: string[] = []
    tuneV8({ execArgv, nodeOptions, setFlags: (flags) => void set.push(flags) })
    return set
  }

  it('lowers the interrupt budget, so a card path run a few times a second gets optimised', () => {
    expect(tuned([])).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`])
    expect(INTERRUPT_BUDGET).toBeLessThan(67_584)
  })

  it("keeps the operator's own budget, given to node or in NODE_OPTIONS", () => {
    expect(tuned(['--interrupt-budget=30000'])).toEqual([])
    expect(tuned([], '--max-old-space-size=512 --interrupt-budget=30000')).toEqual([])
  })
})
