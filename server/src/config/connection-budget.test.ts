import { describe, expect, it } from 'vitest'
import { ConnectionBudget, EVENT_SHARE, staffReserve } from './limits.js'

describe('the connection budget', () => {
  it('keeps a share of the participants’ slots for the other events: one join code cannot fill the server', () => {
    const budget = new ConnectionBudget(100)
    const perEvent = Math.floor((100 - staffReserve(100)) * EVENT_SHARE)
    expect(budget.maxPerEvent).toBe(perEvent)
    // One event's participants (a script with its join code makes them freely) take all they may.
    const taken = Array.from({ length: perEvent }, (_, i) => budget.take(`a\u0000p${i}`, true, 'event-a'))
    expect(taken.every((release) => release !== null)).toBe(true)
    expect(budget.take('a\u0000one-more', true, 'event-a')).toBeNull()
    expect(budget.fullFor(true, 'event-a')).toBe(true)
    // Another event's phones and the first event's own console still get in.
    expect(budget.take('b\u0000p0', true, 'event-b')).not.toBeNull()
    expect(budget.fullFor(true, 'event-b')).toBe(false)
    expect(budget.take(null, false, 'event-a')).not.toBeNull()
    // A phone of the first event leaves: the next one gets its slot.
    taken[0]!()
    expect(budget.take('a\u0000next', true, 'event-a')).not.toBeNull()
  })

  it('lets a day with one event use the participants’ slots up to its share, staff links beyond', () => {
    const budget = new ConnectionBudget(40)
    for (let i = 0; i < budget.maxPerEvent; i++) expect(budget.take(`x\u0000p${i}`, true, 'solo')).not.toBeNull()
    expect(budget.take('x\u0000late', true, 'solo')).toBeNull()
    for (let i = 0; i < staffReserve(40); i++) expect(budget.take(null, false, 'solo')).not.toBeNull()
  })
})
