import express, { type Request, type Response, type Router } from 'express'
import { exportFileName } from '@tischrunde/shared'
import type { EventService } from '../../events/event-service.js'
import type { ProgrammeService } from '../../programme/programme-service.js'
import { stringify } from 'csv-stringify/sync'
import { CSV_DELIMITER } from '../render-csv.js'
import { PROGRAMME_WORDS, countsRows, handoutItems, listRows } from './programme-handout.js'
import { facilitatorOf } from '../../http/route-access.js'
import { answerExportErrors } from '../../http/export-routes.js'
import { readThenRender } from '../read-then-render.js'
import type { ExportRenderer } from '../export-service.js'
import type { Logger } from 'pino'
import { PROGRAMME_ZIP_WORDS, type ZipExtra } from './programme-zip.js'

/** CSV as the other exports write it: UTF-8 with BOM, semicolons, CRLF, line breaks in cells quoted. */
const csv = (rows: string[][]) => new TextEncoder().encode(stringify(rows, { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows', quoted_match: /[\r\n]/ }))

/** The seats taken per workshop and who signed up where, as the ZIP carries them (none without a programme). */
export async function programmeSignUpFiles(programme: ProgrammeService, event: { id: string; title: string; date: string }): Promise<ZipExtra[]> {
  // A stored programme only (as the event file carries it), not the setup's agenda shown as one.
  const stored = await programme.storedProgramme(event.id)
  if (!stored || stored.items.length === 0) return []
  const state = await programme.state(event.id)
  if (!state.programme) return []
  const roster = await programme.roster(event.id)
  return [
    { name: exportFileName(event, PROGRAMME_WORDS.counts, 'csv'), bytes: csv(countsRows(state.programme, state.counts)), about: PROGRAMME_ZIP_WORDS.counts },
    { name: exportFileName(event, PROGRAMME_WORDS.lists, 'csv'), bytes: csv(listRows(state.programme, roster)), about: PROGRAMME_ZIP_WORDS.lists },
  ]
}

/**
 * The programme's downloads, for the facilitator only (Bearer credential, as the other exports):
 * - `GET /events/:id/programme.pdf`, `…/programme.docx` — the printed handout;
 * - `GET /events/:id/programme-counts.csv` — seats taken per workshop;
 * - `GET /events/:id/programme-lists.csv` — who signed up where (display names only where given).
 * Mount before the main API router.
 */
export function createProgrammeExportRoutes(deps: { events: EventService; programme: ProgrammeService; renderer: Pick<ExportRenderer, 'renderDocument' | 'reserve'>; log?: Pick<Logger, 'error'> }): Router {
  const router = express.Router()
  const facilitator = (req: Request, res: Response) => facilitatorOf(deps.events, req, res, 'event:export')
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
    const head = { id: event.id, title: event.title, date: event.date, place: event.place }
    // The handout in the export worker (with its limits), not on the main thread; its place in the queue held before the programme is read.
    if (file === 'programme.pdf' || file === 'programme.docx') {
      const format = file === 'programme.pdf' ? 'pdf' : 'docx'
      const { bytes } = await readThenRender(
        deps.renderer,
        event.id,
        () => deps.programme.state(event.id),
        (state) => deps.renderer.renderDocument(event.id, { what: 'programme', format, event: head, items: handoutItems(state.programme) }),
      )
      return send(res, exportFileName(event, 'Programm', format), format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes)
    }
    const state = await deps.programme.state(event.id)
    if (file === 'programme-counts.csv') return send(res, exportFileName(event, PROGRAMME_WORDS.counts, 'csv'), 'text/csv; charset=utf-8', csv(countsRows(state.programme, state.counts)))
    const roster = await deps.programme.roster(event.id)
    return send(res, exportFileName(event, PROGRAMME_WORDS.lists, 'csv'), 'text/csv; charset=utf-8', csv(listRows(state.programme, roster)))
  })
  // Whatever failed (the store, the worker, its time) is answered with its code, never as Express's text page.
  router.use(answerExportErrors(deps.log))
  return router
}
