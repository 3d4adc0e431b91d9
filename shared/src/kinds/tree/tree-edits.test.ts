import { describe, expect, it } from 'vitest'
import { applyEdit, deleteSubtree, markCore, mergeDuplicates, mergeNodes, moveNode, moveTargets, reorderNode, restoreSubtree, rewordNode, undoEdit } from './tree-edits.js'
import { findTreeProblem } from './tree-rules.js'
import { node, pad, treeOf } from './tree-test-nodes.js'

// core ← cause a ← cause a1; core ← cause b; core → effect e (effect under the core)
const tree = () =>
  treeOf(
    node('core', 'core', null, { text: 'Kooperation stockt' }),
    node('a', 'cause', 'core', { text: 'Keine Ansprechpersonen' }),
    node('a1', 'cause', 'a', { text: 'Ehrenamt wechselt' }),
    node('b', 'cause', 'core', { text: 'keine Ansprechpartner' }),
    node('e', 'effect', 'core', { text: 'Angebote doppelt' }),
  )
const ids = (list: { id: string }[]) => list.map((n) => n.id).sort()

describe('the console’s tree edits', () => {
  it('rewords a node (trimmed), refuses an empty or over-long text and a node that is gone', () => {
    const nodes = tree()
    const done = rewordNode('problem', nodes, pad('a'), '  Keine festen Ansprechpersonen ')
    expect(done.ok && applyEdit(nodes, done.edit).get(pad('a'))).toMatchObject({ text: 'Keine festen Ansprechpersonen', parentId: pad('core'), kind: 'cause' })
    expect(rewordNode('problem', nodes, pad('a'), '   ')).toEqual({ ok: false, error: 'EMPTY' })
    expect(rewordNode('problem', nodes, pad('a'), 'x'.repeat(281))).toEqual({ ok: false, error: 'TOO_LONG' })
    expect(rewordNode('problem', nodes, pad('gone'), 'Text')).toEqual({ ok: false, error: 'NOT_FOUND' })
  })

  it('merges duplicates into the older node, whichever was picked first: it keeps its place, its children and its text first', () => {
    // "a" (with its child a1) was there first; "b" is a phone's later duplicate of it.
    const nodes = treeOf(...[...tree().values()].map((n) => (n.id === pad('b') ? { ...n, createdAt: 50, order: 1 } : n)))
    for (const [picked, chosen] of [
      [pad('b'), pad('a')],
      [pad('a'), pad('b')],
    ] as const) {
      const merged = mergeDuplicates('problem', nodes, picked, chosen)
      const after = merged.ok ? applyEdit(nodes, merged.edit) : new Map()
      expect(after.get(pad('a'))).toMatchObject({ text: 'Keine Ansprechpersonen / keine Ansprechpartner', parentId: pad('core'), order: 0 })
      expect(after.has(pad('b'))).toBe(false)
      expect(after.get(pad('a1'))).toMatchObject({ parentId: pad('a') })
    }
    // An older node below the newer one: the newer stays (the older's place would be under itself).
    const below = treeOf(node('core', 'core', null), node('n', 'cause', 'core', { createdAt: 9 }), node('o', 'cause', 'n', { createdAt: 2 }))
    const up = mergeDuplicates('problem', below, pad('o'), pad('n'))
    expect(up.ok && applyEdit(below, up.edit).has(pad('n'))).toBe(true)
  })

  it('moves a cause under another cause, and offers only places it fits', () => {
    const nodes = tree()
    expect(ids(moveTargets('problem', nodes, pad('b')))).toEqual([pad('a'), pad('a1')].sort())
    const moved = moveNode('problem', nodes, pad('b'), pad('a'))
    expect(moved.ok && applyEdit(nodes, moved.edit).get(pad('b'))?.parentId).toBe(pad('a'))
  })

  it('refuses a move under the node’s own descendant and a cause under an effect', () => {
    expect(moveNode('problem', tree(), pad('a'), pad('a1'))).toEqual({ ok: false, error: 'UNDER_ITSELF' })
    expect(moveNode('problem', tree(), pad('b'), pad('e'))).toEqual({ ok: false, error: 'WRONG_PLACE' })
  })

  it('merges two duplicates keeping both texts and the dropped one’s children', () => {
    const nodes = tree()
    const merged = mergeNodes('problem', nodes, pad('b'), pad('a'))
    expect(merged.ok).toBe(true)
    if (!merged.ok) return
    const after = applyEdit(nodes, merged.edit)
    expect(after.get(pad('b'))?.text).toBe('keine Ansprechpartner / Keine Ansprechpersonen')
    expect(after.has(pad('a'))).toBe(false)
    expect(after.get(pad('a1'))?.parentId).toBe(pad('b'))
    expect(findTreeProblem('problem', after)).toBeNull()
  })

  it('refuses a merge whose texts together are too long, or of a node into its own child', () => {
    const nodes = tree()
    nodes.set(pad('b'), { ...nodes.get(pad('b'))!, text: 'x'.repeat(270) })
    expect(mergeNodes('problem', nodes, pad('b'), pad('a'))).toEqual({ ok: false, error: 'TOO_LONG' })
    expect(mergeNodes('problem', tree(), pad('a1'), pad('a'))).toEqual({ ok: false, error: 'UNDER_ITSELF' })
  })

  it('marks a cause as the core problem: the old core becomes its effect, the other causes move with it', () => {
    const nodes = tree()
    const marked = markCore('problem', nodes, pad('a'))
    expect(marked.ok).toBe(true)
    if (!marked.ok) return
    const after = applyEdit(nodes, marked.edit)
    expect(after.get(pad('a'))).toMatchObject({ kind: 'core', parentId: null })
    expect(after.get(pad('core'))).toMatchObject({ kind: 'effect', parentId: pad('a') })
    expect(after.get(pad('b'))?.parentId).toBe(pad('a'))
    expect(after.get(pad('e'))?.parentId).toBe(pad('core'))
    expect(findTreeProblem('problem', after)).toBeNull()
    expect(markCore('problem', nodes, pad('a1'))).toEqual({ ok: false, error: 'NOT_NEXT_TO_CORE' })
  })

  it('deletes a sub-tree and brings it back under fresh ids', () => {
    const nodes = tree()
    const { edit, removed } = deleteSubtree(nodes, pad('a'))
    expect(edit.remove.sort()).toEqual([pad('a'), pad('a1')].sort())
    const without = applyEdit(nodes, edit)
    let n = 0
    const back = restoreSubtree('problem', without, removed, () => `fresh-${++n}-x`)
    expect(back.ok).toBe(true)
    if (!back.ok) return
    const after = applyEdit(without, back.edit)
    expect([...after.values()].map((x) => x.text).sort()).toEqual([...tree().values()].map((x) => x.text).sort())
    expect(after.has(pad('a'))).toBe(false)
    expect(findTreeProblem('problem', after)).toBeNull()
  })

  it('reorders a cause among its sibling causes, and not past the end', () => {
    const nodes = tree()
    nodes.set(pad('b'), { ...nodes.get(pad('b'))!, order: 1 })
    const down = reorderNode(nodes, pad('a'), 1)!
    const after = applyEdit(nodes, down)
    expect(after.get(pad('a'))!.order).toBeGreaterThan(after.get(pad('b'))!.order)
    expect(reorderNode(after, pad('a'), 1)).toBeNull()
    // Two siblings with the same order (added at once) still swap.
    const tied = tree()
    const up = applyEdit(tied, reorderNode(tied, pad('b'), -1)!)
    expect(up.get(pad('b'))!.order).toBeLessThan(up.get(pad('a'))!.order)
  })

  describe('taking an edit back', () => {
    let n = 0
    const newId = () => `fresh${String(++n).padStart(3, '0')}`
    const outline = (nodes: ReturnType<typeof tree>) => [...nodes.values()].map((x) => `${x.text} <- ${nodes.get(x.parentId ?? '')?.text ?? '-'}`).sort()

    it('undoes a merge: both nodes again, the dropped one under a fresh id with its children back under it', () => {
      const before = tree()
      const merged = mergeNodes('problem', before, pad('b'), pad('a'))
      expect(merged.ok).toBe(true)
      if (!merged.ok) return
      const after = applyEdit(before, merged.edit)
      const undone = undoEdit('problem', before, after, merged.edit, newId)
      expect(undone.ok).toBe(true)
      if (!undone.ok) return
      const back = applyEdit(after, undone.edit)
      expect(outline(back)).toEqual(outline(before))
      expect(findTreeProblem('problem', back)).toBeNull()
    })

    it('undoes a new core problem: the old core is the core again, every node where it was', () => {
      const before = tree()
      const marked = markCore('problem', before, pad('a'))
      expect(marked.ok).toBe(true)
      if (!marked.ok) return
      const after = applyEdit(before, marked.edit)
      const undone = undoEdit('problem', before, after, marked.edit, newId)
      expect(undone.ok && [...applyEdit(after, undone.edit).values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([...before.values()].sort((x, y) => (x.id < y.id ? -1 : 1)))
    })

    it('refuses when someone changed a node of the edit meanwhile', () => {
      const before = tree()
      const moved = moveNode('problem', before, pad('b'), pad('a'))
      if (!moved.ok) throw new Error('move refused')
      const after = applyEdit(before, moved.edit)
      const changed = new Map(after)
      changed.set(pad('b'), { ...after.get(pad('b'))!, text: 'Kein Geld mehr' })
      expect(undoEdit('problem', before, changed, moved.edit, newId)).toEqual({ ok: false, error: 'CHANGED_SINCE' })
    })
  })
})

