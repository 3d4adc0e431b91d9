import { ErrorCode, describeFirstIssue, eventSchema, templateChangeAllowed } from '@tischrunde/shared'
import { FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: title, date, place, agenda, tables and template of the event. */
export const handleEventUpdate: Handler<'event:update'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return { ok: false, code: ErrorCode.NOT_FOUND, message: 'Veranstaltung nicht gefunden.' }
  const started = stored.round.phase !== 'before-start'
  if (!templateChangeAllowed(started, stored.event.template, msg.setup.template))
    return {
      ok: false,
      code: ErrorCode.NOT_NOW,
      message: 'Stationen und Spalten lassen sich nach dem Start nur noch umbenennen.',
      path: ['template'],
    }
  const parsed = eventSchema.safeParse({ ...msg.setup, id: stored.event.id, showNames: stored.event.showNames })
  if (!parsed.success) {
    const first = describeFirstIssue(parsed.error)
    return { ok: false, code: ErrorCode.INVALID_MESSAGE, message: first.message, path: first.path }
  }
  // RESOLUTION
  // Only the setup record is written; names on screens may have been switched meanwhile: keep them.
  const saved = await ctx.events.updateSetup(stored.event.id, (current) => ({ ...parsed.data, showNames: current.showNames }))
  if (!saved) return { ok: false, code: ErrorCode.NOT_FOUND, message: 'Veranstaltung nicht gefunden.' }
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
