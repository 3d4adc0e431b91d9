import { describe, expect, it } from 'vitest'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import type { RecordChange } from '../doc-kind.js'
import { checkTreeChanges, type TreeWriter } from './tree-kind.js'
import type { TreeNode } from './tree-node.schema.js'
import { TreeProblem, findTreeProblem, mayMoveUnder } from './tree-rules.js'
import { node, pad, treeOf } from './tree-test-nodes.js'

// core K; causes C1 (under K), C2 (under C1); effect E1 (under K)
const base = [node('K', 'core', null), node('C1', 'cause', 'K'), node('C2', 'cause', 'C1'), node('E1', 'effect', 'K')]

describe('the structure of a problem tree', () => {
  it.each<[string, TreeNode[], TreeProblem | null]>([
    ['an empty tree', [], null],
    ['a core with causes and effects', base, null],
    ['a second core problem', [...base, node('K2', 'core', null)], TreeProblem.SECOND_CORE],
    ['a cause whose parent is not there', [...base, node('C3', 'cause', 'GONE')], TreeProblem.MISSING_PARENT],
    ['a cause under an effect', [...base, node('C3', 'cause', 'E1')], TreeProblem.WRONG_PLACE],
    ['an effect under a cause', [...base, node('E2', 'effect', 'C1')], TreeProblem.WRONG_PLACE],
    ['an effect under an effect', [...base, node('E2', 'effect', 'E1')], null],
    ['a cause hanging under nothing', [...base, node('C3', 'cause', null)], TreeProblem.WRONG_ROOT],
    ['a core problem under a cause', [node('K', 'core', 'C1'), node('C1', 'cause', 'K')], TreeProblem.WRONG_ROOT],
    ['a goal in a problem tree', [...base, node('G', 'goal', null)], TreeProblem.WRONG_PHASE],
    ['C1 moved under its own descendant C2', [node('K', 'core', null), node('C1', 'cause', 'C2'), node('C2', 'cause', 'C1')], TreeProblem.CYCLE],
  ])('%s → %s', (_name, nodes, expected) => {
    expect(findTreeProblem('problem', treeOf(...nodes))).toBe(expected)
  })

  it('knows before a move whether the new parent is the node itself or below it', () => {
    const tree = treeOf(...base)
    expect(mayMoveUnder(tree, pad('C1'), pad('C2'))).toBe(false)
    expect(mayMoveUnder(tree, pad('C1'), pad('C1'))).toBe(false)
    expect(mayMoveUnder(tree, pad('C2'), pad('K'))).toBe(true)
  })
})

/** Applies changes to a tree and asks the kind's rule, as the server does. */
function check(changes: Array<[string, TreeNode | undefined]>, who: Partial<TreeWriter> = {}, start: TreeNode[] = base, phase: 'problem' | 'objective' = 'problem') {
  const before = treeOf(...start)
  const after = new Map(before)
  const recordChanges: RecordChange[] = changes.map(([id, n]) => {
    const key = pad(id)
    const change = { root: 'nodes', key, before: before.get(key), after: n }
    if (n) after.set(key, n)
    else after.delete(key)
    return change
  })
  return checkTreeChanges(phase, recordChanges, { role: 'participant', participantId: 'anna-0001', open: true, nodes: () => after, ...who })
}

describe('who may write what to a tree', () => {
  const bernd = { participantId: 'bernd-001' }
  it.each<[string, Array<[string, TreeNode | undefined]>, Partial<TreeWriter>, WriteRefusal | null]>([
    ['a participant adds a cause under a cause', [['C3', node('C3', 'cause', 'C2')]], {}, null],
    ['a participant adds a node as someone else', [['C3', node('C3', 'cause', 'C2', { authorId: 'bernd-001' })]], {}, WriteRefusal.NOT_YOUR_CARD],
    ['a participant edits another’s node', [['C1', node('C1', 'cause', 'K', { text: 'anders' })]], bernd, WriteRefusal.NOT_YOUR_CARD],
    ['a participant deletes another’s node', [['E1', undefined]], bernd, WriteRefusal.NOT_YOUR_CARD],
    ['a participant edits their own node', [['C1', node('C1', 'cause', 'K', { text: 'genauer' })]], {}, null],
    ['a participant gives a problem tree’s cause an objective’s marks and lists', [['C3', node('C3', 'cause', 'C2', { inScope: true, placeholder: true, measures: ['Runder Tisch'] })]], {}, WriteRefusal.INVALID_RECORD],
    ['a participant moves C1 under its own descendant C2', [['C1', node('C1', 'cause', 'C2')]], {}, WriteRefusal.TREE_CONFLICT],
    ['the facilitator moves C1 under its own descendant C2', [['C1', node('C1', 'cause', 'C2')]], { role: 'facilitator', participantId: null }, WriteRefusal.TREE_CONFLICT],
    ['the facilitator moves C2 under the core', [['C2', node('C2', 'cause', 'K', { authorId: 'bernd-001' })]], { role: 'facilitator', participantId: null }, null],
    ['the facilitator deletes a node that still has children', [['C1', undefined]], { role: 'facilitator', participantId: null }, WriteRefusal.TREE_CONFLICT],
    ['a participant adds a second core problem', [['K2', node('K2', 'core', null)]], {}, WriteRefusal.TREE_CONFLICT],
    ['a participant adds an effect under a cause', [['E2', node('E2', 'effect', 'C1')]], {}, WriteRefusal.TREE_CONFLICT],
    ['a participant writes once the day is closed', [['C3', node('C3', 'cause', 'K')]], { open: false }, WriteRefusal.STATION_CLOSED],
    ['the facilitator writes once the day is closed', [['C3', node('C3', 'cause', 'K')]], { open: false, role: 'facilitator', participantId: null }, null],
    ['a projector writes', [['C3', node('C3', 'cause', 'K')]], { role: 'reader', participantId: null }, WriteRefusal.READ_ONLY],
    ['a record whose key is not its id', [['C3', node('C4', 'cause', 'K')]], {}, WriteRefusal.INVALID_RECORD],
    ['a text over the limit', [['C3', node('C3', 'cause', 'K', { text: 'x'.repeat(281) })]], {}, WriteRefusal.INVALID_RECORD],
    ['an empty text', [['C3', node('C3', 'cause', 'K', { text: '' })]], {}, WriteRefusal.INVALID_RECORD],
  ])('%s → %s', (_name, changes, who, expected) => {
    expect(check(changes, who)).toBe(expected)
  })

  const objectives = [
    node('K', 'goal', null, { authorId: null, answersProblemId: pad('K'), placeholder: true }),
    node('C1', 'means', 'K', { authorId: null, answersProblemId: pad('C1'), placeholder: true }),
  ]
  it.each<[string, Array<[string, TreeNode | undefined]>, WriteRefusal | null]>([
    ['a participant rewords an objective the server wrote', [['C1', { ...objectives[1]!, text: 'Kooperation ist verabredet', placeholder: false }]], null],
    ['a participant marks an objective "im Rahmen" (the console does)', [['C1', { ...objectives[1]!, inScope: true }]], WriteRefusal.INVALID_RECORD],
    ['a participant points an objective at another problem', [['C1', { ...objectives[1]!, answersProblemId: pad('K') }]], WriteRefusal.INVALID_RECORD],
    ['a participant adds an objective as if the server had derived it', [['C3', node('C3', 'means', 'K', { answersProblemId: pad('C1'), placeholder: true })]], WriteRefusal.INVALID_RECORD],
    ['a participant attaches measures and helpers to a means', [['C1', { ...objectives[1]!, measures: ['Runder Tisch'], helpers: ['Jobcenter'] }]], null],
    ['a participant moves an objective the server wrote', [['C1', { ...objectives[1]!, order: 5 }]], WriteRefusal.NOT_YOUR_CARD],
    ['a participant adds a cause to an objective tree', [['C3', node('C3', 'cause', 'K')]], WriteRefusal.INVALID_RECORD],
  ])('objective tree: %s → %s', (_name, changes, expected) => {
    expect(check(changes, {}, objectives, 'objective')).toBe(expected)
  })
})
