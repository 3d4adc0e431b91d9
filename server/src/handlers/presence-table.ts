import type { Handler } from './handler.js'

/** A phone says at which table it sits (for the facilitator's counts). */
export const handlePresenceTable: Handler<'presence:table'> = (ctx, session, msg) => {
  // AUTH: any connected role may say where it is; projectors and facilitators are not counted at tables.
  // RESOLUTION
  ctx.seat(session, msg.tableId)
  return { ok: true }
}
