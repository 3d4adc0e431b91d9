import { ErrorCode, fail, findTable, mayModerate, unknownReference } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from '../handlers/handler.js'
import { moderationOf } from './moderation-service.js'

/** Facilitator, or the table's host at their table: hide, restore, approve or refuse one card. */
export const handleCardModerate: Handler<'card:moderate'> = async (ctx, session, msg) => {
  // AUTH (a host of another table is refused like a participant)
  if (!mayModerate(session.actor, msg.tableId)) return fail(ErrorCode.FORBIDDEN, { needs: 'host' })
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  if (!findTable(stored.event, msg.tableId)) return fail(ErrorCode.NOT_FOUND, { what: 'table' })
  // RESOLUTION
  const outcome = await moderationOf(ctx.rooms).moderate(session.actor, stored.event.id, msg.tableId, msg.cardId, msg.action, msg.intoCardId)
  return outcome.ok ? { ok: true } : fail(ErrorCode.CONFLICT)
}

/** Facilitator: approval and collect modes of a station, or approval for the whole event. */
export const handleStationModeration: Handler<'station:moderation'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  if (msg.stationId !== null && !stored.event.template.stations.some((s) => s.id === msg.stationId)) {
    return fail(ErrorCode.INVALID_MESSAGE, { path: ['stationId'], ...unknownReference(msg.stationId) })
  }
  const tableIds = stored.event.tables.map((t) => t.id)
  await moderationOf(ctx.rooms).setModes(stored.event.id, tableIds, msg.stationId, { approval: msg.approval, collect: msg.collect })
  return { ok: true }
}

/** Facilitator: every table's collected cards of a station appear at once. */
export const handleStationReveal: Handler<'station:reveal'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  if (!stored.event.template.stations.some((s) => s.id === msg.stationId)) {
    return fail(ErrorCode.INVALID_MESSAGE, { path: ['stationId'], ...unknownReference(msg.stationId) })
  }
  await moderationOf(ctx.rooms).reveal(stored.event.id, stored.event.tables.map((t) => t.id), msg.stationId)
  return { ok: true }
}
