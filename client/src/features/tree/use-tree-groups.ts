import { type TreeGroup, type TreeMethod, findGroup, groupsOf, treeGroupsAnswerSchema } from '@tischrunde/shared'
import { useEffect, useMemo, useState } from 'react'
import { call } from '../../sync/api.js'

/** How often the screens ask which groups have trees (a value splits into B, C, … as people pick it), in ms. */
export const TREE_GROUPS_POLL_MS = 15_000

/**
 * The groups a screen that shows every group (console, projector) offers: one per value, and with
 * a maximum group size a value's groups B, C, … as soon as they have a tree (asked from the server
 * now and every TREE_GROUPS_POLL_MS; without an answer, group A of each value).
 */
export function useTreeGroups(eventId: string, method: TreeMethod, token: string): TreeGroup[] {
  const [ids, setIds] = useState<readonly string[] | null>(null)
  const split = method.maxGroupSize !== null
  useEffect(() => {
    if (!split) return
    let stopped = false
    const ask = () =>
      call(treeGroupsAnswerSchema, `/api/events/${encodeURIComponent(eventId)}/tree-groups`, { token })
        .then((answer) => {
          if (!stopped) setIds((prev) => (prev?.join() === answer.groups.join() ? prev : answer.groups))
        })
        .catch(() => {})
    void ask()
    const timer = setInterval(() => void ask(), TREE_GROUPS_POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [eventId, token, split])
  return useMemo(() => {
    const found = (ids ?? []).map((id) => findGroup(method, id)).filter((g): g is TreeGroup => g !== null)
    return found.length > 0 ? found : groupsOf(method)
  }, [method, ids])
}
