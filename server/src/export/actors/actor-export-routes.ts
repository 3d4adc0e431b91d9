import express, { type Request, type Response, type Router } from 'express'
import type * as Y from 'yjs'
import {
  ACTORS_ROOT,
  ACTOR_AREAS_ROOT,
  ACTOR_BODIES_ROOT,
  ACTOR_COLUMNS_ROOT,
  ACTOR_RULES_ROOT,
  type ActorAreaName,
  type ActorColumnChoice,
  type ActorRule,
  type ActorBody,
  type ActorRecord,
  ErrorCode,
  actorAreaNameSchema,
  actorBodySchema,
  actorColumnChoiceSchema,
  actorFromClaims,
  actorRecordSchema,
  actorRuleSchema,
  fail as failure,
  may,
  type StoredEvent,
} from '@tischrunde/shared'
import type { DocRooms } from '../../boards/doc-rooms.js'
import type { EventService } from '../../events/event-service.js'
import { sendFailure } from '../../http/send-failure.js'
import { actorMapDocName, actorsAsReadNow } from '../../actors/build-actor-map.js'
import { type ActorTableInput, actorPlaceNames } from './actor-table.js'
import { answerExportFailure } from '../../http/export-routes.js'
import { readThenRender } from '../read-then-render.js'
import type { ExportRenderer, RenderedFile } from '../export-service.js'
import type { Logger } from 'pino'

const FORMATS = ['docx', 'csv', 'xlsx'] as const

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()

function valid<T>(doc: Y.Doc, root: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] {
  const out: T[] = []
  doc.getMap(root).forEach((value) => {
    const parsed = schema.safeParse(value)
    if (parsed.success && parsed.data !== undefined) out.push(parsed.data)
  })
  return out
}

/** What the actor exports need of an event: its map as it stands, and the names of areas and of the tables and groups that named actors. */
export async function actorTableInput(rooms: DocRooms, stored: StoredEvent): Promise<ActorTableInput> {
  const { event } = stored
  // Read only: an event whose actor map nobody filled gets no file from its export. The names the
  // cards and trees hold now are in it (as the next "Akteure neu einlesen" reads them).
  const named = await rooms.exists(actorMapDocName(event.id))
  const kept = await rooms.peek(actorMapDocName(event.id), (doc) => ({
    actors: valid<ActorRecord>(doc, ACTORS_ROOT, actorRecordSchema),
    rules: valid<ActorRule>(doc, ACTOR_RULES_ROOT, actorRuleSchema),
    columns: valid<ActorColumnChoice>(doc, ACTOR_COLUMNS_ROOT, actorColumnChoiceSchema),
    bodies: valid<ActorBody>(doc, ACTOR_BODIES_ROOT, actorBodySchema),
    areaNames: new Map(valid<ActorAreaName>(doc, ACTOR_AREAS_ROOT, actorAreaNameSchema).map((a) => [a.id, a.name])),
  }))
  const actors = named ? await actorsAsReadNow(rooms, stored, kept) : kept.actors
  return { event: { id: event.id, title: event.title, date: event.date, place: event.place }, actors, bodies: kept.bodies, areaNames: kept.areaNames, tableNames: actorPlaceNames(event, actors) }
}

/**
 * `GET /events/:id/actors.docx|csv|xlsx`: the actor table of an event, for the facilitator (the
 * contact persons in it are personal data). Mount before the main API router.
 */
export function createActorExportRoutes(deps: { events: EventService; rooms: DocRooms; renderer: Pick<ExportRenderer, 'renderDocument' | 'reserve'>; log?: Pick<Logger, 'error'> }): Router {
  const router = express.Router()
  router.get('/events/:id/actors.:format', async (req: Request, res: Response) => {
    // AUTH
    const auth = await deps.events.authenticate(bearer(req))
    const actor = auth ? actorFromClaims(auth.claims) : null
    const eventId = String(req.params.id)
    if (!auth || !actor || !may(actor, 'event:view', { eventId })) return sendFailure(res, 401, failure(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
    if (!may(actor, 'event:export', { eventId })) return sendFailure(res, 403, failure(ErrorCode.FORBIDDEN, { needs: 'facilitator' }))
    // VALIDATION
    const format = FORMATS.find((f) => f === req.params.format)
    if (!format) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['format'], issue: 'invalid_value', allowed: [...FORMATS] }))
    // RESOLUTION: in the export worker (with its limits), not on the main thread.
    let file: RenderedFile
    try {
      file = await readThenRender(deps.renderer, eventId, () => actorTableInput(deps.rooms, auth.stored), (input) => deps.renderer.renderDocument(eventId, { what: 'actors', format, input }))
    } catch (error) {
      return answerExportFailure(res, error, deps.log)
    }
    res.attachment(file.fileName)
    res.set({ 'Content-Type': file.contentType, 'Cache-Control': 'no-store' })
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
  })
  return router
}
