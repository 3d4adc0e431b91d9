import { type Ack, ErrorCode, type TreeJoined, type TreePhase, fail, treeJoinedSchema } from '@tischrunde/shared'
import type { ControlConnection } from './control-connection.js'
import { useEffect } from 'react'
import { connectTree, treeDocName } from './tree-connection.js'

/** Tree writes for components: they go through the tree connection, which components never hold. */
export { applyTreeEdit, putTreeNode, removeTreeNode, treeDocName } from './tree-connection.js'

/** Keeps a group's tree open while mounted; returns its doc name for selectors and writes. */
export function useTree(target: { eventId: string; groupId: string | null; phase: TreePhase; token: string | null; keepLocal: boolean }): string | null {
  const { eventId, groupId, phase, token, keepLocal } = target
  useEffect(() => {
    if (!groupId || !token) return
    return connectTree({ eventId, groupId, phase, token, keepLocal })
  }, [eventId, groupId, phase, token, keepLocal])
  return groupId ? treeDocName(eventId, groupId, phase) : null
}

/**
 * Picks the tree method's value over the control plane (`tree:join`); the answer's group is checked
 * against the shared schema before the phone opens anything with it.
 */
export async function joinTreeGroup(control: ControlConnection | null, value: string): Promise<Ack<TreeJoined>> {
  if (!control) return fail(ErrorCode.NETWORK, {}, 'not connected')
  const ack = (await control.send('tree:join', { value })) as Ack<unknown>
  if (!ack.ok) return ack
  const parsed = treeJoinedSchema.safeParse(ack.data)
  return parsed.success ? { ok: true, data: parsed.data } : fail(ErrorCode.INTERNAL, {}, 'malformed answer')
}
