import { anEvent } from '../../../fixtures/src/builders.js'
import { describe, expect, it } from 'vitest'
import { KOMMUNENGROESSE_VALUES } from '../kinds/tree/tree-method.schema.js'
import { programmeSchema } from '../programme/programme.schema.js'
import { eventContents } from './event-contents.js'

const tree = { attribute: 'Kommunengröße', values: [...KOMMUNENGROESSE_VALUES], maxGroupSize: null }

describe('what an event list says an event has', () => {
  it('names the small groups of a tree day, not "0 Thementische"', () => {
    expect(eventContents(anEvent({ tableCount: 0, treeMethod: tree }), null)).toEqual({ kind: 'groups', count: 4 })
  })

  it('names the workshops of a programme', () => {
    const programme = programmeSchema.parse({
      items: [
        { id: 'auftakt', kind: 'plenary', title: 'Auftakt', start: '09:00', end: '09:30' },
        { id: 'phase', kind: 'work-phase', title: 'Arbeitsphase', start: '10:00', end: '11:00', workshops: [{ id: 'w1', number: 1, title: 'Eins' }, { id: 'w2', number: 2, title: 'Zwei' }] },
      ],
    })
    expect(eventContents(anEvent({ tableCount: 0 }), programme)).toEqual({ kind: 'workshops', count: 2 })
  })

  it('names the theme tables of a café', () => {
    expect(eventContents(anEvent({ tableCount: 3 }), null)).toEqual({ kind: 'tables', count: 3 })
    expect(eventContents(anEvent({ tableCount: 0 }), null)).toEqual({ kind: 'tables', count: 0 })
  })
})
