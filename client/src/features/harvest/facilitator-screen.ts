import { deviceTokenSchema } from '@tischrunde/shared'

/**
 * The facilitator's own screen: the console opens the projector's grouping view (`?mode=gruppen`) in
 * a new window of the same browser and hands it the facilitator credential in the address fragment
 * (`#f=…`, never sent to the server). The window keeps it in its session storage only (this one
 * window, gone when it closes) and takes it out of the address at once, so the address a person
 * could copy to another device carries no credential. A projector on its own device has none and
 * shows the same view read-only.
 */

/** The view the credential is taken for (`?mode=gruppen`). */
export const GROUPS_MODE = 'gruppen'

const sessionKey = (eventId: string) => `tischrunde.facilitator-screen.${eventId}`

/** Whether the projector's address asks for the grouping view. */
export const isGroupsMode = (search = window.location.search): boolean => new URLSearchParams(search).get('mode') === GROUPS_MODE

/** Takes a handed-over facilitator credential for the grouping view (from `#f=…` or this window's session); null otherwise. */
export function takeFacilitatorHandoff(eventId: string): string | null {
  if (!isGroupsMode()) return null
  const match = /(?:^#|&)f=([^&]+)/.exec(window.location.hash)
  try {
    if (match?.[1]) {
      const token = deviceTokenSchema.safeParse(decodeURIComponent(match[1])).data ?? null
      // The whole fragment goes: nothing of a credential stays in the address.
      window.history.replaceState(null, '', window.location.pathname + window.location.search)
      if (token) window.sessionStorage.setItem(sessionKey(eventId), token)
      return token
    }
    return deviceTokenSchema.safeParse(window.sessionStorage.getItem(sessionKey(eventId))).data ?? null
  } catch {
    // Storage blocked: the view stays read-only.
    return null
  }
}

/** Opens the grouping view on the projector route in a new window of this browser, for the facilitator's own screen. */
export function openFacilitatorScreen(eventId: string, facilitatorToken: string, at: { tableId: string; column: string }): Window | null {
  const search = new URLSearchParams({ mode: GROUPS_MODE, tisch: at.tableId, spalte: at.column })
  return window.open(`/e/${encodeURIComponent(eventId)}/projector?${search.toString()}#f=${encodeURIComponent(facilitatorToken)}`, '_blank')
}
