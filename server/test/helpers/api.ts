import type { CreateEventResponse, JoinResponse } from '@tischrunde/shared'

/** A JSON request to the server's API; returns status and parsed body. */
export async function api<T = unknown>(
  url: string,
  path: string,
  opts: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

/**
 * The admin key of every server the helpers started, by address: creating an event needs it
 * (startServer and startChildServer register it), so tests call `createEvent(url, …)` as before.
 */
const adminKeys = new Map<string, string>()

/** Registers the admin key of the server at `url` (called by the helpers that start servers). */
export function rememberAdminKey(url: string, adminKey: string): void {
  adminKeys.set(url, adminKey)
}

/** The admin key of the server at `url`, as its start printed it. */
export function adminKeyOf(url: string): string {
  const key = adminKeys.get(url)
  if (!key) throw new Error(`no admin key known for ${url}: start it with startServer or startChildServer`)
  return key
}

/**
 * Creates an event through the API with the installation's admin key, as the start page does
 * after the admin link was opened. `token: null` sends none (as a stranger would).
 */
export async function createEvent(
  url: string,
  input: { title: string; tableNames: string[]; date?: string; place?: string },
  opts: { token?: string | null } = {},
): Promise<CreateEventResponse> {
  const token = opts.token === undefined ? adminKeyOf(url) : opts.token
  const { status, body } = await api<CreateEventResponse>(url, '/api/events', {
    body: { date: '2026-11-23', place: 'Rathaus Winnenden', ...input },
    ...(token ? { token } : {}),
  })
  if (status !== 201) throw new Error(`POST /api/events answered ${status}: ${JSON.stringify(body)}`)
  return body
}

/** Joins an event with its code, as a phone does; returns the participant credential. */
export async function join(url: string, code: string): Promise<JoinResponse> {
  const { status, body } = await api<JoinResponse>(url, '/api/join', { body: { code } })
  if (status !== 200) throw new Error(`POST /api/join answered ${status}: ${JSON.stringify(body)}`)
  return body
}

/** The credential inside a link such as `/e/<id>/console#k=<token>`. */
export const tokenOfLink = (link: string) => decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
