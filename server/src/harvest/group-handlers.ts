import { ErrorCode, GROUP_CARDS_MAX, fail, mayGroupCards } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, type Handler } from '../handlers/handler.js'

/** Facilitator, or a table's host at their table: a card to another place in its column. */
export const handleCardsMove: Handler<'cards:move'> = async (ctx, session, msg) => {
  if (!mayGroupCards(session.actor, msg.column.tableId)) return fail(ErrorCode.FORBIDDEN, { needs: 'facilitator' })
  const moved = await ctx.groups.moveCard(session.actor.eventId, msg.column, msg.cardId, msg.beforeCardId, session.actor.participantId ?? 'facilitator')
  if (moved.ok) return { ok: true }
  if (moved.error === 'NO_EVENT') return EVENT_NOT_FOUND_ACK
  return fail(ErrorCode.INVALID_MESSAGE, { path: [moved.error === 'NO_COLUMN' ? 'column' : 'cardId'], issue: 'unknown_reference' })
}

/** Facilitator, or a table's host at their table: one change to the groups of a column. */
export const handleGroupsEdit: Handler<'groups:edit'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayGroupCards(session.actor, msg.column.tableId)) return fail(ErrorCode.FORBIDDEN, { needs: 'facilitator' })
  // VALIDATION + RESOLUTION (the rule runs on the stored record, in one compare-and-set)
  const edited = await ctx.groups.edit(session.actor.eventId, msg.column, msg.change)
  if (!edited.ok) {
    switch (edited.error) {
      case 'NO_EVENT':
        return EVENT_NOT_FOUND_ACK
      case 'NO_COLUMN':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['column'], issue: 'unknown_reference' })
      case 'GROUP_UNKNOWN':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['change', 'groupId'], issue: 'unknown_reference' })
      case 'CARD_UNKNOWN':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['change', 'cardId'], issue: 'unknown_reference' })
      case 'GROUP_EXISTS':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['change', 'id'], issue: 'duplicate' })
      case 'GROUPS_FULL':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['change'], issue: 'too_big' })
      case 'GROUP_FULL':
        return fail(ErrorCode.INVALID_MESSAGE, { path: ['change', 'groupId'], issue: 'too_big', origin: 'array', maximum: GROUP_CARDS_MAX })
      case 'BUSY':
        return fail(ErrorCode.CONFLICT)
    }
  }
  ctx.publishGroups(session.actor.eventId, msg.column)
  return { ok: true }
}
