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
    expect(within(move).getAllByRole('option').map((o) => o.textContent)).toEqual(['Verschieben nach …', '1.1 Ursache: Keine Ansprechpersonen'])
    fireEvent.change(move, { target: { value: 'cause001' } })
    expect(edits).toHaveLength(1)
    expect(applyEdit(new Map(nodes.map((x) => [x.id, x])), edits[0]!).get('cause002')?.parentId).toBe('cause001')
    expect(screen.getByRole('status').textContent).toContain('„Ehrenamt wechselt“ hängt jetzt unter „Keine Ansprechpersonen“.')
  })

  it('offers the places to move to in the order of the outline, not in the order they were written', () => {
    const written = [
      ...nodes,
      n('cause003', 'cause', 'cause002', 'Keine Freistellung', 0),
      n('cause004', 'cause', 'cause001', 'Zuständigkeit unklar', 0),
      n('effect02', 'effect', 'core0001', 'Frust im Ehrenamt', 3),
      // Written last, placed first among the causes.
      n('cause005', 'cause', 'core0001', 'Fehlende Räume', -1),
    ]
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(written)} label="Problembaum" />)
    const move = screen.getByRole('combobox', { name: 'Keine Freistellung verschieben nach …' })
    const numbers = within(move).getAllByRole('option').slice(1).map((o) => o.textContent!.split(' ')[0]!)
    expect(numbers).toEqual([...numbers].sort((a, b) => a.localeCompare(b, 'de', { numeric: true })))
    expect(numbers.length).toBeGreaterThan(1)
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
    // The keyboard lands on "Rückgängig", not on the page's start.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rückgängig' }))
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

  it('keeps the focus in the tree after a merge, on the merged row, where Ctrl+Z takes it back', async () => {
    const twins = [...nodes.slice(0, 2), n('cause002', 'cause', 'core0001', 'Keine Ansprechperson', 1)]
    const { rerender } = render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(twins)} label="Problembaum" />)
    const select = screen.getByRole('combobox', { name: 'Keine Ansprechperson zusammenführen mit …' })
    select.focus()
    fireEvent.change(select, { target: { value: 'cause001' } })
    expect(edits).toHaveLength(1)
    const after = applyEdit(new Map(twins.map((x) => [x.id, x])), edits[0]!)
    rerender(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords([...after.values()])} label="Problembaum" />)
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    // A walk's focus went to the heading above the editor, where Ctrl+Z did nothing.
    const kept = [...after.values()].find((x) => x.kind === 'cause')!
    expect(document.activeElement?.id).toMatch(new RegExp(`-edit-${kept.id}$`))
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true })
    expect(edits).toHaveLength(2)
    expect(applyEdit(after, edits[1]!).size).toBe(3)
  })

  it('moves a cause down among its siblings with one button', () => {
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    expect(screen.queryByRole('button', { name: 'Ehrenamt wechselt nach unten' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Keine Ansprechpersonen nach unten' }))
    const after = applyEdit(new Map(nodes.map((x) => [x.id, x])), edits[0]!)
    expect(after.get('cause001')!.order).toBeGreaterThan(after.get('cause002')!.order)
  })

  it('says a move among siblings, keeps the focus on the row at its last place, and takes the last change back with Ctrl+Z', async () => {
    const { rerender } = render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    const down = screen.getByRole('button', { name: 'Keine Ansprechpersonen nach unten' })
    down.focus()
    fireEvent.click(down)
    expect(screen.getByRole('status').textContent).toContain('„Keine Ansprechpersonen“ steht jetzt weiter unten.')
    // Now last of the two causes: its "nach unten" is gone, the focus goes to its "nach oben".
    const after = applyEdit(new Map(nodes.map((x) => [x.id, x])), edits[0]!)
    rerender(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords([...after.values()])} label="Problembaum" />)
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keine Ansprechpersonen nach oben' }))
    // Ctrl+Z from the row: the move is taken back, without a trip to the note above the tree.
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true })
    expect(edits).toHaveLength(2)
    const undone = applyEdit(after, edits[1]!)
    expect(undone.get('cause001')!.order).toBeLessThan(undone.get('cause002')!.order)
  })

  it('rewords a node in place: the long text of a refused merge is shortened, then the merge goes through', () => {
    const long = [...nodes.slice(0, 2), n('cause002', 'cause', 'core0001', 'x'.repeat(270), 1)]
    const { rerender } = render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(long)} label="Problembaum" />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Keine Ansprechpersonen zusammenführen mit …' }), { target: { value: 'cause002' } })
    expect(screen.getByRole('status').textContent?.trim()).toBe('Beide Texte zusammen sind zu lang für einen Eintrag. Kürzen Sie zuerst einen davon.')
    fireEvent.click(screen.getByRole('button', { name: `${'x'.repeat(270)} bearbeiten` }))
    const field = screen.getByRole('textbox', { name: 'Text' })
    expect(field).toBe(document.activeElement)
    fireEvent.change(field, { target: { value: '  Ehrenamt wechselt oft  ' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(edits).toHaveLength(1)
    const after = applyEdit(new Map(long.map((x) => [x.id, x])), edits[0]!)
    expect(after.get('cause002')!.text).toBe('Ehrenamt wechselt oft')
    expect(screen.queryByRole('textbox', { name: 'Text' })).toBeNull()
    expect(screen.getByRole('status').textContent).toContain('Geändert: „Ehrenamt wechselt oft“.')
    rerender(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords([...after.values()])} label="Problembaum" />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Keine Ansprechpersonen zusammenführen mit …' }), { target: { value: 'cause002' } })
    expect(applyEdit(after, edits[1]!).get('cause001')!.text).toBe('Keine Ansprechpersonen / Ehrenamt wechselt oft')
  })

  it('keeps a text over the limit out (Speichern waits), Escape leaves the node as it was', () => {
    render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    fireEvent.click(screen.getByRole('button', { name: 'Angebote doppelt bearbeiten' }))
    const field = screen.getByRole('textbox', { name: 'Text' })
    fireEvent.change(field, { target: { value: 'y'.repeat(285) } })
    expect(screen.getByText('5 Zeichen zu viel')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Speichern' }).hasAttribute('disabled')).toBe(true)
    fireEvent.keyDown(field, { key: 'Enter' })
    fireEvent.keyDown(field, { key: 'Escape' })
    expect(edits).toHaveLength(0)
    expect(screen.queryByRole('textbox', { name: 'Text' })).toBeNull()
    expect(screen.getByText('Angebote doppelt')).toBeTruthy()
  })

  it('says so when someone changes the text being reworded, and keeps what is typed', () => {
    const { rerender } = render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    fireEvent.click(screen.getByRole('button', { name: 'Angebote doppelt bearbeiten' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), { target: { value: 'Angebote laufen doppelt' } })
    const changed = nodes.map((x) => (x.id === 'effect01' ? { ...x, text: 'Angebote doppeln sich' } : x))
    rerender(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(changed)} label="Problembaum" />)
    expect(screen.getByRole('alert').textContent).toBe('Jemand hat diesen Text inzwischen geändert in: „Angebote doppeln sich“. Speichern ersetzt ihn durch Ihren.')
    expect((screen.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe('Angebote laufen doppelt')
  })

  it('ends an objective\'s placeholder when the facilitator rewords it', () => {
    const objectives = [n('goal0001', 'goal', null, 'Kooperation stockt'), { ...n('means001', 'means', 'goal0001', 'Keine Ansprechpersonen'), placeholder: true }]
    render(<TreeEditor docName="tree.e.g.objective" phase="objective" view={readTreeRecords(objectives)} label="Lösungsbaum" />)
    fireEvent.click(screen.getByRole('button', { name: 'Keine Ansprechpersonen bearbeiten' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), { target: { value: 'Feste Ansprechpersonen in jedem Amt' } })
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(edits[0]!.put[0]).toMatchObject({ id: 'means001', text: 'Feste Ansprechpersonen in jedem Amt', placeholder: false })
  })

  it('takes back a new core problem with Rückgängig while its note shows', () => {
    const { rerender } = render(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords(nodes)} label="Problembaum" />)
    const before = new Map(nodes.map((x) => [x.id, x]))
    // The first offer is the first cause's ("Keine Ansprechpersonen"): causes come first under the core.
    fireEvent.click(screen.getByRole('button', { name: /Keine Ansprechpersonen als Kernproblem markieren$/ }))
    const after = applyEdit(before, edits[0]!)
    expect(after.get('cause001')!.kind).toBe('core')
    rerender(<TreeEditor docName="tree.e.g.problem" phase="problem" view={readTreeRecords([...after.values()])} label="Problembaum" />)
    fireEvent.click(screen.getByRole('button', { name: 'Rückgängig' }))
    const back = applyEdit(after, edits[1]!)
    expect([...back.values()].map((x) => [x.id, x.kind, x.parentId]).sort()).toEqual([...before.values()].map((x) => [x.id, x.kind, x.parentId]).sort())
    expect(screen.getByRole('status').textContent?.trim()).toBe('Zurückgenommen.')
    expect(screen.queryByRole('button', { name: 'Rückgängig' })).toBeNull()
  })
})


describe('the measures and helpers of a means', () => {
  it('name each "Hinzufügen" with its list and its means, so that a screen reader tells them apart', () => {
    const solution = [n('goal0001', 'goal', null, 'Kooperation gelingt'), n('means001', 'means', 'goal0001', 'Ansprechpersonen benennen', 0), n('means002', 'means', 'goal0001', 'Runder Tisch', 1)]
    render(<TreeEditor docName="tree.e.g.solution" phase="objective" view={readTreeRecords(solution)} label="Lösungsbaum" />)
    const names = screen.getAllByRole('button', { name: /^Hinzufügen/ }).map((b) => b.getAttribute('aria-label'))
    expect(names).toEqual([
      'Hinzufügen: Maßnahmen (Ansprechpersonen benennen)',
      'Hinzufügen: Wer kann helfen? (Ansprechpersonen benennen)',
      'Hinzufügen: Maßnahmen (Runder Tisch)',
      'Hinzufügen: Wer kann helfen? (Runder Tisch)',
    ])
  })
})
