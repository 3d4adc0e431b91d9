import type { MeasureRef } from '../kinds/actors/actor-map.schema.js'
import { flattenTree, type TreeView } from '../kinds/tree/read-tree.js'
import type { FoundMention } from './mentions.js'
import { actorKey } from './normalize.js'
import { splitActorCard } from './split.js'
import { treePlaceId } from './places.js'

/**
 * Every actor a group's solution tree names under "Wer kann helfen?" (Bremen, seed 001: the
 * helpers of a means), as mentions of the group's tree place. Each mention helps with its means:
 * one measure reference, numbered by the means' place among those with helpers in the tree's
 * outline order, with the means' text (what the actor map shows for it).
 */
export function mentionsOfTree(groupId: string, view: TreeView): FoundMention[] {
  const tableId = treePlaceId(groupId)
  const found: FoundMention[] = []
  let means = 0
  for (const { node } of flattenTree(view)) {
    if (!node.helpers?.length) continue
    const ref: MeasureRef = { n: Math.min(++means, 999), text: node.text.slice(0, 280) }
    // One actor named twice under one means (two phones at once, or typed again) is one mention.
    const named = new Set<string>()
    for (const helper of node.helpers)
      for (const segment of splitActorCard(helper, [])) {
        const key = actorKey(segment.text).slice(0, 160).trim()
        if (!key || named.has(key)) continue
        named.add(key)
        found.push({ tableId, cardId: node.id, text: segment.text.slice(0, 280), key, measures: [ref], activity: segment.activity, ...(segment.person ? { person: segment.person } : {}) })
      }
  }
  return found
}
