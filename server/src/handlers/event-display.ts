import { dropAuthorNames } from '../retention/drop-names.js'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/**
 * Facilitator: names on screens on or off. Off takes every name off the event's cards (the docs
 * every phone holds), after the setup says so: a card written meanwhile arrives without one.
 */
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
  if (!msg.showNames) await dropAuthorNames(ctx.rooms, stored.event.id)
  return { ok: true }
}
