import express, { type Request, type Response, type Router } from 'express'
import type { Logger } from 'pino'
import { z } from 'zod'
import { ErrorCode, EXPORT_CONTENT_TYPES, buildVoteRanking, exportFileName, fail as failure, randomIdSchema } from '@tischrunde/shared'
import type { EventService } from '../../events/event-service.js'
import type { VoteService } from '../../harvest/vote-service.js'
import type { GroupService } from '../../harvest/group-service.js'
import { sendFailure } from '../../http/send-failure.js'
import { answerExportFailure } from '../../http/export-routes.js'
import { readThenRender } from '../read-then-render.js'
import type { ExportRenderer } from '../export-service.js'
import { facilitatorOf } from '../../http/route-access.js'
import { RANKING_FORMATS } from './ranking-formats.js'

const querySchema = z.object({ format: z.enum(RANKING_FORMATS), step: randomIdSchema })

/**
 * `GET /events/:id/votes/export?format=pdf|docx|md|csv&step=<id>` — the ranking pages of a voting
 * step (across the event, then per table), for the facilitator. Counts only: who voted is never in it.
 */
export function createHarvestExportRoutes(deps: { events: EventService; votes: VoteService; groups: GroupService; renderer: Pick<ExportRenderer, 'renderDocument' | 'reserve'>; log?: Pick<Logger, 'error'> }): Router {
  const router = express.Router()
  router.get('/events/:id/votes/export', async (req: Request, res: Response) => {
    try {
      // AUTH
      const auth = await facilitatorOf(deps.events, req, res, 'event:export')
      if (!auth) return
      const eventId = auth.stored.event.id
      // VALIDATION
      const query = querySchema.safeParse(req.query)
      if (!query.success) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: [String(query.error.issues[0]?.path[0] ?? 'format')], issue: 'invalid_value' }))
      const step = await deps.votes.step(eventId, query.data.step)
      if (!step) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['step'], issue: 'unknown_reference' }))
      // RESOLUTION
      const read = async () => {
        const [byTable, tally, groups] = await Promise.all([deps.votes.votedCards(eventId, step), deps.votes.tally(eventId, step.id), deps.groups.all(eventId)])
        return buildVoteRanking(auth.stored.event, step, byTable, tally.voters, groups)
      }
      const { bytes } = await readThenRender(deps.renderer, eventId, read, (ranking) => deps.renderer.renderDocument(eventId, { what: 'ranking', format: query.data.format, ranking }))
      res.attachment(exportFileName(auth.stored.event, 'Priorisierung', query.data.format))
      res.set({ 'Content-Type': EXPORT_CONTENT_TYPES[query.data.format], 'Cache-Control': 'no-store' })
      res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    } catch (error) {
      if (!res.headersSent) answerExportFailure(res, error, deps.log)
    }
  })
  return router
}
