import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { INITIAL_ROUND_STATE } from '../rounds/round.schema.js'
import { boardKind } from '../kinds/board/board-kind.js'
import type { EventSituation } from '../kinds/doc-kind.js'
import { resolveDocName } from '../kinds/registry.js'
import { ADMIN_ACTOR, type EventActor, actorFromClaims } from './actor.js'
import { type EventAction, audienceRoles, docAccess, may } from './policy.js'
import { publicEventView } from './event-view.js'
import type { Role } from './role.schema.js'

const as = (role: Role, more: Partial<EventActor> = {}): EventActor => ({ type: 'event', eventId: 'cafe', role, participantId: null, tableId: null, ...more })
const situation: EventSituation = { event: anEvent({ id: 'cafe', tableCount: 2 }), round: INITIAL_ROUND_STATE }
const board = (tableId: string) => ({ kind: boardKind, scope: resolveDocName(`board.cafe.${tableId}`)!.scope, situation })
const [first, second] = situation.event.tables.map((t) => t.id) as [string, string]

describe('the access policy', () => {
  it.each<[EventAction, Role[]]>([
    ['event:run', ['facilitator']],
    ['event:export', ['facilitator']],
    ['event:delete', ['facilitator']],
    ['event:revoke', ['facilitator']],
    ['event:join-code', ['facilitator', 'host', 'projector']],
    ['presence:watch', ['facilitator', 'projector']],
    ['event:view', ['facilitator', 'host', 'participant', 'projector']],
  ])('allows %s to exactly %j of the event', (action, allowed) => {
    const roles: Role[] = ['facilitator', 'host', 'participant', 'projector']
    expect(roles.filter((r) => may(as(r), action, { eventId: 'cafe' }))).toEqual(allowed)
  })

  it('allows nothing on another event, whatever the role', () => {
    expect(may(as('facilitator'), 'event:run', { eventId: 'other' })).toBe(false)
    expect(may(as('facilitator'), 'event:view', { eventId: 'other' })).toBe(false)
    expect(docAccess(as('facilitator', { eventId: 'other' }), board(first))).toBe('none')
  })

  it('lets the installation organiser list, import and delete events, but not run one or open its boards', () => {
    expect(may(ADMIN_ACTOR, 'events:list')).toBe(true)
    expect(may(ADMIN_ACTOR, 'event:delete', { eventId: 'cafe' })).toBe(true)
    expect(may(ADMIN_ACTOR, 'event:run', { eventId: 'cafe' })).toBe(false)
    expect(docAccess(ADMIN_ACTOR, board(first))).toBe('none')
    expect(may(as('facilitator'), 'events:list')).toBe(false)
  })

  it('opens a board for writing to facilitators and participants, for reading to projectors', () => {
    expect(docAccess(as('facilitator'), board(first))).toBe('write')
    expect(docAccess(as('participant', { participantId: 'p-000000001' }), board(second))).toBe('write')
    expect(docAccess(as('projector'), board(first))).toBe('read')
    expect(may(as('projector'), 'doc:open', board(first))).toBe(true)
    expect(may(as('projector'), 'doc:write', board(first))).toBe(false)
  })

  it('opens only their own table to a table host, and no other at all', () => {
    const host = as('host', { participantId: 'host-0000000001', tableId: first })
    expect(docAccess(host, board(first))).toBe('write')
    expect(docAccess(host, board(second))).toBe('none')
  })

  it('opens no board of a table the event does not have', () => {
    expect(docAccess(as('facilitator'), board('gibt-es-nicht'))).toBe('none')
  })

  it('shows the join code to everyone but participants', () => {
    expect(publicEventView(as('participant'), situation.event, 'XN4YKE').joinCode).toBeNull()
    expect(publicEventView(as('projector'), situation.event, 'XN4YKE').joinCode).toBe('XN4YKE')
  })

  it('delivers to the roles of an audience', () => {
    expect(audienceRoles('staff')).toEqual(['facilitator', 'projector'])
    expect(audienceRoles('everyone')).toHaveLength(4)
  })

  it('reads credentials of both formats into the same named actor', () => {
    expect(actorFromClaims({ event: 'cafe', role: 'host', epoch: 0, participant: 'host-0000000001', table: first })).toEqual(
      as('host', { participantId: 'host-0000000001', tableId: first }),
    )
  })
})
