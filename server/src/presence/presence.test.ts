import { describe, expect, it } from 'vitest'
import type { EventActor, Role } from '@tischrunde/shared'
import { Presence } from './presence.js'

const as = (role: Role): EventActor => ({ type: 'event', eventId: 'cafe', role, participantId: null, tableId: null })

describe('Presence', () => {
  it('counts phones per table, unseated phones, projectors and facilitators of one event', () => {
    const p = new Presence()
    p.join('cafe', 'f1', as('facilitator'))
    p.join('cafe', 'b1', as('projector'))
    for (const id of ['a', 'b', 'c']) p.join('cafe', id, as('participant'))
    p.join('other', 'x', as('participant'))
    p.seat('cafe', 'a', 'arbeit')
    p.seat('cafe', 'b', 'arbeit')
    expect(p.counts('cafe')).toEqual({ byTable: { arbeit: 2 }, unseated: 1, projectors: 1, facilitators: 1 })
    expect(p.counts('other')).toEqual({ byTable: {}, unseated: 1, projectors: 0, facilitators: 0 })
  })

  it('moves a phone between tables and forgets it when it leaves', () => {
    const p = new Presence()
    p.join('cafe', 'a', as('participant'))
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
    p.join('cafe', 'f1', as('facilitator'))
    p.seat('cafe', 'f1', 'arbeit')
    expect(p.counts('cafe')).toEqual({ byTable: {}, unseated: 0, projectors: 0, facilitators: 1 })
  })

  it('counts a table whose id is a prototype key like any other table', () => {
    const p = new Presence()
    p.join('cafe', 'a', as('participant'))
    p.seat('cafe', 'a', 'constructor')
    expect(p.counts('cafe').byTable.constructor).toBe(1)
    expect(JSON.parse(JSON.stringify(p.counts('cafe')))).toEqual({ byTable: { constructor: 1 }, unseated: 0, projectors: 0, facilitators: 0 })
  })

  it('counts a person with several screens once, at their table when one of them sits', () => {
    const p = new Presence()
    const person = (id: string): EventActor => ({ ...as('participant'), participantId: id })
    for (const id of ['a1', 'a2', 'a3']) p.join('cafe', id, person('anna'))
    p.seat('cafe', 'a1', 'arbeit')
    p.seat('cafe', 'a2', 'arbeit')
    for (const id of ['b1', 'b2']) p.join('cafe', id, person('ben'))
    expect(p.counts('cafe')).toEqual({ byTable: { arbeit: 1 }, unseated: 1, projectors: 0, facilitators: 0 })
    p.leave('cafe', 'a1')
    p.leave('cafe', 'a2')
    expect(p.counts('cafe')).toEqual({ byTable: {}, unseated: 2, projectors: 0, facilitators: 0 })
  })

  it('counts a person whose screens sit at two tables once, at the table taken last', () => {
    const p = new Presence()
    const anna: EventActor = { ...as('participant'), participantId: 'anna' }
    p.join('cafe', 'tab-1', anna)
    p.join('cafe', 'tab-2', anna)
    p.seat('cafe', 'tab-1', 'arbeit')
    p.seat('cafe', 'tab-2', 'sprache')
    expect(p.counts('cafe')).toEqual({ byTable: { sprache: 1 }, unseated: 0, projectors: 0, facilitators: 0 })
    // Back at the first tab, she picks a table there again: that is where she is now.
    p.seat('cafe', 'tab-1', 'bildung')
    expect(p.counts('cafe').byTable).toEqual({ bildung: 1 })
    p.leave('cafe', 'tab-1')
    expect(p.counts('cafe').byTable).toEqual({ sprache: 1 })
  })
})
