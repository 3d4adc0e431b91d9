import type { Request, Response } from 'express'
import { ErrorCode, actorFromClaims, fail as failure, may } from '@tischrunde/shared'
import type { Authenticated, EventService } from '../events/event-service.js'
import { sendFailure } from './send-failure.js'

/** The credential of an API request (`Authorization: Bearer <token>`). */
export const bearerOf = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()

/**
 * The one check of every facilitator-only route under `/events/:id/…`: a credential of this event
 * (else 401, "link") that may do `action` (else 403, "facilitator"). Answers the refusal itself and
 * returns null then; the caller stops.
 */
export async function facilitatorOf(events: EventService, req: Request, res: Response, action: 'event:export' | 'event:run'): Promise<Authenticated | null> {
  const auth = await events.authenticate(bearerOf(req))
  const actor = auth ? actorFromClaims(auth.claims) : null
  const eventId = String(req.params.id)
  if (!auth || !actor || !may(actor, 'event:view', { eventId })) {
    sendFailure(res, 401, failure(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
    return null
  }
  if (!may(actor, action, { eventId })) {
    sendFailure(res, 403, failure(ErrorCode.FORBIDDEN, { needs: 'facilitator' }))
    return null
  }
  return auth
}

/**
 * The check of a route under `/events/:id/…` that every screen of the event may read: a credential
 * of this event (else 401, "link"). Answers the refusal itself and returns null then.
 */
export async function screenOf(events: EventService, req: Request, res: Response): Promise<Authenticated | null> {
  const auth = await events.authenticate(bearerOf(req))
  const actor = auth ? actorFromClaims(auth.claims) : null
  if (auth && actor && may(actor, 'event:view', { eventId: String(req.params.id) })) return auth
  sendFailure(res, 401, failure(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
  return null
}
