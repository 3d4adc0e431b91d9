import { ErrorCode, fail, findGroup } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: what the projectors show — view, table, review position, a spotlight, a group's tree — or only the language they speak. */
export const handleProjectorShow: Handler<'projector:show'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION: the tables, stations and columns named must exist.
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const { display } = msg
  const tableIds = new Set(stored.event.tables.map((t) => t.id))
  const stations = stored.event.template.stations
  if (display.tableId !== null && !tableIds.has(display.tableId)) return fail(ErrorCode.NOT_FOUND, { what: 'table' })
  const unknownStation = fail(ErrorCode.NOT_NOW, { reason: 'UNKNOWN_STATION' })
  if (display.station !== null && display.station >= stations.length) return unknownStation
  const spot = display.spotlight
  if (spot && !tableIds.has(spot.tableId)) return fail(ErrorCode.NOT_FOUND, { what: 'table' })
  if (spot?.kind === 'column' && !stations.some((st) => st.id === spot.stationId && st.columns.some((c) => c.id === spot.columnId)))
    return unknownStation
  // A tree is shown only on a tree day, and only a group its method has.
  const method = stored.event.treeMethod
  if (display.tree && (!method || !findGroup(method, display.tree.groupId))) return fail(ErrorCode.NOT_FOUND, { what: 'group' })
  // RESOLUTION
  ctx.showOnProjectors(stored.event.id, display, msg.only === 'language')
  return { ok: true }
}
