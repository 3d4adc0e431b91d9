import {
  TREE_KINDS,
  type TreeEditResult,
  type TreeItem,
  type TreeNode,
  type TreePhase,
  type TreeView,
  deleteSubtree,
  flattenTree,
  markCore,
  mergeDuplicates,
  mergeTargets,
  moveNode,
  moveTargets,
  reorderNode,
  restoreSubtree,
  rewordNode,
  undoEdit,
  type TreeEdit,
} from '@tischrunde/shared'
import { type DragEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { ActingSelect } from '../../../app/ActingSelect.js'
import { useTranslation } from '../../../i18n/index.js'
import { randomId } from '../../../sync/random-id.js'
import { applyTreeEdit, putTreeNode } from '../../../sync/tree-hooks.js'
import { NodeTextEdit } from './NodeTextEdit.js'
import { NodeList } from '../NodeList.js'

/** How long the note of what an edit did stays, in ms. */
const MESSAGE_MS = 10_000

/** The last delete, to be undone: what was removed and the text shown. */
interface Deleted {
  removed: TreeNode[]
  text: string
}

/**
 * The console's editor of one tree, as facilitators work on a wall: move a node under another (a
 * "verschieben nach …" choice, or drag it onto its new parent), reword it, merge two duplicates
 * (both texts kept), mark the core problem, delete with undo. On the objective tree also: in scope, and
 * measures and "Wer kann helfen?" on means, each objective beside the problem it answers.
 */
export function TreeEditor(props: { docName: string | null; phase: TreePhase; view: TreeView; problems?: TreeView; label: string; refused?: string | null }) {
  const { t } = useTranslation()
  const { docName, phase, view } = props
  const nodes = view.byId
  const [message, setMessage] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<Deleted | null>(null)
  const [dragged, setDragged] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  // After a delete the focus goes to "Rückgängig" (the note stands above the tree, out of view; the deleted row is gone).
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (deleted) undoButton.current?.focus()
  }, [deleted])
  // Each editor's own prefix: the solution tree's objectives carry their problems' ids, and both editors share a page.
  const idPrefix = useId()
  // The last move, merge, new core or new wording, to take back while its note shows.
  const [last, setLast] = useState<{ before: ReadonlyMap<string, TreeNode>; edit: TreeEdit } | null>(null)
  // What an edit did is news for a while, not for the rest of the day (the offer to undo a delete stays).
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => {
      setMessage(null)
      setLast(null)
    }, MESSAGE_MS)
    return () => clearTimeout(timer)
  }, [message])
  const run = (result: TreeEditResult, done: string, undoable = true): boolean => {
    if (!docName) return false
    setLast(null)
    if (!result.ok) {
      setMessage(t(`tree.editRefused.${result.error}`))
      return false
    }
    const applied = applyTreeEdit(docName, result.edit)
    setMessage(applied ? done : t('tree.consoleRefused'))
    if (applied && undoable) setLast({ before: nodes, edit: result.edit })
    // The row moved with its control in focus: the page follows it.
    if (applied) requestAnimationFrame(() => (document.activeElement as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' }))
    return applied
  }
  /** Focus on a node's "Bearbeiten" (after an undo the row is back, maybe elsewhere), or on one of its other buttons. */
  const focusNode = (ids: readonly string[]) =>
    requestAnimationFrame(() => {
      const button = ids.map((id) => document.getElementById(id)).find((b) => b !== null)
      button?.focus()
      button?.scrollIntoView?.({ block: 'nearest' })
    })
  const undoLast = () => {
    if (!last) return
    if (run(undoEdit(phase, last.before, nodes, last.edit, randomId), t('tree.undone'), false)) focusNode(last.edit.put.map((n) => `${idPrefix}-edit-${n.id}`))
  }
  // Back to the node's "Bearbeiten" once its field closes, for the keyboard.
  const closeEdit = (nodeId: string) => {
    setEditingId(null)
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-edit-${nodeId}`)?.focus())
  }
  const remove = (item: TreeItem) => {
    if (!docName) return
    const { edit, removed } = deleteSubtree(nodes, item.node.id)
    if (applyTreeEdit(docName, edit)) {
      setDeleted({ removed, text: item.node.text })
      setMessage(null)
    }
  }
  const undo = () => {
    if (!deleted) return
    if (run(restoreSubtree(phase, nodes, deleted.removed, randomId), t('tree.restored', { text: deleted.text }), false)) focusNode(deleted.removed.map((n) => `${idPrefix}-edit-${n.id}`))
    setDeleted(null)
  }
  // Ctrl+Z (⌘Z) takes the last change back from anywhere in the editor but a text field: the note
  // with its button stands above the tree, often far out of view.
  const undoKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return
    if (!deleted && !last) return
    e.preventDefault()
    if (deleted) undo()
    else undoLast()
  }
  const drop = (e: DragEvent, target: TreeNode) => {
    e.preventDefault()
    const id = dragged ?? e.dataTransfer.getData('text/plain')
    setDragged(null)
    if (id && id !== target.id) run(moveNode(phase, nodes, id, target.id), t('tree.moved', { text: nodes.get(id)?.text ?? '', parent: target.text }))
  }
  const items = flattenTree(view)
  // The places and twins offered are named with their numbers, as the outline shows them: near-duplicates stay apart.
  const numberOf = new Map(items.map((i) => [i.node.id, i.number]))
  // And in the outline's order (1.1, 1.1.1, 1.2 …), not in the order they were written.
  const placeOf = new Map(items.map((i, k) => [i.node.id, k]))
  const inOutline = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (placeOf.get(a.id) ?? Infinity) - (placeOf.get(b.id) ?? Infinity))
  const core = TREE_KINDS[phase].core
  return (
    <div className="tree-editor" onKeyDown={undoKey}>
      {/* The server took the last change back: someone changed the tree meanwhile. */}
      {props.refused && (
        <p role="alert" className="field-error">
          {t(props.refused === 'TREE_CONFLICT' ? 'tree.consoleConflict' : 'tree.consoleRefused')}
        </p>
      )}
      {!props.refused && (message || deleted) && (
        <p role="status" className="tree-editor-status">
          {deleted ? t('tree.deleted', { text: deleted.text }) : message}{' '}
          {deleted && (
            <button ref={undoButton} type="button" className="secondary" onClick={undo} aria-keyshortcuts="Control+Z">
              {t('tree.undo')}
            </button>
          )}
          {!deleted && last && (
            <button type="button" className="secondary" onClick={undoLast} aria-keyshortcuts="Control+Z">
              {t('tree.undo')}
            </button>
          )}
          {(deleted || last) && <span className="muted"> {t('tree.undoKey')}</span>}
        </p>
      )}
      {items.length === 0 && <p>{t(phase === 'problem' ? 'tree.consoleEmpty' : 'tree.consoleEmptyObjectives')}</p>}
      <ol className="tree-edit-list" aria-label={props.label}>
        {items.map((item) => {
          const n = item.node
          const text = n.text
          const problem = n.answersProblemId ? props.problems?.byId.get(n.answersProblemId) : undefined
          const targets = inOutline(moveTargets(phase, nodes, n.id))
          const twins = inOutline(mergeTargets(nodes, n.id))
          const promotable = n.kind !== core && (n.parentId === view.core?.node.id || !view.core)
          return (
            <li
              key={n.id}
              className={`tree-edit-item tree-kind-${n.kind}${n.inScope ? ' tree-in-scope' : ''}`}
              style={{ marginLeft: `${item.depth * 1.2}rem` }}
              draggable={n.kind !== core && editingId !== n.id}
              onDragStart={(e) => {
                setDragged(n.id)
                e.dataTransfer.setData('text/plain', n.id)
              }}
              onDragOver={(e) => dragged && dragged !== n.id && e.preventDefault()}
              onDrop={(e) => drop(e, n)}
            >
              <div className="tree-edit-head">
                {phase === 'objective' && (
                  <label className="tree-in-scope-toggle">
                    <input type="checkbox" checked={n.inScope === true} onChange={() => docName && putTreeNode(docName, { ...n, inScope: !n.inScope })} aria-label={t('tree.inScope', { text })} />
                    <span aria-hidden="true">{t('tree.inScopeShort')}</span>
                  </label>
                )}
                <span>
                  <strong>
                    {item.number} {t(`tree.kind.${n.kind}`)}:
                  </strong>{' '}
                  {editingId !== n.id && text}
                  {editingId !== n.id && n.placeholder && <span className="muted"> {t('tree.placeholder')}</span>}
                </span>
                {problem && <span className="muted"> · {t('tree.answers', { text: problem.text })}</span>}
              </div>
              {editingId === n.id && (
                <NodeTextEdit
                  node={n}
                  onSave={(next) => {
                    const saved = run(rewordNode(phase, nodes, n.id, next), t('tree.reworded', { text: next.trim() }))
                    if (saved) closeEdit(n.id)
                    return saved
                  }}
                  onCancel={() => closeEdit(n.id)}
                />
              )}
              <div className="tree-edit-actions">
                {editingId !== n.id && (
                  <button type="button" id={`${idPrefix}-edit-${n.id}`} className="secondary" aria-label={t('tree.editOf', { text })} onClick={() => setEditingId(n.id)}>
                    {t('tree.edit')}
                  </button>
                )}
                {targets.length > 0 && (
                  <ActingSelect aria-label={t('tree.moveTo', { text })} value="" onAct={(to) => to && run(moveNode(phase, nodes, n.id, to), t('tree.moved', { text, parent: nodes.get(to)?.text ?? '' }))}>
                    <option value="">{t('tree.moveToShort')}</option>
                    {targets.map((p) => (
                      <option key={p.id} value={p.id}>
                        {numberOf.get(p.id) ?? ''} {t(`tree.kind.${p.kind}`)}: {p.text}
                      </option>
                    ))}
                  </ActingSelect>
                )}
                {twins.length > 0 && (
                  <ActingSelect aria-label={t('tree.mergeWith', { text })} value="" onAct={(other) => {
                      if (!other) return
                      // The older of the two stays (see mergeDuplicates): the message names it.
                      const merged = mergeDuplicates(phase, nodes, n.id, other)
                      // The focus to the merged row's "Bearbeiten": in the editor, where Ctrl+Z takes the merge back.
                      if (run(merged, t('tree.merged', { text: (merged.ok && nodes.get(merged.edit.put[0]!.id)?.text) || text })) && merged.ok) focusNode([`${idPrefix}-edit-${merged.edit.put[0]!.id}`])
                    }}>
                    <option value="">{t('tree.mergeWithShort')}</option>
                    {twins.map((p) => (
                      <option key={p.id} value={p.id}>
                        {numberOf.get(p.id) ?? ''} {t(`tree.kind.${p.kind}`)}: {p.text}
                      </option>
                    ))}
                  </ActingSelect>
                )}
                {(['up', 'down'] as const).map((way) => {
                  const edit = reorderNode(nodes, n.id, way === 'up' ? -1 : 1)
                  return (
                    edit && (
                      <button
                        key={way}
                        id={`${idPrefix}-${way}-${n.id}`}
                        type="button"
                        className="secondary"
                        aria-label={t(`tree.${way}Of`, { text })}
                        onClick={() => {
                          // Said and undoable like every edit; at the first or last place the button goes, the focus to its other one.
                          if (run({ ok: true, edit }, t(`tree.${way}Done`, { text }))) focusNode([`${idPrefix}-${way}-${n.id}`, `${idPrefix}-${way === 'up' ? 'down' : 'up'}-${n.id}`, `${idPrefix}-edit-${n.id}`])
                        }}
                      >
                        {way === 'up' ? '↑' : '↓'}
                      </button>
                    )
                  )
                })}
                {promotable && (
                  <button type="button" className="secondary" aria-label={t(phase === 'problem' ? 'tree.markCoreOf' : 'tree.markGoalOf', { text })} onClick={() => run(markCore(phase, nodes, n.id), t('tree.coreMarked', { text }))}>
                    {t(phase === 'problem' ? 'tree.markCore' : 'tree.markGoal')}
                  </button>
                )}
                <button type="button" className="secondary" aria-label={t('tree.deleteOf', { text })} onClick={() => remove(item)}>
                  {t('tree.delete')}
                </button>
              </div>
              {n.kind === 'means' && docName && (
                <div className="tree-means">
                  <NodeList docName={docName} node={n} field="measures" title={t('tree.measures')} />
                  <NodeList docName={docName} node={n} field="helpers" title={t('tree.helpers')} />
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
