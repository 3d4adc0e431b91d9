import { BOARD_SOCKET_PREFIX, docNameOfUrl } from '../transport/doc-socket-path.js'

/** Event ids (slugs), as in doc names and API paths. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/
/** API paths that name an event: `/api/events/<id>` and below (`/api/events/import` names none). */
const API_EVENT = /^\/api\/events\/([^/?#]+)(?:[/?#]|$)/
/**
 * Requests that are not of one event but must be judged in one place: joining with a code (the
 * join guard's budgets for wrong codes and new participants count across all nodes only when one
 * node counts them) and creating events (the creation pace). Each is "owned" like an event, under a
 * key no event id can have.
 */
export const JOIN_ROUTE = '_join'
export const CREATE_ROUTE = '_create'
/** Whether a routing key is one of these, not an event. */
export const isSharedRoute = (key: string) => key.startsWith('_')

/** The query parameter the control-plane client names its event with. */
export const CONTROL_EVENT_PARAM = 'event'

/**
 * The event a request belongs to, when it names one: a doc socket (`/yjs/<kind>.<event>.…`), a
 * control-plane connection (`/socket.io/?event=<event>`, handshake and every long-poll) or an API
 * path under `/api/events/<event>`. Such requests are served by the event's owner node; joining
 * and creating events by the owner of their shared route; the rest (pages, reads) by any node.
 */
export function eventOfRequest(url: string, method = 'GET'): string | undefined {
  const q = url.indexOf('?')
  // Read as Express routes it (case-insensitive, a trailing slash allowed): a path the API serves
  // for an event is routed to that event's owner however it is spelt.
  const path = (q < 0 ? url : url.slice(0, q)).toLowerCase()
  const bare = path.replace(/\/+$/, '')
  if (method === 'POST' && bare === '/api/join') return JOIN_ROUTE
  if (method === 'POST' && bare === '/api/events') return CREATE_ROUTE
  let candidate: string | undefined
  if (path.startsWith(BOARD_SOCKET_PREFIX)) candidate = docNameOfUrl(url)?.split('.')[1]
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
