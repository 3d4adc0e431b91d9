import {
  type CreateEventRequest,
  type HeldCounts,
  heldCountsSchema,
  type CreateEventResponse,
  type CredentialInfo,
  credentialInfoSchema,
  type ApiError,
  type EventListItem,
  type FacilitatorEventView,
  type InstanceInfo,
  type JoinResponse,
  type RevokeRequest,
  type PublicEventView,
  apiErrorSchema,
  createEventResponseSchema,
  eventListItemSchema,
  facilitatorEventViewSchema,
  instanceInfoSchema,
  joinResponseSchema,
  publicEventViewSchema,
} from '@tischrunde/shared'
import { z } from 'zod'
import { deviceKey } from './device-storage.js'
import { randomId } from './random-id.js'

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

/** One API request: the answer checked with `schema`, or an ApiFailure. */
export async function call<T>(schema: z.ZodType<T>, url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
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
  /** Whether creating an event needs the admin key on this installation. */
  instance: (): Promise<InstanceInfo> => call(instanceInfoSchema, '/api/instance'),
  /** Creates an event; with the admin key unless the installation opens creation to everyone. */
  createEvent: (req: CreateEventRequest, adminKey?: string | null): Promise<CreateEventResponse> =>
    call(createEventResponseSchema, '/api/events', { method: 'POST', body: JSON.stringify(req), ...(adminKey ? { token: adminKey } : {}) }),
  join: (code: string): Promise<JoinResponse> =>
    call(joinResponseSchema, '/api/join', { method: 'POST', body: JSON.stringify({ code, device: deviceKey(randomId) }) }),
  /** Facilitator: renews one link or the join code; answers the event's links as they are now. */
  revoke: (eventId: string, token: string, which: RevokeRequest): Promise<FacilitatorEventView> =>
    call(facilitatorEventViewSchema, `/api/events/${encodeURIComponent(eventId)}/revoke`, { method: 'POST', body: JSON.stringify(which), token }),
  /** What a link's credential opens (a table host's link carries only its token). */
  credential: (token: string): Promise<CredentialInfo> => call(credentialInfoSchema, '/api/credential', { token }),
  facilitatorView: (eventId: string, token: string): Promise<FacilitatorEventView> =>
    call(facilitatorEventViewSchema, `/api/events/${encodeURIComponent(eventId)}`, { token }),
  publicView: (eventId: string, token: string): Promise<PublicEventView> =>
    call(publicEventViewSchema, `/api/events/${encodeURIComponent(eventId)}`, { token }),
  /** Facilitator: per table, cards waiting for approval and collected ones not revealed (asked before the end). */
  heldCounts: (eventId: string, token: string): Promise<HeldCounts> => call(heldCountsSchema, `/api/events/${encodeURIComponent(eventId)}/moderation/waiting`, { token }),
  listEvents: (adminKey: string): Promise<EventListItem[]> => call(z.array(eventListItemSchema), '/api/events', { token: adminKey }),
  /** Deletes an event with all its cards (admin key or the event's facilitator credential). */
  deleteEvent: (eventId: string, token: string): Promise<null> =>
    call(z.null(), `/api/events/${encodeURIComponent(eventId)}`, { method: 'DELETE', token }),
}
