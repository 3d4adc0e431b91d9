import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, isFacilitator } from './handler.js'

/** Facilitator: names on screens on or off. */
export const handleEventDisplay: Handler<'event:display'> = async (ctx, session, msg) => {
  // AUTH
  if (!isFacilitator(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = ctx.events.get(session.claims.e)
  if (!stored) return EVENT_NOT_FOUND_ACK
  // RESOLUTION
  await ctx.events.replaceEvent(stored, { ...stored.event, showNames: msg.showNames })
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
