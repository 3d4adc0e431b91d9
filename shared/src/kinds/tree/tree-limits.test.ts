import { describe, expect, it } from 'vitest'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import type { RecordChange } from '../doc-kind.js'
import { checkTreeChanges, type TreeWriter } from './tree-kind.js'
import { TREE_NODES_MAX, TREE_NODES_PER_PARTICIPANT_MAX, type TreeNode, type TreePhase } from './tree-node.schema.js'
import { node, pad, treeOf } from './tree-test-nodes.js'

const anna = 'anna-0001'
const bernd = 'bernd-001'
const facilitator = { role: 'facilitator', participantId: null } as const

/** A problem tree: the core and `count` causes under it, the first `annas` of them Anna's, the rest another person's. */
function tree(count: number, annas: number): TreeNode[] {
  const causes = Array.from({ length: count }, (_, i) => node(`c${i}`, 'cause', 'K', { order: i, authorId: i < annas ? anna : 'spam-0001' }))
  return [node('K', 'core', null, { authorId: null }), ...causes]
}

/** Applies changes to a tree and asks the kind's rule, as the server does (the writer's own nodes counted from the tree). */
function check(start: TreeNode[], changes: Array<[string, TreeNode | undefined]>, who: Partial<TreeWriter> = {}, phase: TreePhase = 'problem') {
  const before = treeOf(...start)
  const after = new Map(before)
  const recordChanges: RecordChange[] = changes.map(([id, n]) => {
    const key = pad(id)
    if (n) after.set(key, n)
    else after.delete(key)
    return { root: 'nodes', key, before: before.get(key), after: n }
  })
  return checkTreeChanges(phase, recordChanges, { role: 'participant', participantId: anna, open: true, nodes: () => after, ...who })
}

describe('how many nodes one participant may write to a tree', () => {
  const atCap = tree(TREE_NODES_PER_PARTICIPANT_MAX, TREE_NODES_PER_PARTICIPANT_MAX)
  const next = node('new', 'cause', 'K')

  it.each<[string, WriteRefusal | null, Array<[string, TreeNode | undefined]>, Partial<TreeWriter>]>([
    ['Anna, at her cap, adds one more', WriteRefusal.TOO_MANY_CARDS, [['new', next]], {}],
    ['Bernd adds to the same tree', null, [['new', { ...next, authorId: bernd }]], { participantId: bernd }],
    ['Anna rewords one of hers', null, [['c0', node('c0', 'cause', 'K', { authorId: anna, text: 'genauer' })]], {}],
    ['Anna deletes one of hers', null, [['c0', undefined]], {}],
    ['Anna deletes one of hers and adds another at once', null, [['c0', undefined], ['new', next]], {}],
    ['the facilitator adds one in Anna’s name', null, [['new', next]], facilitator],
  ])('%s → %s', (_name, expected, changes, who) => {
    expect(check(atCap, changes, who)).toBe(expected)
  })

  it('asks the server’s count of the writer’s nodes when it has one, only for an update that adds to them', () => {
    const few = tree(3, 3)
    const counted = { mine: () => TREE_NODES_PER_PARTICIPANT_MAX + 1 }
    expect(check(few, [['new', next]], counted)).toBe(WriteRefusal.TOO_MANY_CARDS)
    expect(check(few, [['c0', undefined]], counted)).toBe(null)
    expect(check(few, [['new', next]], { mine: () => TREE_NODES_PER_PARTICIPANT_MAX })).toBe(null)
  })
})

describe('a full tree still lets everyone make room', () => {
  // 300 nodes: the core, 20 causes of Anna's, the rest a flood of someone else's.
  const full = tree(TREE_NODES_MAX - 1, 20)

  it.each<[string, WriteRefusal | null, Array<[string, TreeNode | undefined]>, Partial<TreeWriter>]>([
    ['Anna adds a cause', WriteRefusal.TOO_MANY_CARDS, [['new', node('new', 'cause', 'K')]], {}],
    ['Anna deletes one of hers', null, [['c0', undefined]], {}],
    ['Anna deletes two of hers and adds one', null, [['c0', undefined], ['c1', undefined], ['new', node('new', 'cause', 'K')]], {}],
    ['Anna moves one of hers', null, [['c0', node('c0', 'cause', 'c1', { authorId: anna })]], {}],
    ['Anna deletes someone else’s', WriteRefusal.NOT_YOUR_CARD, [['c250', undefined]], {}],
    ['the facilitator deletes someone else’s', null, [['c250', undefined]], facilitator],
    ['the facilitator adds a cause', null, [['new', node('new', 'cause', 'K', { authorId: null })]], facilitator],
  ])('%s → %s', (_name, expected, changes, who) => {
    expect(check(full, changes, who)).toBe(expected)
  })

  it('lets a participant swap one of theirs for another in a tree the facilitator filled past the cap', () => {
    const overfull = tree(TREE_NODES_MAX + 5, 20)
    expect(check(overfull, [['c0', undefined], ['new', node('new', 'cause', 'K')]])).toBe(null)
    expect(check(overfull, [['new', node('new', 'cause', 'K')]])).toBe(WriteRefusal.TOO_MANY_CARDS)
  })
})

describe('measures and helpers only on means', () => {
  const objectives = [
    node('G', 'goal', null, { authorId: null }),
    node('M', 'means', 'G', { authorId: null, measures: ['Runder Tisch'] }),
    node('E', 'end', 'G', { authorId: null }),
  ]
  const [goal, means, end] = objectives as [TreeNode, TreeNode, TreeNode]

  it.each<[string, WriteRefusal | null, Array<[string, TreeNode | undefined]>, Partial<TreeWriter>]>([
    ['a participant adds measures to a means', null, [['M', { ...means, measures: ['Runder Tisch', 'Patenschaften'], helpers: ['Jobcenter'] }]], {}],
    ['a participant attaches measures to the goal', WriteRefusal.INVALID_RECORD, [['G', { ...goal, measures: ['Runder Tisch'] }]], {}],
    ['a participant attaches helpers to an end', WriteRefusal.INVALID_RECORD, [['E', { ...end, helpers: ['Jobcenter'] }]], {}],
    ['a participant adds an end of their own with measures', WriteRefusal.INVALID_RECORD, [['E2', node('E2', 'end', 'G', { measures: ['Runder Tisch'] })]], {}],
    ['the facilitator attaches measures to the goal', WriteRefusal.INVALID_RECORD, [['G', { ...goal, measures: ['Runder Tisch'] }]], facilitator],
    // The console's "make it the goal": the means becomes the goal, the old goal a means under it.
    ['the facilitator makes the means the goal; it keeps its measures', null, [['M', { ...means, kind: 'goal', parentId: null }], ['G', { ...goal, kind: 'means', parentId: pad('M') }], ['E', { ...end, parentId: pad('M') }]], facilitator],
  ])('%s → %s', (_name, expected, changes, who) => {
    expect(check(objectives, changes, who, 'objective')).toBe(expected)
  })

  it('lets a goal that kept its lists be reworded and emptied, but not added to', () => {
    const kept = [{ ...goal, measures: ['Runder Tisch'] }, { ...means, parentId: pad('G') }]
    expect(check(kept, [['G', { ...kept[0]!, text: 'Kooperation gelingt' }]], {}, 'objective')).toBe(null)
    expect(check(kept, [['G', { ...goal, text: 'Kooperation gelingt' }]], {}, 'objective')).toBe(null)
    expect(check(kept, [['G', { ...kept[0]!, measures: ['Runder Tisch', 'Patenschaften'] }]], {}, 'objective')).toBe(WriteRefusal.INVALID_RECORD)
  })

  it('refuses lists on a problem tree’s nodes, from the facilitator too', () => {
    expect(check(tree(1, 1), [['c0', node('c0', 'cause', 'K', { measures: ['Runder Tisch'] })]], facilitator)).toBe(WriteRefusal.INVALID_RECORD)
  })
})
