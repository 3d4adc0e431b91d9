import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { TreeNode } from '@tischrunde/shared'
import '../../i18n/tree-wording.js'
import { NodeList } from './NodeList.js'

const put = vi.fn((_doc: string, _node: TreeNode) => true)
vi.mock('../../sync/tree-hooks.js', () => ({ putTreeNode: (doc: string, node: TreeNode) => put(doc, node) }))

const means: TreeNode = { id: 'means001', kind: 'means', parentId: 'goal0001', order: 0, text: 'Sprachkurse ausbauen', authorId: null, createdAt: 1, helpers: ['Jobcenter'] }

describe('"Wer kann helfen?" under a means', () => {
  it('says an actor is listed already instead of adding it twice, and adds another', () => {
    render(<NodeList docName="tree.e.g.objective" node={means} field="helpers" title="Wer kann helfen?" />)
    const field = screen.getByRole('textbox')
    fireEvent.change(field, { target: { value: ' jobcenter ' } })
    fireEvent.submit(field.closest('form')!)
    expect(put).not.toHaveBeenCalled()
    expect(screen.getByRole('status').textContent).toBe('„Jobcenter“ steht hier schon.')
    fireEvent.change(field, { target: { value: 'VHS' } })
    expect(screen.getByRole('status').textContent).toBe('')
    fireEvent.submit(field.closest('form')!)
    expect(put.mock.calls[0]![1].helpers).toEqual(['Jobcenter', 'VHS'])
    // A helper is an actor's name on the map: the field stops where a name must.
    expect((field as HTMLInputElement).maxLength).toBe(120)
  })
})
