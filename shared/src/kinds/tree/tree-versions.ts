import { parsedRecord, sameRecord } from '../records.js'
import { uniqueEntries } from './tree-edits.js'
import { type TreeNode, treeNodeSchema } from './tree-node.schema.js'

/**
 * What the server stores when two people wrote one node at the same time (one of the two versions
 * lost in the doc): the version that stands, with what the lost one added that a person would miss.
 * - Measures and "Wer kann helfen?": every entry of both (the node is one record, so an entry added
 *   on one phone while another phone added one to the same means would otherwise be dropped,
 *   although both phones were told "gespeichert"). An entry one of them removed meanwhile comes back.
 * - A wording: when the standing version still carries the problem's text (a placeholder) and the
 *   lost one reworded it, the rewording is kept.
 * Everything else (the place in the tree, in scope, two rewordings of one text) stays as the
 * standing version has it. Null: the lost version adds nothing.
 */
export function keepLostTreeNode(current: unknown, lost: unknown): TreeNode | null {
  const node = parsedRecord(treeNodeSchema, current)
  const version = parsedRecord(treeNodeSchema, lost)
  if (!node || !version || node.id !== version.id) return null
  const kept: TreeNode = { ...node }
  for (const field of ['measures', 'helpers'] as const) {
    if (!version[field]?.length) continue
    kept[field] = uniqueEntries([...(node[field] ?? []), ...version[field]])
  }
  if (node.placeholder === true && version.placeholder !== true && version.text !== node.text) {
    kept.text = version.text
    if (version.placeholder === undefined) delete kept.placeholder
    else kept.placeholder = version.placeholder
  }
  return sameRecord(kept, node) ? null : kept
}
