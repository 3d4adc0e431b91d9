import { ErrorCode } from '@tischrunde/shared'
import { FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: names on screens on or off. */
export const handleEventDisplay: Handler<'event:display'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return { ok: false, code: ErrorCode.NOT_FOUND, message: 'Veranstaltung nicht gefunden.' }
  // RESOLUTION
  const saved = await ctx.events.updateSetup(stored.event.id, (event) => ({ ...event, showNames: msg.showNames }))
  if (!saved) return { ok: false, code: ErrorCode.NOT_FOUND, message: 'Veranstaltung nicht gefunden.' }
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
