import { describe, expect, it } from 'vitest'
import { readTreeRecords } from './read-tree.js'
import { deriveObjectives, objectivesFromProblems } from './objective-tree.js'
import type { TreeNode } from './tree-node.schema.js'
import { findTreeProblem } from './tree-rules.js'
import { node, pad, treeOf } from './tree-test-nodes.js'

const problems = [
  node('K', 'core', null, { text: 'Kooperation bleibt punktuell' }),
  node('C1', 'cause', 'K', { text: 'Keine Ansprechpersonen', order: 1 }),
  node('C2', 'cause', 'C1', { text: 'Ehrenamt wechselt oft' }),
  node('E1', 'effect', 'K', { text: 'Angebote doppelt', order: 2 }),
]
const apply = (current: Map<string, TreeNode>, records: TreeNode[]) => {
  const next = new Map(current)
  for (const r of records) next.set(r.id, r)
  return next
}

describe('creating the objective tree from the problem tree', () => {
  it('mirrors the structure, links each objective to its problem and prefills the text as a placeholder', () => {
    const made = objectivesFromProblems(readTreeRecords(problems), new Map(), 7, new Set())
    expect(made.map((n) => [n.id, n.kind, n.parentId, n.answersProblemId, n.text, n.placeholder])).toEqual([
      [pad('K'), 'goal', null, pad('K'), 'Kooperation bleibt punktuell', true],
      [pad('C1'), 'means', pad('K'), pad('C1'), 'Keine Ansprechpersonen', true],
      [pad('C2'), 'means', pad('C1'), pad('C2'), 'Ehrenamt wechselt oft', true],
      [pad('E1'), 'end', pad('K'), pad('E1'), 'Angebote doppelt', true],
    ])
    expect(findTreeProblem('objective', treeOf(...made))).toBeNull()
  })

  it('on a re-run adds new problems and keeps reworded objectives as they are', () => {
    let objectives = apply(new Map(), objectivesFromProblems(readTreeRecords(problems), new Map(), 7, new Set()))
    const reworded = { ...objectives.get(pad('C1'))!, text: 'Feste Ansprechpersonen sind benannt', placeholder: false, inScope: true }
    objectives = apply(objectives, [reworded])
    const changed = [
      ...problems.map((p) => (p.id === pad('C1') ? { ...p, text: 'Keine festen Ansprechpersonen' } : p.id === pad('E1') ? { ...p, text: 'Angebote laufen doppelt' } : p)),
      node('C3', 'cause', 'K', { text: 'Kein Budget', order: 3 }),
    ]
    const second = objectivesFromProblems(readTreeRecords(changed), objectives, 9, new Set())
    // The reworded means stays; the placeholder end follows its problem's new text; the new cause comes in (causes first, in outline order).
    expect(second.map((n) => [n.id, n.text])).toEqual([
      [pad('C3'), 'Kein Budget'],
      [pad('E1'), 'Angebote laufen doppelt'],
    ])
    const after = apply(objectives, second)
    expect(after.get(pad('C1'))).toEqual(reworded)
    expect(findTreeProblem('objective', after)).toBeNull()
    expect(objectivesFromProblems(readTreeRecords(changed), after, 10, new Set())).toEqual([])
  })

  it('hangs everything under a goal written by hand instead of adding a second goal', () => {
    const goal = node('G', 'goal', null, { text: 'Verlässliche Kooperation', authorId: null })
    const made = objectivesFromProblems(readTreeRecords(problems), treeOf(goal), 7, new Set())
    expect(made.map((n) => [n.id, n.parentId])).toEqual([
      [pad('C1'), pad('G')],
      [pad('C2'), pad('C1')],
      [pad('E1'), pad('G')],
    ])
    expect(findTreeProblem('objective', apply(treeOf(goal), made))).toBeNull()
  })

  it('leaves out a branch whose parent objective no longer fits: a cause turned effect after the first run, with an effect added below it', () => {
    const morning = [...problems, node('C3', 'cause', 'K', { text: 'Kein Budget', order: 3 })]
    const objectives = apply(new Map(), objectivesFromProblems(readTreeRecords(morning), new Map(), 7, new Set()))
    const afternoon = [...morning.map((p) => (p.id === pad('C3') ? { ...p, kind: 'effect' as const } : p)), node('E2', 'effect', 'C3', { text: 'Projekte enden früh' })]
    const second = objectivesFromProblems(readTreeRecords(afternoon), objectives, 9, new Set())
    // The means C3 stays a means (an objective is never re-kinded); an end under it would break the tree.
    expect(second.map((n) => n.id)).toEqual([])
    expect(findTreeProblem('objective', apply(objectives, second))).toBeNull()
  })

  it('leaves out a branch under an objective changed to the other kind by hand', () => {
    let objectives = apply(new Map(), objectivesFromProblems(readTreeRecords(problems), new Map(), 7, new Set()))
    objectives = apply(objectives, [{ ...objectives.get(pad('E1'))!, kind: 'means' }])
    const changed = [...problems, node('E3', 'effect', 'E1', { text: 'Mittel verfallen' }), node('E4', 'effect', 'E3', { text: 'Noch weniger' })]
    const second = objectivesFromProblems(readTreeRecords(changed), objectives, 9, new Set())
    expect(second).toEqual([])
    expect(findTreeProblem('objective', apply(objectives, second))).toBeNull()
    // The console names the branch once, at its top (E4 hangs below E3 and comes back with it by hand).
    expect(deriveObjectives(readTreeRecords(changed), objectives, 9, new Set()).leftOut.map((n) => n.text)).toEqual(['Mittel verfallen'])
  })

  it('never brings back an objective the group deleted, nor what hung below it', () => {
    const objectives = apply(new Map(), objectivesFromProblems(readTreeRecords(problems), new Map(), 7, new Set()))
    objectives.delete(pad('C2'))
    objectives.delete(pad('C1'))
    const deleted = new Set([pad('C1'), pad('C2')])
    const changed = [...problems, node('C4', 'cause', 'C1', { text: 'Keine Zeit' }), node('C5', 'cause', 'K', { text: 'Kein Raum', order: 4 })]
    const second = objectivesFromProblems(readTreeRecords(changed), objectives, 9, deleted)
    expect(second.map((n) => n.id)).toEqual([pad('C5')])
    expect(findTreeProblem('objective', apply(objectives, second))).toBeNull()
    // What the group deleted, and what hangs below it, is no news to the console.
    expect(deriveObjectives(readTreeRecords(changed), objectives, 9, deleted).leftOut).toEqual([])
  })
})
