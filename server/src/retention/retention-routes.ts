import express, { type Request, type Response, type Router } from 'express'
import {
  ADMIN_ACTOR,
  type Actor,
  ErrorCode,
  PRIVACY_NOTICES,
  PRIVACY_NOTICE_KEY,
  EMPTY_PRIVACY_NOTICE,
  type PrivacyNotice,
  type RetentionView,
  actorFromClaims,
  fail as failure,
  invalidMessage,
  may,
  privacyNoticeSchema,
  setRetentionRequestSchema,
} from '@tischrunde/shared'
import type { Credentials } from '../access/credentials.js'
import type { EventService } from '../events/event-service.js'
import { API_BODY_MAX } from '../http/api.js'
import type { Logger } from 'pino'
import { answerApiErrors } from '../http/api-errors.js'
import { sendFailure } from '../http/send-failure.js'
import { RateLimiter } from '../access/rate-limit.js'
import type { EventStore } from '../storage/storage.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { BoardStore } from '../storage/storage.js'
import type { DeletedEvents } from './deleted-events.js'
import { actorMapAfterForget } from '../actors/actors-after-forget.js'
import { forgetContributions } from './forget-contributions.js'
import { ForgetPasses, ForgetQueueFull } from './forget-passes.js'
import type { ForgetWrite } from '@tischrunde/shared'
import type { RetentionService } from './retention-service.js'


export interface RetentionRouteDeps {
  events: EventService
  store: EventStore
  credentials: Credentials
  retention: RetentionService
  deleted: DeletedEvents
  rooms: DocRooms
  boards: BoardStore
  /** Called after the notice changed, so connected screens fetch it again. */
  onEventChanged?: (id: string) => void
  /** Called after "Meine Beiträge löschen" with what was deleted per doc (votes on those cards go back). */
  onContributionsForgotten?: (eventId: string, participantId: string, forgotten: readonly { docName: string; writes: readonly ForgetWrite[] }[]) => Promise<void>
  log: Pick<Logger, 'error'>
}

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()
const BAD_LINK = failure(ErrorCode.UNAUTHORIZED, { credential: 'link' })
const FACILITATOR_ONLY = failure(ErrorCode.FORBIDDEN, { needs: 'facilitator' })
const DELETED = failure(ErrorCode.NOT_FOUND, { what: 'event', deleted: true })

/**
 * Under /api, before the main API: an event's retention (the console and the admin page show and
 * move it) and its privacy notice and imprint; for a deleted event, "gelöscht" (410) instead of a
 * bare "not found" on every request that names it.
 */
export function createRetentionRoutes(deps: RetentionRouteDeps): Router {
  const api = express.Router()
  // "Meine Beiträge löschen" opens every doc of the event: three times in a row, then once a minute per participant.
  const forgets = new RateLimiter(3, 1 / 60, 10_000)
  // And per event in shared passes: each pass reads every doc of the event once for everyone who
  // asked meanwhile, passes at least 2 s apart, so fresh identities in bulk cannot make the server
  // read an event over and over, and never hold up someone else's request for more than a pass.
  const passes = new ForgetPasses(
    async (eventId, participantIds) => {
      const outcome = await forgetContributions(deps.rooms, deps.boards, eventId, participantIds)
      const stored = await deps.store.get(eventId)
      const docNames = [...outcome.values()].flatMap((o) => o.forgotten.map((f) => f.docName))
      if (stored) await actorMapAfterForget(deps.rooms, stored, docNames)
      return outcome
    },
    async (eventId, outcome) => {
      for (const [participantId, { forgotten }] of outcome) await deps.onContributionsForgotten?.(eventId, participantId, forgotten)
    },
  )
  // Bodies are parsed only on the routes here, so every other request reaches the main API untouched.
  const small = express.json({ limit: '64kb' })
  const joinBody = express.json({ limit: API_BODY_MAX })

  /** Who sends the request: the admin key, a credential of the event `id`, or nobody. */
  const actorOf = async (req: Request, id: string): Promise<Actor | null> => {
    const key = bearer(req) ?? ''
    if (deps.credentials.isAdminKey(key)) return ADMIN_ACTOR
    const auth = await deps.events.authenticate(key)
    return auth && auth.stored.event.id === id ? actorFromClaims(auth.claims) : null
  }
  /** The stored event if the request may `action` on it (else the refusal is sent). */
  const allowed = async (req: Request, res: Response, action: 'event:view' | 'event:delete') => {
    const id = String(req.params.id)
    const actor = await actorOf(req, id)
    if (!actor || !may(actor, action, { eventId: id })) {
      if (await deps.deleted.byEventId(id)) return void sendFailure(res, 410, DELETED)
      if (actor && may(actor, 'event:view', { eventId: id })) return void sendFailure(res, 403, FACILITATOR_ONLY)
      return void sendFailure(res, 401, BAD_LINK)
    }
    const stored = await deps.events.get(id)
    if (!stored) return void ((await deps.deleted.byEventId(id)) ? sendFailure(res, 410, DELETED) : sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'event' })))
    return stored
  }

  // A deleted event's requests: "gelöscht", whatever they ask.
  api.use('/events/:id', async (req, res, next) => {
    const id = String(req.params.id)
    // An id in use again (a new event of the same title) wins over the memory of a deleted one.
    if ((await deps.deleted.byEventId(id)) && !(await deps.events.get(id))) return sendFailure(res, 410, DELETED)
    next()
  })
  api.post('/join', joinBody, async (req, res, next) => {
    const code = (req.body as { code?: unknown } | null)?.code
    // A code a new event was given since wins: only a code nobody has now is "gelöscht".
    if (typeof code === 'string' && code.length <= 40 && (await deps.deleted.byJoinCode(code)) && !(await deps.events.byJoinCode(code)))
      return sendFailure(res, 410, failure(ErrorCode.BAD_JOIN_CODE, { reason: 'deleted' }))
    next()
  })
  api.get('/credential', async (req, res, next) => {
    const claims = deps.credentials.verify(bearer(req) ?? '')
    if (claims && (await deps.deleted.byEventId(claims.event)) && !(await deps.events.get(claims.event))) return sendFailure(res, 410, DELETED)
    next()
  })

  // The facilitator (or the admin) sees and moves the deletion date.
  api.get('/events/:id/retention', async (req, res) => {
    const stored = await allowed(req, res, 'event:delete')
    if (!stored) return
    const body: RetentionView = await deps.retention.view(stored)
    res.set('Cache-Control', 'no-store').json(body)
  })
  api.put('/events/:id/retention', small, async (req, res) => {
    const stored = await allowed(req, res, 'event:delete')
    if (!stored) return
    const parsed = setRetentionRequestSchema.safeParse(req.body)
    if (!parsed.success) return sendFailure(res, 400, invalidMessage(parsed.error))
    const set = await deps.retention.set(stored.event.id, parsed.data.deleteOn)
    if (set === undefined) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'event' }))
    if (typeof set === 'string')
      return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['deleteOn'], issue: 'invalid_value' }, `deletion date refused: ${set}`))
    res.json(set)
  })
  // The admin page: every event's deletion date.
  api.get('/retention', async (req, res) => {
    if (!deps.credentials.isAdminKey(bearer(req) ?? '')) return sendFailure(res, 401, failure(ErrorCode.UNAUTHORIZED, { credential: 'admin_key' }))
    const all: Record<string, RetentionView> = {}
    for (const stored of await deps.events.list()) Object.defineProperty(all, stored.event.id, { value: await deps.retention.view(stored), enumerable: true })
    res.set('Cache-Control', 'no-store').json(all)
  })

  // Every screen of the event reads the notice; the facilitator writes it.
  api.get('/events/:id/privacy', async (req, res) => {
    const stored = await allowed(req, res, 'event:view')
    if (!stored) return
    const record = await deps.store.getRecord(stored.event.id, PRIVACY_NOTICES, PRIVACY_NOTICE_KEY)
    const body: PrivacyNotice = record?.value ?? EMPTY_PRIVACY_NOTICE
    res.set('Cache-Control', 'no-cache').json(body)
  })
  api.put('/events/:id/privacy', small, async (req, res) => {
    const stored = await allowed(req, res, 'event:delete')
    if (!stored) return
    const parsed = privacyNoticeSchema.safeParse(req.body)
    if (!parsed.success) return sendFailure(res, 400, invalidMessage(parsed.error))
    for (let attempt = 0; attempt < 20; attempt++) {
      const had = await deps.store.getRecord(stored.event.id, PRIVACY_NOTICES, PRIVACY_NOTICE_KEY)
      const written = await deps.store.putRecord(stored.event.id, PRIVACY_NOTICES, PRIVACY_NOTICE_KEY, parsed.data, had?.version ?? null)
      if (written.ok) {
        deps.onEventChanged?.(stored.event.id)
        return void res.json(parsed.data)
      }
      if (written.error === 'NOT_FOUND' && !(await deps.events.get(stored.event.id))) break
    }
    sendFailure(res, 409, failure(ErrorCode.CONFLICT))
  })
  // "Meine Beiträge löschen": a participant deletes their own cards (with the name on them) in every doc.
  api.delete('/events/:id/my-contributions', async (req, res) => {
    const id = String(req.params.id)
    const auth = await deps.events.authenticate(bearer(req))
    const actor = auth && auth.stored.event.id === id ? actorFromClaims(auth.claims) : null
    if (!actor) return sendFailure(res, 401, BAD_LINK)
    if (!may(actor, 'contributions:forget-own', { eventId: id }) || !actor.participantId) return sendFailure(res, 403, failure(ErrorCode.FORBIDDEN, { needs: 'participant' }))
    const now = Date.now()
    const person = `${id}/${actor.participantId}`
    if (!forgets.take(person, now)) {
      res.set('retry-after', '5')
      return sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'commands' }))
    }
    try {
      res.json({ removed: await passes.forget(id, actor.participantId) })
    } catch (error) {
      if (!(error instanceof ForgetQueueFull)) throw error
      res.set('retry-after', '5')
      sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'commands' }))
    }
  })
  api.use(answerApiErrors(deps.log, { origin: 'string' }))
  return api
}
