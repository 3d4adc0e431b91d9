import {
  type CreateEventRequest,
  type CreateEventResponse,
  type CredentialInfo,
  credentialInfoSchema,
  type ApiError,
  type EventListItem,
  type FacilitatorEventView,
  type JoinResponse,
  type PublicEventView,
  apiErrorSchema,
  createEventResponseSchema,
  eventListItemSchema,
  facilitatorEventViewSchema,
  joinResponseSchema,
  publicEventViewSchema,
} from '@tischrunde/shared'
import { z } from 'zod'

/**
 * A failed API call: the server's code and params (or NETWORK). Its message is the server's log
 * text, never shown: i18n/error-text.ts words the failure.
 */
export class ApiFailure extends Error {
  constructor(readonly failure: ApiError) {
    super(failure.message ?? failure.code)
  }
  get code(): ApiError['code'] {
    return this.failure.code
  }
}

async function call<T>(schema: z.ZodType<T>, url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (init.body) headers['content-type'] = 'application/json'
  if (init.token) headers.authorization = `Bearer ${init.token}`
  let res: Response
  try {
    res = await fetch(url, { ...init, headers })
  } catch {
    throw new ApiFailure({ code: 'NETWORK' })
  }
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body)
    throw new ApiFailure(parsed.success ? parsed.data : { code: 'INTERNAL', message: `HTTP ${res.status}` })
  }
  // Answers are checked like any other input.
  return schema.parse(body)
}

export const api = {
  createEvent: (req: CreateEventRequest): Promise<CreateEventResponse> =>
    call(createEventResponseSchema, '/api/events', { method: 'POST', body: JSON.stringify(req) }),
  join: (code: string): Promise<JoinResponse> =>
    call(joinResponseSchema, '/api/join', { method: 'POST', body: JSON.stringify({ code }) }),
  /** What a link's credential opens (a table host's link carries only its token). */
  credential: (token: string): Promise<CredentialInfo> => call(credentialInfoSchema, '/api/credential', { token }),
  facilitatorView: (eventId: string, token: string): Promise<FacilitatorEventView> =>
    call(facilitatorEventViewSchema, `/api/events/${encodeURIComponent(eventId)}`, { token }),
  publicView: (eventId: string, token: string): Promise<PublicEventView> =>
    call(publicEventViewSchema, `/api/events/${encodeURIComponent(eventId)}`, { token }),
  listEvents: (adminKey: string): Promise<EventListItem[]> => call(z.array(eventListItemSchema), '/api/events', { token: adminKey }),
  /** Deletes an event with all its cards (admin key or the event's facilitator credential). */
  deleteEvent: (eventId: string, token: string): Promise<null> =>
    call(z.null(), `/api/events/${encodeURIComponent(eventId)}`, { method: 'DELETE', token }),
}
