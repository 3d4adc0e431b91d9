import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type TreeNode, applyEdit, readTreeRecords } from '@tischrunde/shared'
import '../../../i18n/tree-wording.js'
import { TreeEditor } from './TreeEditor.js'

const edits: { put: TreeNode[]; remove: string[] }[] = []
vi.mock('../../../sync/tree-hooks.js', () => ({
  applyTreeEdit: (_doc: string, edit: { put: TreeNode[]; remove: string[] }) => (edits.push(edit), true),
  putTreeNode: () => true,
}))

const n = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId: null, createdAt: 1 })
const nodes = [
  n('core0001', 'core', null, 'Kooperation stockt'),
  n('cause001', 'cause', 'core0001', 'Keine Ansprechpersonen', 0),
  n('cause002', 'cause', 'core0001', 'Ehrenamt wechselt', 1),
  n('effect01', 'effect', 'core0001', 'Angebote doppelt', 2),
]

describe('the console’s tree editor', () => {
  afterEach(() => void edits.splice(0))

  it('offers a cause only the places it fits and moves it under another cause in one edit', () => {
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    const move = screen.getByRole('combobox', { name: 'Ehrenamt wechselt verschieben nach …' })
    expect(within(move).getAllByRole('option').map((o) => o.textContent)).toEqual(['Verschieben nach …', 'Ursache: Keine Ansprechpersonen'])
    fireEvent.change(move, { target: { value: 'cause001' } })
    expect(edits).toHaveLength(1)
    expect(applyEdit(new Map(nodes.map((x) => [x.id, x])), edits[0]!).get('cause002')?.parentId).toBe('cause001')
    expect(screen.getByRole('status').textContent?.trim()).toBe('„Ehrenamt wechselt“ hängt jetzt unter „Keine Ansprechpersonen“.')
  })

  it('lets the note of what an edit did go after a while', () => {
    vi.useFakeTimers()
    try {
      render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
      fireEvent.change(screen.getByRole('combobox', { name: 'Ehrenamt wechselt verschieben nach …' }), { target: { value: 'cause001' } })
      expect(screen.getByRole('status').textContent).toContain('hängt jetzt unter')
      act(() => void vi.advanceTimersByTime(10_000))
      expect(screen.queryByRole('status')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('deletes a node and brings it back under a fresh id with Rückgängig', () => {
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    fireEvent.click(screen.getByRole('button', { name: 'Angebote doppelt löschen' }))
    expect(edits[0]).toEqual({ put: [], remove: ['effect01'] })
    expect(screen.getByRole('status').textContent).toContain('„Angebote doppelt“ gelöscht.')
    fireEvent.click(screen.getByRole('button', { name: 'Rückgängig' }))
    const restored = edits[1]!.put
    expect(restored.map((x) => [x.text, x.parentId])).toEqual([['Angebote doppelt', 'core0001']])
    expect(restored[0]!.id).not.toBe('effect01')
  })

  it('merges two duplicates with both texts, and words a merge that would be too long', () => {
    const long = [...nodes.slice(0, 2), n('cause002', 'cause', 'core0001', 'x'.repeat(270), 1)]
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(long)} label="Problembaum" />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Keine Ansprechpersonen zusammenführen mit …' }), { target: { value: 'cause002' } })
    expect(edits).toHaveLength(0)
    expect(screen.getByRole('status').textContent?.trim()).toBe('Beide Texte zusammen sind zu lang für einen Eintrag. Kürzen Sie zuerst einen davon.')
  })

  it('moves a cause down among its siblings with one button', () => {
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    expect(screen.queryByRole('button', { name: 'Ehrenamt wechselt nach unten' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Keine Ansprechpersonen nach unten' }))
    const after = applyEdit(new Map(nodes.map((x) => [x.id, x])), edits[0]!)
    expect(after.get('cause001')!.order).toBeGreaterThan(after.get('cause002')!.order)
  })
})
