import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { TreeNode } from '@tischrunde/shared'
import '../../../i18n/tree-wording.js'
import { AddNodeForm } from './AddNodeForm.js'

const node = (text: string): TreeNode => ({ id: 'cause001', kind: 'cause', parentId: 'core0001', order: 0, text, authorId: 'p1', createdAt: 1 })

describe('the phone’s form while rewording a node', () => {
  it('says so when someone else changes the text meanwhile, keeps what is typed, and saves it only on Speichern', () => {
    const onSave = vi.fn(() => true)
    const props = { phase: 'problem' as const, parent: null, hasCore: true, onAdd: () => true, onSave, onCancelEdit: () => {} }
    const { rerender } = render(<AddNodeForm {...props} editing={node('Keine Zeit')} />)
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Keine Zeit für Netzwerkarbeit' } })
    expect(screen.queryByRole('alert')).toBeNull()
    rerender(<AddNodeForm {...props} editing={node('Zu wenig Zeit')} />)
    expect(screen.getByRole('alert').textContent).toBe('Jemand hat diesen Text inzwischen geändert in: „Zu wenig Zeit“. Speichern ersetzt ihn durch deinen.')
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('Keine Zeit für Netzwerkarbeit')
    expect(onSave).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(onSave).toHaveBeenCalledWith('Keine Zeit für Netzwerkarbeit')
  })

  it('starts in the field, leaves with Escape, and offers "Eintrag löschen" only where the tree lets the writer delete', () => {
    const onCancelEdit = vi.fn()
    const onDelete = vi.fn()
    const props = { phase: 'problem' as const, parent: null, hasCore: true, onAdd: () => true, onSave: () => true, onCancelEdit }
    const { rerender } = render(<AddNodeForm {...props} editing={node('Keine Zeit')} />)
    expect(document.activeElement).toBe(screen.getByLabelText('Text'))
    expect(screen.queryByRole('button', { name: 'Eintrag löschen' })).toBeNull()
    fireEvent.keyDown(screen.getByLabelText('Text'), { key: 'Escape' })
    expect(onCancelEdit).toHaveBeenCalledTimes(1)
    rerender(<AddNodeForm {...props} editing={node('Keine Zeit')} onDelete={onDelete} />)
    fireEvent.click(screen.getByRole('button', { name: 'Eintrag löschen' }))
    expect(onDelete).toHaveBeenCalledTimes(1)
  })

  it('sends with Ctrl+Enter (⌘+Enter on a Mac), as the card form does', () => {
    const onAdd = vi.fn(() => true)
    render(<AddNodeForm phase="problem" parent={null} hasCore={false} onAdd={onAdd} onSave={() => true} onCancelEdit={() => {}} editing={null} />)
    const field = screen.getByLabelText('Text')
    fireEvent.change(field, { target: { value: 'Zu wenig Zeit für Netzwerkarbeit' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(onAdd).not.toHaveBeenCalled()
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true })
    expect(onAdd).toHaveBeenCalledTimes(1)
    fireEvent.change(field, { target: { value: 'Keine Stellen' } })
    fireEvent.keyDown(field, { key: 'Enter', metaKey: true })
    expect(onAdd).toHaveBeenCalledTimes(2)
  })
})

describe('the phone’s form under a node as deep as a tree may go', () => {
  it('offers nothing to add there and says why, instead of sending a node the server takes back', () => {
    const onAdd = vi.fn(() => true)
    render(<AddNodeForm phase="problem" parent={node('Ehrenamt wechselt oft')} deepest hasCore onAdd={onAdd} onSave={() => true} onCancelEdit={() => {}} editing={null} />)
    expect(screen.getByText('Hier geht es nicht tiefer: Ein Baum hat höchstens 20 Ebenen. Wähle einen Punkt weiter oben.')).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Was schreibst du?' })).toBeNull()
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Noch eine Ursache' } })
    expect((screen.getByRole('button', { name: 'Senden' }) as HTMLButtonElement).disabled).toBe(true)
    expect(onAdd).not.toHaveBeenCalled()
  })
})
