import type { EventId, ParticipantId, TableId } from '../ids.js'
import type { CredentialClaims } from './credential.schema.js'
import type { Role } from './role.schema.js'

/**
 * Who is acting, as the server knows it from a checked credential: for which event, in which role,
 * as which participant (participants and table hosts), at which table (table hosts only).
 */
export interface EventActor {
  type: 'event'
  eventId: EventId
  role: Role
  participantId: ParticipantId | null
  /** A table host's table: the host acts only there. */
  tableId: TableId | null
}

/** The installation's organiser (the admin link): manages events, never writes to boards. */
export interface AdminActor {
  type: 'admin'
}

export type Actor = EventActor | AdminActor

/** The actor a credential names. */
export function actorFromClaims(claims: CredentialClaims): EventActor {
  return {
    type: 'event',
    eventId: claims.event,
    role: claims.role,
    participantId: claims.participant ?? null,
    tableId: claims.table ?? null,
  }
}

/** The installation organiser. */
export const ADMIN_ACTOR: AdminActor = { type: 'admin' }
