import express, { type Request, type Response, type Router } from 'express'
import { ErrorCode, actorFromClaims, exportFileName, fail as failure, may } from '@tischrunde/shared'
import type { Authenticated, EventService } from '../../events/event-service.js'
import { sendFailure } from '../../http/send-failure.js'
import type { ProgrammeService } from '../../programme/programme-service.js'
import { stringify } from 'csv-stringify/sync'
import { CSV_DELIMITER } from '../render-csv.js'
import { countsRows, handoutItems, listRows } from './programme-handout.js'
import { renderProgrammeDocx } from './render-programme-docx.js'
import { renderProgrammePdf } from './render-programme-pdf.js'

/** CSV as the other exports write it: UTF-8 with BOM, semicolons, CRLF, line breaks in cells quoted. */
const csv = (rows: string[][]) => new TextEncoder().encode(stringify(rows, { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows', quoted_match: /[\r\n]/ }))

const bearer = (req: Request) => /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim()

/**
 * The programme's downloads, for the facilitator only (Bearer credential, as the other exports):
 * - `GET /events/:id/programme.pdf`, `…/programme.docx` — the printed handout;
 * - `GET /events/:id/programme-counts.csv` — seats taken per workshop;
 * - `GET /events/:id/programme-lists.csv` — who signed up where (display names only where given).
 * Mount before the main API router.
 */
export function createProgrammeExportRoutes(deps: { events: EventService; programme: ProgrammeService }): Router {
  const router = express.Router()
  const facilitator = async (req: Request, res: Response): Promise<Authenticated | null> => {
    const auth = await deps.events.authenticate(bearer(req))
    const actor = auth ? actorFromClaims(auth.claims) : null
    const eventId = String(req.params.id)
    if (!actor || !may(actor, 'event:view', { eventId })) {
      sendFailure(res, 401, failure(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
      return null
    }
    if (!may(actor, 'event:export', { eventId })) {
      sendFailure(res, 403, failure(ErrorCode.FORBIDDEN, { needs: 'facilitator' }))
      return null
    }
    return auth
  }
  const send = (res: Response, fileName: string, contentType: string, bytes: Uint8Array) => {
    res.attachment(fileName)
    res.set({ 'Content-Type': contentType, 'Cache-Control': 'no-store' })
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  }

  router.get('/events/:id/:file', async (req, res, next) => {
    const file = String(req.params.file)
    if (!['programme.pdf', 'programme.docx', 'programme-counts.csv', 'programme-lists.csv'].includes(file)) return next()
    const auth = await facilitator(req, res)
    if (!auth) return
    const { event } = auth.stored
    const state = await deps.programme.state(event.id)
    const head = { id: event.id, title: event.title, date: event.date, place: event.place }
    if (file === 'programme.pdf') return send(res, exportFileName(event, 'Programm', 'pdf'), 'application/pdf', await renderProgrammePdf(head, handoutItems(state.programme)))
    if (file === 'programme.docx')
      return send(res, exportFileName(event, 'Programm', 'docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await renderProgrammeDocx(head, handoutItems(state.programme)))
    if (file === 'programme-counts.csv') return send(res, exportFileName(event, 'Anmeldestand', 'csv'), 'text/csv; charset=utf-8', csv(countsRows(state.programme, state.counts)))
    const roster = await deps.programme.roster(event.id)
    return send(res, exportFileName(event, 'Anmeldelisten', 'csv'), 'text/csv; charset=utf-8', csv(listRows(state.programme, roster)))
  })
  return router
}
