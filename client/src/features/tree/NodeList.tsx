import { TREE_LIST_MAX, TREE_TEXT_MAX, type TreeNode } from '@tischrunde/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { putTreeNode } from '../../sync/tree-hooks.js'

/**
 * Measures or "Wer kann helfen?" of one means: the list, an entry field, a remove button each. The
 * console edits them, and so does the group on its phones while the solution tree is open.
 */
export function NodeList(props: { docName: string; node: TreeNode; field: 'measures' | 'helpers'; title: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const list = props.node[props.field] ?? []
  const label = `${props.title} (${props.node.text})`
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const entry = text.trim()
    if (!entry || list.length >= TREE_LIST_MAX) return
    if (putTreeNode(props.docName, { ...props.node, [props.field]: [...list, entry] })) setText('')
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
                onClick={() => putTreeNode(props.docName, { ...props.node, [props.field]: list.filter((_, k) => k !== i) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input aria-label={t('tree.addEntry', { list: label })} maxLength={TREE_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="secondary" disabled={!text.trim() || list.length >= TREE_LIST_MAX}>
        {t('tree.add')}
      </button>
    </form>
  )
}
