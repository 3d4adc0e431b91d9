import { z } from 'zod'
import type { TreeView } from './read-tree.js'
import { flattenTree } from './read-tree.js'
import { OBJECTIVE_KIND_OF, type TreeNode, type TreeNodeKind, TREE_TEXT_MAX } from './tree-node.schema.js'
import { allowedParentKinds, atDepthLimit } from './tree-rules.js'

/**
 * The objective-tree records to write from a group's problem tree: the same structure, each
 * objective linked to the problem it answers (`answersProblemId`, and the same id), its text the
 * problem's as a placeholder to be reworded positively. Re-running after the problem tree changed
 * adds the new problems and refreshes placeholders whose problem was reworded, but never touches an
 * objective that was reworded (no longer a placeholder) or moved. A goal written by hand stays the
 * goal: the core problem's objective children hang under it.
 *
 * What it returns leaves a valid objective tree (when `objectives` was one): a new objective comes
 * in only under a parent objective of a kind it may hang under, not past the depth limit. A problem
 * whose objective cannot hang there (its parent objective is now of the other kind: the problem was
 * turned from cause to effect after the first run, or the objective was changed by hand) stays out
 * with its whole branch; the group adds it by hand where it fits. An objective the group deleted
 * (its id in `deleted`) never comes back, nor does anything below it.
 *
 * @param problems the problem tree's read model (what screens show, so a merged loop is already broken)
 * @param objectives the objective tree's current nodes, by id
 * @param now the server's clock, for new records
 * @param deleted the ids of objectives with a deletion mark in the objective tree
 * @returns the records to put (new or refreshed), parents before children
 */
export function objectivesFromProblems(problems: TreeView, objectives: ReadonlyMap<string, TreeNode>, now: number, deleted: ReadonlySet<string>): TreeNode[] {
  return deriveObjectives(problems, objectives, now, deleted).records
}

/**
 * `objectivesFromProblems`, and the problems left out because their objective would not fit where
 * their parent's objective stands now (not those the group deleted, nor what hangs below them): the
 * console names them, so the facilitator knows to add them by hand.
 */
export function deriveObjectives(problems: TreeView, objectives: ReadonlyMap<string, TreeNode>, now: number, deleted: ReadonlySet<string>): { records: TreeNode[]; leftOut: TreeNode[] } {
  const out: TreeNode[] = []
  const leftOut: TreeNode[] = []
  const outIds = new Set<string>()
  const existingGoal = [...objectives.values()].find((n) => n.kind === 'goal')
  const idOf = (problemId: string) => (problems.core && problemId === problems.core.node.id && existingGoal ? existingGoal.id : problemId)
  // The tree as it will be: what is there, and what this run adds.
  const tree = new Map(objectives)
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
    if (deleted.has(id)) continue // the group deleted it: it stays out, and so does its branch
    const kind = OBJECTIVE_KIND_OF[problem.kind]
    const parentProblem = parentOf.get(problem.id) ?? null
    const parentId = parentProblem === null ? null : idOf(parentProblem)
    if (!fitsUnder(tree, kind, parentId)) {
      // Its parent objective is gone or of another kind now: the branch stays out. Named once, at its
      // top: a branch below a deleted objective, or below a problem named already, is not named again.
      outIds.add(problem.id)
      if (parentProblem === null || (!deleted.has(idOf(parentProblem)) && !outIds.has(parentProblem))) leftOut.push(problem)
      continue
    }
    const record: TreeNode = { id, kind, parentId, order: problem.order, text: problem.text, authorId: null, createdAt: now, answersProblemId: problem.id, placeholder: true }
    out.push(record)
    tree.set(id, record)
  }
  return { records: out, leftOut }
}

/** Whether an objective of `kind` may come in under `parentId` in `tree` (a goal only at the top, and only the one). */
function fitsUnder(tree: ReadonlyMap<string, TreeNode>, kind: TreeNodeKind, parentId: string | null): boolean {
  if (parentId === null) return kind === 'goal' && ![...tree.values()].some((n) => n.kind === 'goal')
  const parent = tree.get(parentId)
  return parent !== undefined && allowedParentKinds('objective', kind).includes(parent.kind) && !atDepthLimit(tree, parentId)
}

/** Problems named at most in the answer of `tree:objectives` (the console says how many more). */
export const LEFT_OUT_NAMED_MAX = 5

/**
 * The answer data of `tree:objectives`: how many objectives the server wrote (new or refreshed), and
 * the problems it left out because their objective would not fit where the solution tree stands now
 * (the first few by text, and how many in all).
 */
export const objectivesDerivedSchema = z
  .object({
    written: z.number().int().nonnegative(),
    leftOut: z.number().int().nonnegative(),
    leftOutTexts: z.array(z.string().max(TREE_TEXT_MAX)).max(LEFT_OUT_NAMED_MAX),
  })
  .strict()
export type ObjectivesDerived = z.infer<typeof objectivesDerivedSchema>
