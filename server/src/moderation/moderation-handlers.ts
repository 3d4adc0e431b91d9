import { ErrorCode, fail, findTable, mayModerate, unknownReference } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, type HandlerContext, mayRun } from '../handlers/handler.js'
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
  if (!outcome.ok) return fail(ErrorCode.CONFLICT)
  await followVotes(ctx, stored.event.id, msg)
  return { ok: true }
}

/**
 * Votes follow the card: a hidden card's dots go back to their voters (parked, so a restore brings
 * them back as far as budgets allow), a merged duplicate's dots move to the card it went into.
 */
async function followVotes(ctx: HandlerContext, eventId: string, msg: { tableId: string; cardId: string; action: string; intoCardId?: string | undefined }): Promise<void> {
  const card = { tableId: msg.tableId, cardId: msg.cardId }
  const changed =
    msg.action === 'hide'
      ? await ctx.votes.hidden(eventId, card)
      : msg.action === 'restore'
        ? await ctx.votes.restored(eventId, card)
        : msg.action === 'merge' && msg.intoCardId !== undefined
          ? await ctx.votes.mergedInto(eventId, card, { tableId: msg.tableId, cardId: msg.intoCardId })
          : []
  for (const c of changed) ctx.publishVotes(eventId, c)
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
