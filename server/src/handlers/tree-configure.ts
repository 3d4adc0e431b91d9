import { ErrorCode, fail, groupsStrandedBy, unknownReference } from '@tischrunde/shared'
import { treeGroupIdsInUse } from '../tree/tree-groups.js'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/**
 * Facilitator: sets how the event runs the tree method (the attribute, its values, the maximum
 * group size, which stations drive the morning and the afternoon). The stations must be the event's.
 * A setup that would leave a group with trees or people behind (a value taken out, a maximum group
 * size set or removed once groups are in use) is refused: its trees would vanish from every screen
 * and the export, and its people would lose their place. Adding values, renaming the attribute or
 * another maximum (the letters stay) are allowed at any time.
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
  const before = stored.event.treeMethod
  if (before) {
    const inUse = await treeGroupIdsInUse(ctx.rooms, stored.event.id, before, await ctx.treeMembers.counts(stored.event.id))
    if (groupsStrandedBy(msg.method, inUse).length > 0) return fail(ErrorCode.NOT_NOW, { reason: 'TREE_GROUPS_IN_USE' })
  }
  // RESOLUTION
  const saved = await ctx.events.updateSetup(stored.event.id, (event) => ({ ...event, treeMethod: msg.method }))
  if (!saved) return EVENT_NOT_FOUND_ACK
  ctx.publishEvent(stored.event.id)
  return { ok: true }
}
