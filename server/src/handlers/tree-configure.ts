import { ErrorCode, fail, unknownReference } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/**
 * Facilitator: sets how the event runs the tree method (the attribute, its values, the maximum
 * group size, which stations drive the morning and the afternoon). The stations must be the event's.
 */
export const handleTreeConfigure: Handler<'tree:configure'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const stations = msg.method.phaseStations
  for (const [phase, id] of Object.entries(stations ?? {})) {
    if (!stored.event.template.stations.some((s) => s.id === id)) return fail(ErrorCode.INVALID_MESSAGE, { path: ['method', 'phaseStations', phase], ...unknownReference(id) })
  }
  if (stations && stations.problem === stations.objective) return fail(ErrorCode.INVALID_MESSAGE, { path: ['method', 'phaseStations', 'objective'], ...unknownReference(stations.objective) })
  // RESOLUTION
  const saved = await ctx.events.updateSetup(stored.event.id, (event) => ({ ...event, treeMethod: msg.method }))
  if (!saved) return EVENT_NOT_FOUND_ACK
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
