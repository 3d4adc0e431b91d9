import type { TreeView } from './read-tree.js'
import { flattenTree } from './read-tree.js'
import { OBJECTIVE_KIND_OF, type TreeNode } from './tree-node.schema.js'

/**
 * The objective-tree records to write from a group's problem tree: the same structure, each
 * objective linked to the problem it answers (`answersProblemId`, and the same id), its text the
 * problem's as a placeholder to be reworded positively. Re-running after the problem tree changed
 * adds the new problems and refreshes placeholders whose problem was reworded, but never touches an
 * objective that was reworded (no longer a placeholder) or moved. A goal written by hand stays the
 * goal: the core problem's objective children hang under it.
 *
 * @param problems the problem tree's read model (what screens show, so a merged loop is already broken)
 * @param objectives the objective tree's current nodes, by id
 * @param now the server's clock, for new records
 * @returns the records to put (new or refreshed), parents before children
 */
export function objectivesFromProblems(problems: TreeView, objectives: ReadonlyMap<string, TreeNode>, now: number): TreeNode[] {
  const out: TreeNode[] = []
  const existingGoal = [...objectives.values()].find((n) => n.kind === 'goal')
  const idOf = (problemId: string) => (problems.core && problemId === problems.core.node.id && existingGoal ? existingGoal.id : problemId)
  const known = new Set(objectives.keys())
  const items = problems.core ? flattenTree({ ...problems, loose: [] }) : []
  const parentOf = new Map<string, string | null>()
  for (const item of items) for (const child of item.children) parentOf.set(child.node.id, item.node.id)
  for (const item of items) {
    const problem = item.node
    if (problem.kind !== 'core' && problem.kind !== 'cause' && problem.kind !== 'effect') continue
    const id = idOf(problem.id)
    const current = objectives.get(id)
    if (current) {
      if (current.placeholder === true && current.answersProblemId === problem.id && current.text !== problem.text) out.push({ ...current, text: problem.text })
      continue
    }
    const parentProblem = parentOf.get(problem.id) ?? null
    const parentId = parentProblem === null ? null : idOf(parentProblem)
    if (parentId !== null && !known.has(parentId)) continue // its parent objective was deleted: the branch stays out
    out.push({
      id,
      kind: OBJECTIVE_KIND_OF[problem.kind],
      parentId,
      order: problem.order,
      text: problem.text,
      authorId: null,
      createdAt: now,
      answersProblemId: problem.id,
      placeholder: true,
    })
    known.add(id)
  }
  return out
}
