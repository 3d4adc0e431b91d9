import {
  ErrorCode,
  TREE_NODES_ROOT,
  type TreeNode,
  fail,
  findGroup,
  objectivesFromProblems,
  readTree,
  treeKind,
  treeNodeSchema,
  unknownReference,
  docNameOf,
} from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/**
 * Facilitator: creates a group's objective tree from its problem tree, or extends it after the
 * problem tree changed (new problems come in; reworded objectives stay). Written by the server into
 * the objective doc, so every screen of it sees the new nodes at once.
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
  const nameOf = (phase: 'problem' | 'objective') => docNameOf({ kind: treeKind.name, eventId: stored.event.id, parts: { groupId: msg.groupId, phase } }, treeKind)
  const problems = await ctx.rooms.read(nameOf('problem'), (room) => readTree(room.doc))
  await ctx.rooms.read(nameOf('objective'), async (room) => {
    const map = room.doc.getMap(TREE_NODES_ROOT)
    const current = new Map<string, TreeNode>()
    map.forEach((value, key) => {
      const parsed = treeNodeSchema.safeParse(value)
      if (parsed.success && parsed.data.id === key) current.set(key, parsed.data)
    })
    const records = objectivesFromProblems(problems, current, ctx.now())
    if (records.length === 0) return
    room.doc.transact(() => records.forEach((r) => map.set(r.id, r)), { source: 'server', by: session.actor.participantId ?? 'facilitator' })
    await room.settle()
  })
  return { ok: true }
}
