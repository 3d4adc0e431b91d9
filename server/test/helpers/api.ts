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

/** Creates an event through the API, as the facilitator's setup page does. */
export async function createEvent(
  url: string,
  input: { title: string; tableNames: string[]; date?: string; place?: string },
): Promise<CreateEventResponse> {
  const { status, body } = await api<CreateEventResponse>(url, '/api/events', {
    body: { date: '2026-11-23', place: 'Rathaus Winnenden', ...input },
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
