import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { INITIAL_ROUND_STATE } from '../rounds/round.schema.js'
import { boardKind } from '../kinds/board/board-kind.js'
import type { EventSituation } from '../kinds/doc-kind.js'
import { resolveDocName } from '../kinds/registry.js'
import { workshopKind, workshopSituation } from '../programme/workshop-board.js'
import type { Programme } from '../programme/programme.schema.js'
import { bookingKey } from '../programme/programme.schema.js'
import type { StoredEvent } from '../storage/stored-data.schema.js'
import { INITIAL_GENERATIONS } from './credential.schema.js'
import type { EventActor } from './actor.js'
import { type OpenDocAccess, openAccessEnded } from './open-access.js'

const event = anEvent({ id: 'cafe', tableCount: 2 })
const [first, second] = event.tables.map((t) => t.id) as [string, string]
const stored = (more: Partial<StoredEvent> = {}): StoredEvent => ({
  event,
  setupVersion: 1,
  joinCode: 'ABCD-EFGH',
  createdAt: 0,
  accessEpoch: 0,
  generations: INITIAL_GENERATIONS(),
  accessVersion: 1,
  round: INITIAL_ROUND_STATE,
  ...more,
})
const programme = { items: [{ id: 'phase-1', workshops: [{ id: 'ws-1' }, { id: 'ws-2' }] }] } as unknown as Programme
/** The situation with Anna booked into `booked` (null: nowhere). */
const situation = (booked: string | null, tables = event.tables): EventSituation => ({
  event: { ...event, tables },
  round: INITIAL_ROUND_STATE,
  workshops: workshopSituation(programme, (key) => (key === bookingKey('anna', 'phase-1') ? booked : null)),
})
const actor = (role: EventActor['role'], more: Partial<EventActor> = {}): EventActor => ({ type: 'event', eventId: 'cafe', role, participantId: null, tableId: null, ...more })
const open = (docName: string, who: EventActor, claims: Partial<OpenDocAccess['claims']> = {}): OpenDocAccess => {
  const target = resolveDocName(docName, [boardKind, workshopKind])!
  return { actor: who, claims: { role: who.role, epoch: 0, ...(who.tableId ? { table: who.tableId } : {}), ...claims }, ...target }
}
const anna = actor('participant', { participantId: 'anna' })

describe('whether an open doc connection may stay open', () => {
  it('stays while nothing relevant changed', () => {
    expect(openAccessEnded(open('workshop.cafe.ws-1', anna), stored(), situation('ws-1'))).toBeNull()
    expect(openAccessEnded(open(`board.cafe.${first}`, anna), stored(), situation(null))).toBeNull()
  })

  it('ends for a participant whose workshop booking was switched or cancelled, not for the facilitator', () => {
    expect(openAccessEnded(open('workshop.cafe.ws-1', anna), stored(), situation('ws-2'))).toBe('READ_ONLY')
    expect(openAccessEnded(open('workshop.cafe.ws-1', anna), stored(), situation(null))).toBe('READ_ONLY')
    expect(openAccessEnded(open('workshop.cafe.ws-2', anna), stored(), situation('ws-2'))).toBeNull()
    expect(openAccessEnded(open('workshop.cafe.ws-1', actor('facilitator')), stored(), situation(null))).toBeNull()
  })

  it('ends for everyone when the doc is taken out of the event (a workshop, a table)', () => {
    const withoutWs1 = { ...situation('ws-1'), workshops: workshopSituation({ items: [{ id: 'phase-1', workshops: [{ id: 'ws-2' }] }] } as unknown as Programme, () => 'ws-1') }
    expect(openAccessEnded(open('workshop.cafe.ws-1', actor('facilitator')), stored(), withoutWs1)).toBe('DOC_REMOVED')
    expect(openAccessEnded(open(`board.cafe.${second}`, anna), stored(), situation(null, event.tables.slice(0, 1)))).toBe('DOC_REMOVED')
    expect(openAccessEnded(open(`board.cafe.${first}`, anna), stored(), situation(null, event.tables.slice(0, 1)))).toBeNull()
  })

  it('ends when the credential it was opened with is revoked: a new access epoch, a renewed host or projector link', () => {
    expect(openAccessEnded(open(`board.cafe.${first}`, anna), stored({ accessEpoch: 1 }), situation(null))).toBe('LINK_REVOKED')
    const host = actor('host', { participantId: 'host-x', tableId: first })
    expect(openAccessEnded(open(`board.cafe.${first}`, host), stored(), situation(null))).toBeNull()
    expect(openAccessEnded(open(`board.cafe.${first}`, host), stored({ generations: { projector: 0, hosts: { [first]: 1 } } }), situation(null))).toBe('LINK_REVOKED')
    // Another table's host link renewed: this one stays.
    expect(openAccessEnded(open(`board.cafe.${first}`, host), stored({ generations: { projector: 0, hosts: { [second]: 1 } } }), situation(null))).toBeNull()
    expect(openAccessEnded(open(`board.cafe.${first}`, actor('projector')), stored({ generations: { projector: 2, hosts: {} } }), situation(null))).toBe('LINK_REVOKED')
  })

  it('ends for now, not as deleted, when the event is not known here (being read again): the phone comes back', () => {
    expect(openAccessEnded(open(`board.cafe.${first}`, anna), undefined, null)).toBe('LOAD_FAILED')
  })
})
