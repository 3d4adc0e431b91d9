import { type DeviceIdentity, eventIdSchema } from '@tischrunde/shared'
import { type LinkKind, keepLinkToken, readLinkToken } from './device-storage.js'

/**
 * Credentials of this device. Links carry them in the URL fragment (`#k=…`), which browsers never
 * send to the server; on arrival they are kept in browser storage (device-storage.ts) and the
 * fragment is removed, so a projector screenshot or a shared screen does not show them.
 */

/** `#k=…` of the address, decoded; null without one, or one a mail program mangled (a stray `%`). */
function linkToken(): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash)
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : null
  } catch {
    return null
  }
}

/** Takes `#k=…` from the address (if present) and remembers it for the event. */
export function takeTokenFromUrl(eventId: string, kind: LinkKind): string | null {
  const token = linkToken()
  if (token) {
    keepLinkToken(eventId, kind, token)
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    return token
  }
  return readLinkToken(eventId, kind)
}

export type ParticipantIdentity = DeviceIdentity

/** `#k=…` in the address (a table host's link); a phone keeps it in its identity, see clearLinkParts. */
export function fragmentToken(): string | null {
  return linkToken()
}

/** The table the facilitator assigned (`?tisch=…` in a table's join link). */
export function assignedTable(): string | null {
  return new URL(window.location.href).searchParams.get('tisch')
}

/** Removes the credential and the assigned table from the address once they are kept. */
export function clearLinkParts(): void {
  const url = new URL(window.location.href)
  url.searchParams.delete('tisch')
  window.history.replaceState(null, '', url.pathname + url.search)
}

/**
 * The event a credential is for, read from its body without checking it (the server does): the
 * address of a screen's control connection names it, so that with several server nodes it is
 * routed to the event's node (the console's and the projector's routes know no more than the link).
 */
export function eventOfToken(token: string): string | undefined {
  const body = token.split('.')[0] ?? ''
  try {
    const claims = JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/'))) as { event?: unknown; e?: unknown }
    const event = claims.event ?? claims.e
    return eventIdSchema.safeParse(event).success ? (event as string) : undefined
  } catch {
    return undefined
  }
}
