import { randomBytes } from 'node:crypto'
import express, { type Request, type Response, type Router } from 'express'
import {
  type CreateEventResponse,
  type CredentialInfo,
  ErrorCode,
  type EventListItem,
  type FacilitatorEventView,
  type InstanceInfo,
  type JoinResponse,
  type PublicEventView,
  ADMIN_ACTOR,
  type Actor,
  actorFromClaims,
  createEventRequestSchema,
  credentialInfo,
  deviceKeySchema,
  eventContents,
  fail as failure,
  invalidMessage,
  joinRequestSchema,
  may,
  publicEventView,
  revokeRequestSchema,
  revokedLinkOf,
} from '@tischrunde/shared'
import type { Credentials } from '../access/credentials.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import { JoinGuard, OVER_BUDGET_PAUSE_MS } from '../access/join-guard.js'
import type { Logger } from 'pino'
import { answerApiErrors } from './api-errors.js'
import { sendFailure } from './send-failure.js'
import { RateLimiter } from '../access/rate-limit.js'
import type { Limits } from '../config/limits.js'
import type { Authenticated, EventService } from '../events/event-service.js'
import { type EventTransfer, ImportError } from '../events/event-transfer.js'
import type { Hub } from '../hub/hub.js'

/** Largest JSON body (an imported event file), in bytes. @default 4 MiB */
export const API_BODY_MAX = 4 * 1024 * 1024

export interface ApiDeps {
  events: EventService
  transfer: EventTransfer
  credentials: Credentials
  /** Called after an event changed, so connected screens follow. */
  onEventChanged?: (id: string) => void
  /** Deletes an event with its boards and disconnects its screens (data protection). */
  deleteEvent: (id: string) => Promise<void>
  /** The programmes, so the event list can count an event's workshops. */
  programme?: Pick<ProgrammeService, 'storedProgramme'>
  /** Where revoked links and join-code guessing are announced. */
  hub: Hub
  /** The cap on events and the pace of open creation. */
  limits: Pick<Limits, 'maxEvents' | 'eventsPerHour' | 'joinsBurst'>
  /** TISCHRUNDE_OPEN_EVENT_CREATION: anyone may create events (paced); otherwise only the admin key. @default false */
  openEventCreation?: boolean
  log: Pick<Logger, 'error'>
  /** The server's clock (an event's creation time, from which its default deletion date follows). @default Date.now */
  now?: () => number
}

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()
/** The device key of a join body, if it has a usable one (the body itself may be anything). */
const deviceKey = (body: unknown): string | undefined => {
  const device = deviceKeySchema.safeParse((body as { device?: unknown } | null)?.device)
  return device.success ? device.data : undefined
}

const BAD_LINK = failure(ErrorCode.UNAUTHORIZED, { credential: 'link' })
const ADMIN_ONLY = failure(ErrorCode.UNAUTHORIZED, { credential: 'admin_key' })
const FACILITATOR_ONLY = failure(ErrorCode.FORBIDDEN, { needs: 'facilitator' })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The JSON API under /api. Every body is parsed with a shared schema; errors name the first problem. */
export function createApi(deps: ApiDeps): Router {
  const api = express.Router()
  const creations = new RateLimiter(deps.limits.eventsPerHour, deps.limits.eventsPerHour / 3600)
  const joinGuard = new JoinGuard((wrongCodes, windowSeconds) => {
    // Wrong codes belong to no event: every event's facilitators hear of it (they may renew their code).
    void deps.events.list().then(
      (all) => {
        for (const s of all) deps.hub.publish({ eventId: s.event.id, topic: 'guessing', audience: 'facilitators', wrongCodes, windowSeconds })
      },
      () => {},
    )
  }, deps.limits.joinsBurst)
  api.use(express.json({ limit: API_BODY_MAX }))
  /** The creation (or import) running now; the next waits for it. */
  let creating: Promise<unknown> = Promise.resolve()

  const eventAccess = async (req: Request, res: Response): Promise<Authenticated | null> => {
    const auth = await deps.events.authenticate(bearer(req))
    if (!auth || !may(actorFromClaims(auth.claims), 'event:view', { eventId: String(req.params.id) })) {
      sendFailure(res, 401, BAD_LINK)
      return null
    }
    return auth
  }
  /** Who sends the request: the installation's organiser (admin key), an event's credential, or nobody. */
  const actorOf = async (req: Request): Promise<Actor | null> => {
    const key = bearer(req) ?? ''
    if (deps.credentials.isAdminKey(key)) return ADMIN_ACTOR
    const auth = await deps.events.authenticate(key)
    return auth ? actorFromClaims(auth.claims) : null
  }
  const isAdmin = async (req: Request, action: 'events:list' | 'events:import') => {
    const actor = await actorOf(req)
    return actor !== null && may(actor, action)
  }

  /** LIMIT_REACHED when the installation holds as many events as it may (sent); false otherwise. */
  const atEventCap = async (res: Response): Promise<boolean> => {
    if ((await deps.events.list()).length < deps.limits.maxEvents) return false
    sendFailure(res, 403, failure(ErrorCode.LIMIT_REACHED, { what: 'events', maximum: deps.limits.maxEvents }))
    return true
  }

  api.get('/instance', (_req, res) => {
    const body: InstanceInfo = { eventCreation: deps.openEventCreation ? 'open' : 'admin_key' }
    res.json(body)
  })

  // AUTH: the admin key, or anyone at a pace when the installation opens creation.
  // VALIDATION: the request, then the cap on events. RESOLUTION: the event and its links.
  api.post('/events', async (req, res) => {
    const actor = await actorOf(req)
    const admin = actor !== null && may(actor, 'events:create')
    if (!admin && !deps.openEventCreation) return sendFailure(res, 401, ADMIN_ONLY)
    const parsed = createEventRequestSchema.safeParse(req.body)
    if (!parsed.success) return sendFailure(res, 400, invalidMessage(parsed.error))
    if (!admin && !creations.take(req.ip ?? 'unknown', Date.now()))
      return sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'event_creation' }))
    // One creation at a time, so requests arriving together cannot all pass the cap.
    const run = creating.then(async () => ((await atEventCap(res)) ? null : deps.events.create(parsed.data, (deps.now ?? Date.now)())))
    creating = run.catch(() => {}) // a failed creation does not hold up the next one
    const stored = await run
    if (!stored) return
    const body: CreateEventResponse = { ...deps.events.facilitatorView(stored), facilitatorToken: deps.events.issue(stored, 'facilitator') }
    res.status(201).json(body)
  })

  api.get('/events', async (req, res) => {
    if (!(await isAdmin(req, 'events:list'))) return sendFailure(res, 401, ADMIN_ONLY)
    const list: EventListItem[] = []
    for (const s of await deps.events.list()) {
      // Only an event without tables or tree method can be a programme with workshops.
      const programme = s.event.tables.length === 0 && !s.event.treeMethod ? ((await deps.programme?.storedProgramme(s.event.id)) ?? null) : null
      list.push({
        id: s.event.id,
        title: s.event.title,
        date: s.event.date,
        place: s.event.place,
        tableCount: s.event.tables.length,
        contents: eventContents(s.event, programme),
        facilitatorLink: deps.events.links(s).facilitator,
      })
    }
    res.json(list)
  })

  api.post('/events/import', async (req, res) => {
    if (!(await isAdmin(req, 'events:import'))) return sendFailure(res, 401, ADMIN_ONLY)
    if (await atEventCap(res)) return
    try {
      const stored = await deps.transfer.importFile(req.body, (deps.now ?? Date.now)())
      res.status(201).json({ id: stored.event.id, links: deps.events.links(stored) })
    } catch (error) {
      if (error instanceof ImportError) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, error.issue, `import refused: ${error.message}`))
      throw error
    }
  })

  api.get('/events/:id', async (req, res) => {
    const auth = await eventAccess(req, res)
    if (!auth) return
    const actor = actorFromClaims(auth.claims)
    if (may(actor, 'event:links', { eventId: actor.eventId })) return void res.json(deps.events.facilitatorView(auth.stored))
    const view: PublicEventView = { ...publicEventView(actor, auth.stored.event, auth.stored.joinCode), round: { round: auth.stored.round, serverNow: Date.now() } }
    res.json(view)
  })

  api.get('/events/:id/export.json', async (req, res) => {
    const auth = await eventAccess(req, res)
    if (!auth) return
    if (!may(actorFromClaims(auth.claims), 'event:export', { eventId: auth.stored.event.id })) return sendFailure(res, 403, FACILITATOR_ONLY)
    const file = await deps.transfer.exportEvent(auth.stored)
    res.attachment(`${auth.stored.event.id}.json`).json(file)
  })

  // Data protection: the facilitator of an event, or the instance's admin, deletes it with every
  // card. Its links stop working at once; connected screens are disconnected.
  api.delete('/events/:id', async (req, res) => {
    const id = req.params.id
    const actor = await actorOf(req)
    if (!actor || !may(actor, 'event:delete', { eventId: id })) {
      if (actor && may(actor, 'event:view', { eventId: id })) return sendFailure(res, 403, FACILITATOR_ONLY)
      return sendFailure(res, 401, BAD_LINK)
    }
    if (!(await deps.events.get(id))) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'event' }))
    await deps.deleteEvent(id)
    res.status(204).end()
  })

  // A facilitator renews the projector link, the facilitator link, one table host's link, or the
  // join code; the old one stops working and its open sockets are closed (a renewed facilitator
  // link: every console but the one that renewed it, which gets the new one in the answer), while
  // every other link keeps working.
  api.post('/events/:id/revoke', async (req, res) => {
    const id = String(req.params.id)
    const actor = await actorOf(req)
    if (!actor || !may(actor, 'event:revoke', { eventId: id })) {
      if (actor && may(actor, 'event:view', { eventId: id })) return sendFailure(res, 403, FACILITATOR_ONLY)
      return sendFailure(res, 401, BAD_LINK)
    }
    const parsed = revokeRequestSchema.safeParse(req.body)
    if (!parsed.success) return sendFailure(res, 400, invalidMessage(parsed.error))
    const which = parsed.data
    const stored = await deps.events.revokeOne(id, which)
    if (!stored) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: which.credential === 'host' && (await deps.events.get(id)) ? 'table' : 'event' }))
    if (which.credential !== 'join-code')
      deps.hub.publish({ eventId: id, topic: 'revoked', audience: 'everyone', link: revokedLinkOf(which) })
    // Projectors and consoles show the join code: they follow the new one.
    else deps.onEventChanged?.(id)
    const body: FacilitatorEventView = deps.events.facilitatorView(stored)
    res.json(body)
  })

  api.get('/credential', async (req, res) => {
    const auth = await deps.events.authenticate(bearer(req))
    if (!auth) return sendFailure(res, 401, BAD_LINK)
    const body: CredentialInfo = credentialInfo(actorFromClaims(auth.claims), auth.stored.joinCode)
    res.json(body)
  })

  // A right code always gets in; wrong ones are counted (join-guard.ts) and, over budget, slowed.
  api.post('/join', async (req, res) => {
    const client = { address: req.ip ?? 'unknown', device: deviceKey(req.body), agent: req.get('user-agent') ?? '' }
    const refuseWrong = async (status: number, refusal: ReturnType<typeof failure>) => {
      if (joinGuard.wrong(client, Date.now()) === 'answer') return sendFailure(res, status, refusal)
      await pause(OVER_BUDGET_PAUSE_MS)
      res.set('retry-after', '3')
      sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'join_codes' }))
    }
    const parsed = joinRequestSchema.safeParse(req.body)
    if (!parsed.success) return refuseWrong(400, failure(ErrorCode.BAD_JOIN_CODE, { reason: 'malformed' }, invalidMessage(parsed.error).message))
    const stored = await deps.events.byJoinCode(parsed.data.code)
    if (!stored) return refuseWrong(404, failure(ErrorCode.BAD_JOIN_CODE, { reason: 'unknown' }))
    // A phone keeps its token across reloads; a new join is a new participant, at a hall's pace.
    if (!joinGuard.newParticipant(client, Date.now())) {
      res.set('retry-after', '5')
      return sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'joins' }))
    }
    const participantId = randomBytes(12).toString('base64url')
    const body: JoinResponse = { eventId: stored.event.id, participantId, token: deps.events.issue(stored, 'participant', participantId) }
    res.json(body)
  })

  api.use((_req, res) => sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'address' })))
  api.use(answerApiErrors(deps.log, { origin: 'file', maximum: API_BODY_MAX }))
  return api
}
