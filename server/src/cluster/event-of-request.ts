/** Event ids (slugs), as in doc names and API paths. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/
/** API paths that name an event: `/api/events/<id>` and below (`/api/events/import` names none). */
const API_EVENT = /^\/api\/events\/([^/?#]+)(?:[/?#]|$)/
/** The query parameter the control-plane client names its event with. */
export const CONTROL_EVENT_PARAM = 'event'

/**
 * The event a request belongs to, when it names one: a doc socket (`/yjs/<kind>.<event>.…`), a
 * control-plane connection (`/socket.io/?event=<event>`, handshake and every long-poll) or an API
 * path under `/api/events/<event>`. Such requests are served by the event's owner node; the rest
 * (pages, joining by code, creating events) by any node.
 */
export function eventOfRequest(url: string): string | undefined {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  let candidate: string | undefined
  if (path.startsWith('/yjs/')) candidate = safeDecode(path.slice('/yjs/'.length)).split('.')[1]
  else if (path.startsWith('/socket.io/')) candidate = new URLSearchParams(q < 0 ? '' : url.slice(q + 1)).get(CONTROL_EVENT_PARAM) ?? undefined
  else {
    const m = API_EVENT.exec(path)
    if (m && m[1] !== 'import') candidate = safeDecode(m[1]!)
  }
  return candidate !== undefined && SLUG.test(candidate) ? candidate : undefined
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return ''
  }
}
