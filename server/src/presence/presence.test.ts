import { describe, expect, it } from 'vitest'
import { Presence } from './presence.js'

describe('Presence', () => {
  it('counts phones per table, unseated phones, projectors and facilitators of one event', () => {
    const p = new Presence()
    p.join('cafe', 'f1', 'facilitator')
    p.join('cafe', 'b1', 'projector')
    for (const id of ['a', 'b', 'c']) p.join('cafe', id, 'participant')
    p.join('other', 'x', 'participant')
    p.seat('cafe', 'a', 'arbeit')
    p.seat('cafe', 'b', 'arbeit')
    expect(p.counts('cafe')).toEqual({ byTable: { arbeit: 2 }, unseated: 1, projectors: 1, facilitators: 1 })
    expect(p.counts('other')).toEqual({ byTable: {}, unseated: 1, projectors: 0, facilitators: 0 })
  })

  it('moves a phone between tables and forgets it when it leaves', () => {
    const p = new Presence()
    p.join('cafe', 'a', 'participant')
    expect(p.seat('cafe', 'a', 'arbeit')).toBe(true)
    expect(p.seat('cafe', 'a', 'arbeit')).toBe(false)
    p.seat('cafe', 'a', 'sprache')
    expect(p.counts('cafe').byTable).toEqual({ sprache: 1 })
    p.leave('cafe', 'a')
    expect(p.counts('cafe')).toEqual({ byTable: {}, unseated: 0, projectors: 0, facilitators: 0 })
  })

  it('does not seat a socket that never joined', () => {
    const p = new Presence()
    expect(p.seat('cafe', 'ghost', 'arbeit')).toBe(false)
    expect(p.counts('cafe').byTable).toEqual({})
  })

  it('does not count staff at tables', () => {
    const p = new Presence()
    p.join('cafe', 'f1', 'facilitator')
    p.seat('cafe', 'f1', 'arbeit')
    expect(p.counts('cafe')).toEqual({ byTable: {}, unseated: 0, projectors: 0, facilitators: 1 })
  })
})
