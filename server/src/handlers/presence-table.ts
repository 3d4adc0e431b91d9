import type { Handler } from './handler.js'

/** A phone says at which table it sits (for the facilitator's counts) and sat (for its rotation suggestion). */
export const handlePresenceTable: Handler<'presence:table'> = async (ctx, session, msg) => {
  // AUTH: any role may say where it is; only participants and hosts are counted at tables.
  // VALIDATION: an unknown table counts as none, visits of unknown stations or tables are dropped.
  const stored = await ctx.events.get(session.actor.eventId)
  const known = msg.tableId !== null && stored?.event.tables.some((t) => t.id === msg.tableId)
  // RESOLUTION
  // A phone that saw an older setup (a table or station removed since) is not refused: what no longer exists is left out.
  const tableIds = new Set(stored?.event.tables.map((t) => t.id))
  const stationIds = new Set(stored?.event.template.stations.map((s) => s.id))
  const visits = Object.fromEntries(Object.entries(msg.visits).filter(([s, t]) => stationIds.has(s) && tableIds.has(t)))
  ctx.seat(session, known ? msg.tableId : null, visits)
  return { ok: true }
}
