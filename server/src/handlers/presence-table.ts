import type { Handler } from './handler.js'

/** A phone says at which table it sits (for the facilitator's counts). */
export const handlePresenceTable: Handler<'presence:table'> = async (ctx, session, msg) => {
  // AUTH: any role may say where it is; only participants and hosts are counted at tables.
  // VALIDATION: an unknown table counts as none.
  const stored = await ctx.events.get(session.actor.eventId)
  const known = msg.tableId !== null && stored?.event.tables.some((t) => t.id === msg.tableId)
  // RESOLUTION
  ctx.seat(session, known ? msg.tableId : null)
  return { ok: true }
}
