import type { TischEvent } from '../event/event.schema.js'
import type { CredentialInfo, PublicEventView } from '../wire/api.schema.js'
import type { EventActor } from './actor.js'
import { may } from './policy.js'

/** What a phone, host or projector is shown of an event: the event, and the join code where the policy allows it. */
export function publicEventView(actor: EventActor, event: TischEvent, joinCode: string): PublicEventView {
  // The documentation's framing (long texts, logo ids) is no matter of the live screens: the console reads it on its own.
  const { framing: _framing, ...shown } = event
  return { event: shown, role: actor.role, joinCode: may(actor, 'event:join-code', { eventId: actor.eventId }) ? joinCode : null }
}

/** What a link's credential opens (GET /api/credential), so a host link can start a phone. */
export function credentialInfo(actor: EventActor, joinCode: string): CredentialInfo {
  return {
    eventId: actor.eventId,
    role: actor.role,
    ...(actor.participantId ? { participantId: actor.participantId } : {}),
    ...(actor.tableId ? { tableId: actor.tableId } : {}),
    // The phone route of every link is /j/<code>: a host link needs it to open its table. Not to a
    // participant: a code renewed after a leak would reach whoever joined with the old one.
    joinCode: may(actor, 'event:join-code', { eventId: actor.eventId }) ? joinCode : null,
  }
}

/** The table a link makes its holder the host of, or null for a link that is no table host's. */
export function hostSeatOf(info: CredentialInfo): { tableId: string; participantId: string } | null {
  return info.role === 'host' && info.tableId && info.participantId ? { tableId: info.tableId, participantId: info.participantId } : null
}

/**
 * Whether screens show the names participants gave under their cards: the facilitator's choice for
 * the event ("Namen … zeigen", off by default), the same on every screen. Exports never carry them.
 */
export function namesShown(event: TischEvent): boolean {
  return event.showNames
}

/** Whether a link's credential opens an event's console (the facilitator's link). */
export function opensConsole(info: CredentialInfo): boolean {
  return may({ type: 'event', eventId: info.eventId, role: info.role, participantId: null, tableId: null }, 'event:run', { eventId: info.eventId })
}
