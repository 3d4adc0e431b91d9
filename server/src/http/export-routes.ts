import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import type { Logger } from 'pino'
import { ErrorCode, exportJobIdSchema, fail as failure, findTable } from '@tischrunde/shared'
import { sendFailure } from './send-failure.js'
import type { EventService } from '../events/event-service.js'
import type { EventTransfer } from '../events/event-transfer.js'
import { ExportJobs } from '../export/export-jobs.js'
import { ExportBusyError, ExportTimeoutError, WorkerExportRenderer } from '../export/export-runner.js'
import type { ExportRenderer, RenderedFile } from '../export/export-service.js'
import { EXPORT_FORMATS, exportFormatSchema } from '../export/shared-export.js'
import { facilitatorOf } from './route-access.js'
import { readThenRender } from '../export/read-then-render.js'
import { isStorageFailure } from '../storage/storage-error.js'
import type { Authenticated } from '../events/event-service.js'
import type { ZipExtra } from '../export/programme/programme-zip.js'

export interface ExportRoutesDeps {
  events: EventService
  transfer: Pick<EventTransfer, 'exportEvent'>
  /** Where files are rendered. @default a worker thread, so large exports never block the live event */
  renderer?: ExportRenderer
  /** Where failed exports are reported. */
  log?: Pick<Logger, 'error'>
  /** Files the server adds to the ZIP (the programme's sign-up lists, which the event file does not carry). */
  zipExtras?: (stored: Authenticated['stored']) => Promise<ZipExtra[]>
}


function send(res: Response, file: RenderedFile): void {
  res.attachment(file.fileName) // Content-Disposition; the name is ASCII by construction
  res.set({ 'Content-Type': file.contentType, 'Cache-Control': 'no-store' })
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
}

/**
 * Downloads of result sheets and the whole documentation, for the facilitator only:
 * - `GET /events/:id/export?format=pdf|docx|md|csv|json[&table=<id>]` — one table's sheet, or
 *   without `table` the whole event (documentation, all tables' CSV, the importable JSON);
 * - `GET /events/:id/export.zip` — every table in every format plus the documentation, one ZIP;
 * - `POST /events/:id/export-prepare` — starts and warms the export threads ahead of a download;
 * - `GET /events/:id/export-progress?job=<id>` — how far the download started with `&job=<id>`
 *   (`?job=` on either of the above) is: `{ done, total, elapsedMs, limitMs }`, 404 once it is over.
 *
 * An export that runs past the renderer's job limit answers 504 TIMED_OUT, worded by the console.
 * Mount before the main API router: that one answers 404 to every path it does not know.
 */
export function createExportRoutes(deps: ExportRoutesDeps): Router {
  const router = express.Router()
  const renderer = deps.renderer ?? new WorkerExportRenderer()
  const jobs = new ExportJobs(renderer.jobTimeoutMs ?? 120_000)
  /** Renders with progress kept under the job name the console gave (an invalid name is not tracked). */
  const tracked = async (eventId: string, job: unknown, render: (onProgress: ((done: number, total: number) => void) | undefined) => Promise<RenderedFile>) => {
    const name = exportJobIdSchema.safeParse(job)
    const { onProgress, end } = jobs.track(eventId, name.success ? name.data : undefined)
    try {
      return await render(onProgress)
    } finally {
      end()
    }
  }

  const facilitator = (req: Request, res: Response) => facilitatorOf(deps.events, req, res, 'event:export')

  router.get('/events/:id/export', async (req, res) => {
    // AUTH
    const auth = await facilitator(req, res)
    if (!auth) return
    // VALIDATION
    const format = exportFormatSchema.safeParse(req.query.format)
    if (!format.success) {
      return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['format'], issue: 'invalid_value', allowed: [...EXPORT_FORMATS] }))
    }
    const table = req.query.table
    if (table !== undefined && (typeof table !== 'string' || !findTable(auth.stored.event, table))) {
      return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['table'], issue: 'unknown_reference', value: String(table).slice(0, 200) }))
    }
    // RESOLUTION: a place in the queue first, then the boards are read.
    const eventId = auth.stored.event.id
    const rendered = await readThenRender(
      renderer,
      eventId,
      () => deps.transfer.exportEvent(auth.stored),
      (file) =>
        tracked(eventId, req.query.job, (onProgress) => (table === undefined ? renderer.renderEvent(file, format.data, onProgress) : renderer.renderTable(file, table, format.data, onProgress))),
    )
    send(res, rendered)
  })

  router.get('/events/:id/export.zip', async (req, res) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    const eventId = auth.stored.event.id
    const read = async () => ({ file: await deps.transfer.exportEvent(auth.stored), extras: (await deps.zipExtras?.(auth.stored)) ?? [] })
    send(res, await readThenRender(renderer, eventId, read, ({ file, extras }) => tracked(eventId, req.query.job, (onProgress) => renderer.renderZip(file, onProgress, extras))))
  })

  // The console's export panel came into view: the export threads start and warm up (204, nothing to read).
  router.post('/events/:id/export-prepare', async (req, res) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    renderer.prepare?.()
    res.status(204).end()
  })

  router.get('/events/:id/export-progress', async (req, res) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    const job = exportJobIdSchema.safeParse(req.query.job)
    if (!job.success) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['job'], issue: 'invalid_format' }))
    const progress = jobs.progress(auth.stored.event.id, job.data)
    if (!progress) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'address' }))
    res.set('Cache-Control', 'no-store').json(progress)
  })

  router.use(answerExportErrors(deps.log))
  return router
}

/** An export router's error handler: whatever a route threw is answered by answerExportFailure, never as Express's text page. */
export function answerExportErrors(log: Pick<Logger, 'error'> | undefined) {
  // Express needs all four parameters to treat this as the error handler.
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error)
    answerExportFailure(res, error, log)
  }
}

/**
 * The answer to an export that failed: too many at once (429, try again in a few seconds), the
 * store failing while the event was read (503, as the API answers it), over its time (504),
 * anything else 500; the last two are logged.
 */
export function answerExportFailure(res: Response, error: unknown, log: Pick<Logger, 'error'> | undefined): void {
  if (error instanceof ExportBusyError) {
    res.set('Retry-After', '10')
    return sendFailure(res, 429, failure(ErrorCode.RATE_LIMITED, { what: 'exports' }))
  }
  if (isStorageFailure(error)) return sendFailure(res, 503, failure(ErrorCode.STORAGE_FAILED))
  if (error instanceof ExportTimeoutError) {
    log?.error({ err: error }, 'export timed out')
    return sendFailure(res, 504, failure(ErrorCode.TIMED_OUT, { what: 'export', seconds: Math.max(1, Math.round(error.limitMs / 1000)) }))
  }
  log?.error({ err: error }, 'export failed')
  sendFailure(res, 500, failure(ErrorCode.INTERNAL, {}, 'export failed'))
}
