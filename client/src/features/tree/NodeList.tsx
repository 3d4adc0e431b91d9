import { ACTOR_NAME_MAX, TREE_LIST_MAX, TREE_TEXT_MAX, type TreeNode } from '@tischrunde/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { selectTree, useTreeStore } from '../../store/tree-store.js'
import { putTreeNode } from '../../sync/tree-hooks.js'

/**
 * Measures or "Wer kann helfen?" of one means: the list, an entry field, a remove button each. The
 * console edits them, and so does the group on its phones while the solution tree is open. Each
 * change starts from the node as this device holds it at that moment (not as last drawn), and a
 * removal takes out the entry by its text, so an entry added meanwhile is kept. Two devices that
 * change one means within the same instant (or one of them offline) both keep their entries: the
 * server stores the entries of both versions (`keepLostTreeNode`).
 */
export function NodeList(props: { docName: string; node: TreeNode; field: 'measures' | 'helpers'; title: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  // An entry the list holds already (in any case) is said so, not added twice ("Jobcenter" counted twice on the actor map).
  const [twice, setTwice] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)
  const list = props.node[props.field] ?? []
  const label = `${props.title} (${props.node.text})`
  const latest = () => selectTree(props.docName)(useTreeStore.getState()).view.byId.get(props.node.id) ?? props.node
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const entry = text.trim()
    const node = latest()
    const now = node[props.field] ?? []
    if (!entry || now.length >= TREE_LIST_MAX) return
    const same = now.find((x) => x.trim().toLocaleLowerCase('de') === entry.toLocaleLowerCase('de'))
    setTwice(same ?? null)
    if (same) return
    if (putTreeNode(props.docName, { ...node, [props.field]: [...now, entry] })) setText('')
  }
  const remove = (entry: string) => {
    const node = latest()
    const now = node[props.field] ?? []
    putTreeNode(props.docName, { ...node, [props.field]: now.filter((x, i) => i !== now.indexOf(entry)) })
    // Its button is gone: the focus goes to this list's field, where a second Enter does nothing (on
    // the list's first button it took away the next entry, often someone else's).
    field.current?.focus()
  }
  return (
    <form className="tree-node-list" onSubmit={submit} aria-label={label}>
      <strong>{props.title}</strong>
      {list.length > 0 && (
        <ul>
          {list.map((entry, i) => (
            <li key={`${i}-${entry}`}>
              {entry}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('tree.removeEntry', { text: entry })}
                onClick={() => remove(entry)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* A helper is an actor's name on the map: as long as one may be. */}
      <input ref={field} aria-label={t('tree.addEntry', { list: label })} maxLength={props.field === 'helpers' ? ACTOR_NAME_MAX : TREE_TEXT_MAX} value={text} onChange={(e) => (setText(e.target.value), setTwice(null))} />
      <button type="submit" className="secondary" aria-label={t('tree.addTo', { list: label })} disabled={!text.trim() || list.length >= TREE_LIST_MAX}>
        {t('tree.add')}
      </button>
      <p className="muted" role="status">
        {twice && t('tree.alreadyListed', { text: twice })}
      </p>
    </form>
  )
}
