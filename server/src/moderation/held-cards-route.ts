import express, { type Request, type Response, type Router } from 'express'
import type { Logger } from 'pino'
import { ErrorCode, HELD_CARDS_HEADER, type HeldCard, exportFileName, fail as failure, heldCardRows, heldCountsOf, heldCountsSchema, neutraliseCell, type TischEvent } from '@tischrunde/shared'
import type { EventService } from '../events/event-service.js'
import { sendFailure } from '../http/send-failure.js'
import { facilitatorOf } from '../http/route-access.js'
import { renderCsv } from '../export/render-csv.js'
import type { CsvRow } from '../export/shared-export.js'
import type { Moderation } from './moderation-service.js'

/** "02.07.2019, 10:47" in the event's local time (Europe/Berlin): what an organiser reads. */
const berlinTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' })

/**
 * `GET /events/:id/moderation/held.csv` — the facilitator's list of every card held off the boards
 * (hidden, waiting, collected, refused, merged), marked with its status. Participant-facing exports
 * read only the boards and never carry these cards; this list is for the facilitator alone.
 */
export function createHeldCardsRoute(deps: { events: EventService; moderation: Moderation; log?: Pick<Logger, 'error'> }): Router {
  const router = express.Router()
  const heldOfTables = async (event: TischEvent) => {
    const heldByTable = new Map<string, HeldCard[]>()
    for (const table of event.tables) heldByTable.set(table.id, await deps.moderation.heldOf(event.id, table.id))
    return heldByTable
  }
  router.get('/events/:id/moderation/held.csv', async (req: Request, res: Response) => {
    try {
      // AUTH
      const auth = await facilitatorOf(deps.events, req, res, 'event:export')
      if (!auth) return
      // RESOLUTION
      const event = auth.stored.event
      const heldByTable = await heldOfTables(event)
      const rows = heldCardRows(event, heldByTable, (ms) => berlinTime.format(ms)).map((cells) => cells.map(neutraliseCell))
      const bytes = renderCsv([[...HELD_CARDS_HEADER], ...rows] as unknown as CsvRow[])
      res.attachment(exportFileName(event, 'Zurueckgehaltene-Karten', 'csv'))
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    } catch (error) {
      deps.log?.error({ err: error }, 'held cards export failed')
      if (!res.headersSent) sendFailure(res, 500, failure(ErrorCode.INTERNAL, {}, 'held cards export failed'))
    }
  })
  // What the day's results would miss if it ended now: cards waiting for approval, collected ones not revealed.
  router.get('/events/:id/moderation/waiting', async (req: Request, res: Response) => {
    try {
      const auth = await facilitatorOf(deps.events, req, res, 'event:export')
      if (!auth) return
      res.set('Cache-Control', 'no-store').json(heldCountsSchema.parse(heldCountsOf(await heldOfTables(auth.stored.event))))
    } catch (error) {
      deps.log?.error({ err: error }, 'held cards count failed')
      if (!res.headersSent) sendFailure(res, 500, failure(ErrorCode.INTERNAL, {}, 'held cards count failed'))
    }
  })
  return router
}
