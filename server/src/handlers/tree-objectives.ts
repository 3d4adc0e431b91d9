import { type Ack, ErrorCode, type ObjectivesDerived, fail, findGroup, unknownReference } from '@tischrunde/shared'
import { deriveObjectiveTree } from '../tree/objective-trees.js'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/**
 * Facilitator: creates a group's objective tree from its problem tree, or brings it up to date with
 * it. Answers how many objectives were written and which problems were left out; a solution tree
 * that holds a misplaced entry is refused as a whole (NOT_NOW TREE_OBJECTIVES_BROKEN), as is a problem tree without its core problem (TREE_NO_CORE).
 */
export const handleTreeObjectives: Handler<'tree:objectives'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const method = stored.event.treeMethod
  if (!method || !findGroup(method, msg.groupId)) return fail(ErrorCode.INVALID_MESSAGE, { path: ['groupId'], ...unknownReference(msg.groupId) })
  // RESOLUTION
  const derived = await deriveObjectiveTree(ctx.rooms, stored.event.id, msg.groupId, ctx.now(), session.actor.participantId ?? 'facilitator')
  if (derived === 'broken') return fail(ErrorCode.NOT_NOW, { reason: 'TREE_OBJECTIVES_BROKEN' })
  if (derived === 'no-core') return fail(ErrorCode.NOT_NOW, { reason: 'TREE_NO_CORE' })
  const answer: Ack<ObjectivesDerived> = { ok: true, data: derived }
  return answer
}
