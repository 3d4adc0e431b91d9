import { type Ack, ErrorCode, fail, unknownReference } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, type Handler } from './handler.js'

/** What a pick answers on success: the group the server placed the participant in. */
export interface TreeJoined {
  groupId: string
}

/**
 * Participant: picks their value of the tree method's attribute (e.g. "kleiner Landkreis"); the
 * server places them in a group and from then on opens them only that group's trees.
 */
export const handleTreeJoin: Handler<'tree:join'> = async (ctx, session, msg) => {
  // AUTH
  const { participantId, eventId } = session.actor
  if (session.actor.role !== 'participant' || !participantId) return fail(ErrorCode.FORBIDDEN, { needs: 'participant' })
  // VALIDATION + RESOLUTION (the placement reads and writes the memberships in one step)
  const placed = await ctx.treeMembers.join(eventId, participantId, msg.value, ctx.now())
  if (!placed.ok) {
    if (placed.error === 'EVENT_GONE') return EVENT_NOT_FOUND_ACK
    if (placed.error === 'GROUPS_FULL') return fail(ErrorCode.CONFLICT)
    return fail(ErrorCode.INVALID_MESSAGE, { path: ['value'], ...unknownReference(msg.value) })
  }
  const joined: Ack<TreeJoined> = { ok: true, data: { groupId: placed.groupId } }
  return joined
}
