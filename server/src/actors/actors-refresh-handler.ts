import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from '../handlers/handler.js'
import { buildActorMap } from './build-actor-map.js'

/**
 * Facilitator: reads every table's "Wer kann helfen?" cards into the actor map again. New names
 * come in; merges, splits, renames, areas and alliance columns set by hand stay.
 */
export const handleActorsRefresh: Handler<'actors:refresh'> = async (ctx, session) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  // RESOLUTION
  await buildActorMap(ctx.rooms, stored, session.actor.participantId ?? 'facilitator')
  return { ok: true }
}
