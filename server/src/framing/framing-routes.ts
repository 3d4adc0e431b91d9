import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { z } from 'zod'
import {
  EMPTY_FRAMING,
  ErrorCode,
  LOGO_BYTES_MAX,
  LOGO_SIDE_MAX,
  LOGO_TYPES,
  eventFramingSchema,
  fail as failure,
  invalidMessage,
} from '@tischrunde/shared'
import type { Authenticated, EventService } from '../events/event-service.js'
import { sendFailure } from '../http/send-failure.js'
import { checkLogo, logoDataComplete } from './logo-image.js'
import { logoIdsOf } from './logo-import.js'
import type { LogoStore } from './logo-store.js'
import { facilitatorOf } from '../http/route-access.js'

/**
 * Most logo files one event keeps (unsaved uploads included). An upload beyond it is refused with
 * LIMIT_REACHED (nothing answered is removed to make room); saving the framing removes the logos it
 * stops naming and the uploads nobody saved for UNSAVED_LOGO_KEEP_MS.
 */
export const LOGOS_PER_EVENT_MAX = 24
/** How long an upload nobody saved into the framing is kept (an open console tab may still save it). */
export const UNSAVED_LOGO_KEEP_MS = 10 * 60_000
const framingBodySchema = z.object({ framing: eventFramingSchema })

/**
 * The documentation's framing, for the facilitator:
 * - `GET /events/:id/framing` → `{ framing }` (empty texts when none was written);
 * - `PUT /events/:id/framing` with `{ framing }` → `{ framing }` as stored; every logo it names must
 *   have been uploaded to this event; logos it no longer names are removed;
 * - `POST /events/:id/framing/logos` with a PNG or JPEG as the body (its type as Content-Type) →
 *   `{ logoId, width, height }`; checked and stripped of everything but the image (logo-image.ts);
 *   409 LIMIT_REACHED when the event already holds LOGOS_PER_EVENT_MAX logos;
 * - `GET /events/:id/framing/logos/:logoId` → the image (for the console's preview).
 * Mount before the main API router.
 */
export function createFramingRoutes(deps: { events: EventService; logos: LogoStore }): Router {
  const router = express.Router()
  const facilitator = (req: Request, res: Response) => facilitatorOf(deps.events, req, res, 'event:run')

  router.get('/events/:id/framing', async (req, res) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    const framing = auth.stored.event.framing ?? EMPTY_FRAMING
    // A logo the store lacks (an event imported from a JSON file) is left out, so saving never trips over it.
    const organisers = await Promise.all(
      framing.organisers.map(async (o) => (o.logoId && !(await deps.logos.get(auth.stored.event.id, o.logoId)) ? { ...o, logoId: null } : o)),
    )
    res.set('Cache-Control', 'no-store').json({ framing: { ...framing, organisers } })
  })

  router.put('/events/:id/framing', express.json({ limit: 64 * 1024 }), async (req, res) => {
    // AUTH
    const auth = await facilitator(req, res)
    if (!auth) return
    // VALIDATION
    const parsed = framingBodySchema.safeParse(req.body)
    if (!parsed.success) return sendFailure(res, 400, invalidMessage(parsed.error))
    const framing = parsed.data.framing
    const eventId = auth.stored.event.id
    // In the event's queue of logo changes: a save in flight never removes the logo of one after it.
    await oneAtATime(eventId, async () => {
      for (const [i, organiser] of framing.organisers.entries()) {
        if (organiser.logoId && !(await deps.logos.get(eventId, organiser.logoId)))
          return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: ['framing', 'organisers', i, 'logoId'], issue: 'unknown_reference', value: organiser.logoId }))
      }
      // RESOLUTION
      let before = new Set<string>()
      const saved = await deps.events.updateSetup(eventId, (current) => {
        before = logoIdsOf(current.framing ?? EMPTY_FRAMING)
        return { ...current, framing }
      })
      if (!saved) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'event' }))
      // The logos this save stopped naming go. Uploads not saved yet stay while another tab may be
      // about to save one; those nobody saved for UNSAVED_LOGO_KEEP_MS are given up.
      const named = logoIdsOf(saved.event.framing ?? EMPTY_FRAMING)
      await deps.logos.remove(eventId, new Set([...before].filter((id) => !named.has(id))))
      await deps.logos.prune(eventId, named, { uploadedBefore: Date.now() - UNSAVED_LOGO_KEEP_MS })
      res.json({ framing: saved.event.framing ?? EMPTY_FRAMING })
    })
  })

  const rawLogo = express.raw({ type: [...LOGO_TYPES], limit: LOGO_BYTES_MAX })
  // One upload per event at a time: the count below and the write after it are one step, so
  // uploads sent all at once cannot pass the limit together. Framing saves queue here too.
  const uploads = new Map<string, Promise<unknown>>()
  const oneAtATime = (eventId: string, run: () => Promise<unknown>) => {
    const next = (uploads.get(eventId) ?? Promise.resolve()).then(run, run)
    const tail = next.catch(() => {})
    uploads.set(eventId, tail)
    void tail.then(() => uploads.get(eventId) === tail && uploads.delete(eventId))
    return next
  }
  router.post('/events/:id/framing/logos', async (req, res, next) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    rawLogo(req, res, (error?: unknown) => (error ? next(error) : void oneAtATime(auth.stored.event.id, () => storeLogo(auth, req, res)).catch(next)))
  })
  const storeLogo = async (auth: Authenticated, req: Request, res: Response) => {
    const path = ['logo']
    if (!Buffer.isBuffer(req.body)) return sendFailure(res, 415, failure(ErrorCode.INVALID_MESSAGE, { path, issue: 'invalid_value', allowed: [...LOGO_TYPES] }))
    const checked = checkLogo(new Uint8Array(req.body))
    if (!checked.ok) {
      if (checked.reason === 'too_big') return sendFailure(res, 413, failure(ErrorCode.INVALID_MESSAGE, { path, issue: 'too_big', origin: 'file', maximum: LOGO_BYTES_MAX }))
      if (checked.reason === 'too_large_image') return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path, issue: 'too_big', origin: 'number', maximum: LOGO_SIDE_MAX }))
      return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path, issue: 'invalid_value', allowed: [...LOGO_TYPES] }))
    }
    if (!(await logoDataComplete(checked))) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path, issue: 'invalid_value', allowed: [...LOGO_TYPES] }))
    const eventId = auth.stored.event.id
    // Every stored logo was answered 201 to somebody, who may be about to save it into the framing:
    // none is removed to make room. Saving the framing removes the logos it no longer names.
    if ((await deps.logos.count(eventId)) >= LOGOS_PER_EVENT_MAX)
      return sendFailure(res, 409, failure(ErrorCode.LIMIT_REACHED, { what: 'logos', maximum: LOGOS_PER_EVENT_MAX }))
    const logoId = await deps.logos.put(eventId, { type: checked.type, bytes: checked.bytes })
    res.status(201).json({ logoId, width: checked.width, height: checked.height })
  }

  router.get('/events/:id/framing/logos/:logoId', async (req, res) => {
    const auth = await facilitator(req, res)
    if (!auth) return
    const logo = await deps.logos.get(auth.stored.event.id, String(req.params.logoId))
    if (!logo) return sendFailure(res, 404, failure(ErrorCode.NOT_FOUND, { what: 'address' }))
    res.set({ 'Content-Type': logo.type, 'Cache-Control': 'private, no-store', 'Content-Disposition': 'inline' })
    res.end(Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength))
  })

  // A body over the limit or one that cannot be read: answered with a code, like every other refusal.
  router.use('/events/:id/framing', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number; type?: string }).status
    if (status === 413) return sendFailure(res, 413, failure(ErrorCode.INVALID_MESSAGE, { path: ['logo'], issue: 'too_big', origin: 'file', maximum: LOGO_BYTES_MAX }))
    if (status === 400) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: [], issue: 'invalid_format', format: 'json' }))
    next(error)
  })
  return router
}
