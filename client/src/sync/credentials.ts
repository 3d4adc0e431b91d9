import { type DeviceIdentity, deviceIdentitySchema, parseStored } from '@tischrunde/shared'

/**
 * Credentials of this device. Links carry them in the URL fragment (`#k=…`), which browsers never
 * send to the server; on arrival they are kept in localStorage and the fragment is removed, so a
 * projector screenshot or a shared screen does not show them.
 */
const key = (eventId: string, kind: string) => `tischrunde.${kind}.${eventId}`

/** Takes `#k=…` from the address (if present) and remembers it for the event. */
export function takeTokenFromUrl(eventId: string, kind: 'facilitator' | 'projector' | 'admin'): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    const token = decodeURIComponent(match[1])
    window.localStorage.setItem(key(eventId, kind), token)
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    return token
  }
  return window.localStorage.getItem(key(eventId, kind))
}

export type ParticipantIdentity = DeviceIdentity

/** `#k=…` in the address (a table host's link); a phone keeps it in its identity, see clearLinkParts. */
export function fragmentToken(): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash)
  return match?.[1] ? decodeURIComponent(match[1]) : null
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

/** The display name this device gave at an event ('' for anonymous). */
export function storedName(eventId: string): string {
  return window.localStorage.getItem(key(eventId, 'name')) ?? ''
}
export function rememberName(eventId: string, name: string): void {
  if (name) window.localStorage.setItem(key(eventId, 'name'), name)
  else window.localStorage.removeItem(key(eventId, 'name'))
}

/** The participant identity this phone got for a join code (kept across reloads). */
export function storedParticipant(code: string): ParticipantIdentity | null {
  return parseStored(deviceIdentitySchema, window.localStorage.getItem(key(code, 'participant')), null)
}

export function rememberParticipant(code: string, identity: ParticipantIdentity): void {
  window.localStorage.setItem(key(code, 'participant'), JSON.stringify(identity))
}

export function forgetParticipant(code: string): void {
  window.localStorage.removeItem(key(code, 'participant'))
}

/** The table this phone last chose at an event. */
export function storedTable(eventId: string): string | null {
  return window.localStorage.getItem(key(eventId, 'table'))
}
export function rememberTable(eventId: string, tableId: string | null): void {
  if (tableId) window.localStorage.setItem(key(eventId, 'table'), tableId)
  else window.localStorage.removeItem(key(eventId, 'table'))
}
