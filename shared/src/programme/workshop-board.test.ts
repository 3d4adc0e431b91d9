import { describe, expect, it } from 'vitest'
import type { EventActor } from '../access/actor.js'
import type { ChangeContext, DocScope, EventSituation } from '../kinds/doc-kind.js'
import { WORKSHOP_STATION_ID, workshopKind, workshopSituation } from './workshop-board.js'
import { bookingKey, programmeSchema } from './programme.schema.js'

const programme = programmeSchema.parse({
  date: null,
  items: [{ id: 'phase-1', kind: 'work-phase', title: 'I', start: '11:30', end: '13:00', workshops: [{ id: 'ws-1', number: 1, title: 'Eins' }, { id: 'ws-2', number: 2, title: 'Zwei' }] }],
})
const bookings = new Map([[bookingKey('anna-0001', 'phase-1'), 'ws-1']])
const situation = { workshops: workshopSituation(programme, (key) => bookings.get(key) ?? null), round: { phase: 'station' } } as EventSituation
const scope = (workshopId: string): DocScope => ({ kind: 'workshop', eventId: 'koeln', parts: { workshopId } })
const actor = (role: EventActor['role'], participantId: string | null = null): EventActor => ({ type: 'event', eventId: 'koeln', role, participantId, tableId: role === 'host' ? 'bildung' : null })
const ctx = (who: EventActor): ChangeContext => ({ actor: who, scope: scope('ws-1'), situation, doc: { get: () => undefined, forEach: () => {} }, now: 0 })
const add = (card: object) => [{ root: 'cards', key: 'card-ws-0001', before: undefined, after: { id: 'card-ws-0001', stationId: WORKSHOP_STATION_ID, columnId: 'ergebnisse', text: 'Eine Anlaufstelle', subPoints: [], authorId: 'anna-0001', createdAt: 1, position: 1, ...card } }]

describe("a workshop's board", () => {
  it('exists only for workshops of the programme', () => {
    expect(workshopKind.exists(scope('ws-1'), situation)).toBe(true)
    expect(workshopKind.exists(scope('ws-9'), situation)).toBe(false)
    expect(workshopKind.exists(scope('ws-1'), {} as EventSituation)).toBe(false)
  })

  it('opens for writing to those who booked it and to facilitators, for reading to projectors, to nobody else', () => {
    expect(workshopKind.audience(actor('participant', 'anna-0001'), scope('ws-1'), situation)).toBe('write')
    expect(workshopKind.audience(actor('participant', 'anna-0001'), scope('ws-2'), situation)).toBe('none')
    expect(workshopKind.audience(actor('participant', 'ben-00001'), scope('ws-1'), situation)).toBe('none')
    expect(workshopKind.audience(actor('facilitator'), scope('ws-2'), situation)).toBe('write')
    expect(workshopKind.audience(actor('projector'), scope('ws-1'), situation)).toBe('read')
    expect(workshopKind.audience(actor('host'), scope('ws-1'), situation)).toBe('none')
  })

  it("takes a participant's own card in its columns; refuses other columns, stations and authors", () => {
    const anna = ctx(actor('participant', 'anna-0001'))
    expect(workshopKind.checkChanges(add({}), anna)).toBeNull()
    expect(workshopKind.checkChanges(add({ columnId: 'offene-fragen' }), anna)).toBeNull()
    expect(workshopKind.checkChanges(add({ columnId: 'laeuft-gut' }), anna)).toBe('INVALID_CARD')
    expect(workshopKind.checkChanges(add({ stationId: 'station-1' }), anna)).toBe('STATION_CLOSED')
    expect(workshopKind.checkChanges(add({ authorId: 'ben-00001' }), anna)).toBe('NOT_YOUR_CARD')
  })

  it('takes no participant’s card once the day is closed; the facilitator may still tidy up', () => {
    const closed = { ...situation, round: { ...situation.round, phase: 'closed' } } as EventSituation
    expect(workshopKind.checkChanges(add({}), { ...ctx(actor('participant', 'anna-0001')), situation: closed })).toBe('STATION_CLOSED')
    const removal = [{ ...add({})[0]!, before: add({})[0]!.after, after: undefined }]
    expect(workshopKind.checkChanges(removal, { ...ctx(actor('facilitator')), situation: closed })).toBeNull()
  })
})
