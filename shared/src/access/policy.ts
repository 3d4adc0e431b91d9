import type { DocAccess, DocKind, DocScope, EventSituation } from '../kinds/doc-kind.js'
import type { Actor, EventActor } from './actor.js'
import type { Role } from './role.schema.js'

/**
 * The one access policy. Every edge — the board socket's upgrade and each of its messages, every
 * Socket.IO command, every HTTP route, the exports — asks `may`; nothing else compares roles.
 * Doc kinds declare their audience; the policy adds what holds for every kind (the actor's own
 * event, a scope that exists).
 */

/** Things an actor does to an event as a whole. */
export type EventAction =
  /** See the event, its round state and its boards' layout. */
  | 'event:view'
  /** Run the day: rounds, timer, locks, setup, what the screens show. */
  | 'event:run'
  /** Download result sheets, the documentation, the JSON backup. */
  | 'event:export'
  /** Delete the event with every card (data protection). */
  | 'event:delete'
  /** See the links of every role (the facilitator's view). */
  | 'event:links'
  /** Renew one link (projector, a table host) or the join code, revoking the old one. */
  | 'event:revoke'
  /** See the join code. Participants joined with it; their screens do not repeat it. */
  | 'event:join-code'
  /** Say at which table one sits (presence). */
  | 'presence:report'
  /** See how many are connected, per table. */
  | 'presence:watch'
  /** Write many cards at once (a pasted list), beyond a person's pace. */
  | 'cards:unpaced'
  /** Delete one's own cards and name in every doc of the event ("Meine Beiträge löschen"). */
  | 'contributions:forget-own'
  /** Hide, restore, approve and refuse cards (a host: at their own table; see mayModerate). */
  | 'cards:moderate'
  /** Place dots in a voting step (as oneself: the budget is per person). */
  | 'votes:cast'
  /** See the live dot counts of a voting step (the ranking). */
  | 'votes:watch'
  /** Group cards under headings (a table host: only at their table, see `mayGroupCards`). */
  | 'cards:group'
  /** Choose for oneself: a tree group, a workshop; find one's choices by one's personal code. */
  | 'self:choose'

/** Things an installation's organiser does (`events:create`: unless the installation opens creation to everyone). */
export type InstallationAction = 'events:list' | 'events:import' | 'events:create'

/** Things an actor does to one doc. */
export type DocAction = 'doc:open' | 'doc:write'

/** A doc as the policy needs to see it: its kind, which one, and the event it belongs to. */
export interface DocTarget {
  kind: DocKind
  scope: DocScope
  situation: EventSituation
}

const EVENT_RIGHTS: Readonly<Record<EventAction, readonly Role[]>> = {
  'event:view': ['facilitator', 'host', 'participant', 'projector'],
  'event:run': ['facilitator'],
  'event:export': ['facilitator'],
  'event:delete': ['facilitator'],
  'event:links': ['facilitator'],
  'event:revoke': ['facilitator'],
  'event:join-code': ['facilitator', 'host', 'projector'],
  'presence:report': ['facilitator', 'host', 'participant', 'projector'],
  'presence:watch': ['facilitator', 'projector'],
  'cards:unpaced': ['facilitator'],
  'contributions:forget-own': ['participant'],
  'cards:moderate': ['facilitator', 'host'],
  'votes:cast': ['participant', 'host'],
  'votes:watch': ['facilitator', 'projector'],
  'cards:group': ['facilitator', 'host'],
  'self:choose': ['participant'],
}
/** What the installation's organiser may do to any event. */
const ADMIN_EVENT_RIGHTS: ReadonlySet<EventAction> = new Set(['event:delete', 'event:links', 'event:revoke'])

/**
 * Whether `actor` may do `action`. Event actions name the event; doc actions name the doc.
 * @example may(actor, 'event:run', { eventId }) || fail('FORBIDDEN')
 */
export function may(actor: Actor, action: EventAction, target: { eventId: string }): boolean
export function may(actor: Actor, action: DocAction, target: DocTarget): boolean
export function may(actor: Actor, action: InstallationAction): boolean
export function may(actor: Actor, action: EventAction | DocAction | InstallationAction, target?: { eventId: string } | DocTarget): boolean {
  if (action === 'events:list' || action === 'events:import' || action === 'events:create') return actor.type === 'admin'
  if (action === 'doc:open' || action === 'doc:write') {
    const access = docAccess(actor, target as DocTarget)
    return action === 'doc:open' ? access !== 'none' : access === 'write'
  }
  const eventId = (target as { eventId: string }).eventId
  if (actor.type === 'admin') return ADMIN_EVENT_RIGHTS.has(action)
  return actor.eventId === eventId && EVENT_RIGHTS[action].includes(actor.role)
}

/** How an actor may use a doc: only docs of its own event whose scope exists, then as the kind says. */
export function docAccess(actor: Actor, { kind, scope, situation }: DocTarget): DocAccess {
  if (actor.type !== 'event' || actor.eventId !== scope.eventId || scope.kind !== kind.name) return 'none'
  if (!kind.exists(scope, situation)) return 'none'
  return kind.audience(actor, scope, situation)
}

/** How the presence counts group a connection. */
export function presenceGroup(actor: EventActor): 'projector' | 'facilitator' | 'seated' {
  if (actor.role === 'projector') return 'projector'
  if (actor.role === 'facilitator') return 'facilitator'
  return 'seated'
}

/**
 * The audiences the server publishes to: every screen of an event, the staff (facilitators and
 * projectors: presence counts), or the facilitators only.
 */
export type Audience = 'everyone' | 'staff' | 'facilitators'

const AUDIENCE_ACTION: Readonly<Record<Audience, EventAction>> = {
  everyone: 'event:view',
  staff: 'presence:watch',
  facilitators: 'event:run',
}

/** The roles that belong to an audience (delivery goes to their rooms, on every node). */
export function audienceRoles(audience: Audience): readonly Role[] {
  return EVENT_RIGHTS[AUDIENCE_ACTION[audience]]
}

/**
 * The key under which the server binds an actor's Yjs client ids: the person (participant or
 * table host), or the role for facilitators, who act as one.
 */
export function writerKeyOf(actor: EventActor): string {
  return actor.participantId ? `p:${actor.participantId}` : `r:${actor.role}`
}
