import express, { type Request, type Router } from 'express'
import type { Logger } from 'pino'
import { z } from 'zod'
import { ErrorCode, actorFromClaims, fail, findGroup, may, slugIdSchema, treePhaseSchema } from '@tischrunde/shared'
import type { EventService } from '../../events/event-service.js'
import type { EventTransfer } from '../../events/event-transfer.js'
import { sendFailure } from '../../http/send-failure.js'
import type { ExportRenderer } from '../export-service.js'
import { answerExportErrors } from '../../http/export-routes.js'
import { readThenRender } from '../read-then-render.js'

const querySchema = z.object({ group: slugIdSchema, phase: treePhaseSchema, format: z.enum(['svg', 'png']) })

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()

/**
 * One group's tree as a picture, for the facilitator: `GET /events/:id/tree-image?group=<id>&phase=problem|objective&format=svg|png`.
 * Drawn from the stored tree with the projector's layout, in the export worker (a large tree takes seconds).
 */
export function createTreeImageRoutes(deps: {
  events: EventService
  transfer: Pick<EventTransfer, 'exportEvent'>
  renderer: Pick<ExportRenderer, 'renderTree' | 'reserve'>
  /** Where failed pictures are reported. */
  log?: Pick<Logger, 'error'>
}): Router {
  const router = express.Router()
  router.get('/events/:id/tree-image', async (req, res) => {
    // AUTH
    const auth = await deps.events.authenticate(bearer(req))
    const actor = auth ? actorFromClaims(auth.claims) : null
    const eventId = String(req.params.id)
    if (!auth || !actor || !may(actor, 'event:view', { eventId })) return sendFailure(res, 401, fail(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
    if (!may(actor, 'event:export', { eventId })) return sendFailure(res, 403, fail(ErrorCode.FORBIDDEN, { needs: 'facilitator' }))
    // VALIDATION
    const query = querySchema.safeParse(req.query)
    const method = auth.stored.event.treeMethod
    if (!query.success || !method || !findGroup(method, query.data.group)) {
      return sendFailure(res, 400, fail(ErrorCode.INVALID_MESSAGE, { path: ['group'], issue: 'unknown_reference', value: String(req.query.group ?? '').slice(0, 200) }))
    }
    // RESOLUTION: a place in the export queue first, then the event is read.
    const picture = await readThenRender(deps.renderer, eventId, () => deps.transfer.exportEvent(auth.stored), (file) => deps.renderer.renderTree(file, query.data.group, query.data.phase, query.data.format))
    if (!picture) return sendFailure(res, 400, fail(ErrorCode.INVALID_MESSAGE, { path: ['group'], issue: 'unknown_reference', value: query.data.group }))
    res.attachment(picture.fileName)
    res.set({ 'Content-Type': picture.contentType, 'Cache-Control': 'no-store' })
    res.end(Buffer.from(picture.bytes.buffer, picture.bytes.byteOffset, picture.bytes.byteLength))
  })
  // Too many exports (429), the store failing (503), a picture over its time (504): codes, not text.
  router.use('/events/:id/tree-image', answerExportErrors(deps.log))
  return router
}
