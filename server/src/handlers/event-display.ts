import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: names on screens on or off. */
export const handleEventDisplay: Handler<'event:display'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  // RESOLUTION
  const saved = await ctx.events.updateSetup(stored.event.id, (event) => ({ ...event, showNames: msg.showNames }))
  if (!saved) return EVENT_NOT_FOUND_ACK
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
