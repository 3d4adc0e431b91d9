import type { TreePhase } from '@tischrunde/shared'
import { useEffect } from 'react'
import { connectTree, treeDocName } from './tree-connection.js'

/** Tree writes for components: they go through the tree connection, which components never hold. */
export { putTreeNode, removeTreeNode, treeDocName } from './tree-connection.js'

/** Keeps a group's tree open while mounted; returns its doc name for selectors and writes. */
export function useTree(target: { eventId: string; groupId: string | null; phase: TreePhase; token: string | null; keepLocal: boolean }): string | null {
  const { eventId, groupId, phase, token, keepLocal } = target
  useEffect(() => {
    if (!groupId || !token) return
    return connectTree({ eventId, groupId, phase, token, keepLocal })
  }, [eventId, groupId, phase, token, keepLocal])
  return groupId ? treeDocName(eventId, groupId, phase) : null
}
