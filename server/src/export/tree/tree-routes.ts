import express, { type Request, type Router } from 'express'
import { z } from 'zod'
import { ErrorCode, actorFromClaims, fail, findGroup, may, slugIdSchema, treePhaseSchema } from '@tischrunde/shared'
import type { EventService } from '../../events/event-service.js'
import type { EventTransfer } from '../../events/event-transfer.js'
import { sendFailure } from '../../http/send-failure.js'

const querySchema = z.object({ group: slugIdSchema, phase: treePhaseSchema, format: z.enum(['svg', 'png']) })

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()

/**
 * One group's tree as a picture, for the facilitator: `GET /events/:id/tree-image?group=<id>&phase=problem|objective&format=svg|png`.
 * Rendered on the server from the stored tree with the projector's layout (a tree is small: no worker).
 */
export function createTreeImageRoutes(deps: { events: EventService; transfer: Pick<EventTransfer, 'exportEvent'> }): Router {
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
    // RESOLUTION
    const file = await deps.transfer.exportEvent(auth.stored)
    // The drawing and its DOCX/PNG libraries are loaded on the first picture, not with the server (see renderActorFile).
    const { treePicture, treePictureName } = await import('./tree-sheets.js')
    const picture = treePicture(file, query.data.group, query.data.phase)
    if (!picture) return sendFailure(res, 400, fail(ErrorCode.INVALID_MESSAGE, { path: ['group'], issue: 'unknown_reference', value: query.data.group }))
    const svg = query.data.format === 'svg'
    const body = svg ? picture.svg : Buffer.from((await import('./tree-png.js')).svgToPng(picture.svg, picture.width))
    res.attachment(treePictureName(file, picture, query.data.format))
    res.set({ 'Content-Type': svg ? 'image/svg+xml; charset=utf-8' : 'image/png', 'Cache-Control': 'no-store' })
    res.end(body)
  })
  return router
}
