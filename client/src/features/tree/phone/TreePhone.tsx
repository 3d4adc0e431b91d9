import { type TischEvent, type TreeNodeKind, findGroup, nextChildOrder, placeInGroup } from '@tischrunde/shared'
import { type ReactNode, useState } from 'react'
import '../../../i18n/tree-wording.js'
import { useTranslation } from '../../../i18n/index.js'
import { selectTree, useTreeStore } from '../../../store/tree-store.js'
import { randomId } from '../../../sync/random-id.js'
import { keepTreeValue, readTreeValue } from '../../../sync/tree-group-choice.js'
import { putTreeNode, useTree } from '../../../sync/tree-hooks.js'
import '../tree.css'
import { TreeOutline } from '../TreeOutline.js'
import { AddNodeForm } from './AddNodeForm.js'

/**
 * The phone in an event that runs the tree method: pick the group's value, then write into the
 * group's problem tree (an outline: pick a node, "Ursache" or "Folge", the text, send; edit own nodes).
 * Loaded with a dynamic import, so café-only phones never download it.
 */
export default function TreePhone(props: { header: ReactNode; event: TischEvent; identity: { eventId: string; token: string; participantId: string } }) {
  const { t } = useTranslation()
  const method = props.event.treeMethod!
  const [value, setValue] = useState(() => readTreeValue(props.identity.eventId))
  const choose = (v: string | null) => {
    keepTreeValue(props.identity.eventId, v)
    setValue(v)
  }
  // The phone does not know the groups' sizes: with a maximum size it joins group A (see the report).
  const groupId = value ? placeInGroup(method, value, {}) : null
  if (!groupId)
    return (
      <main className="page phone">
        {props.header}
        <h2>{t('tree.pickGroup', { attribute: method.attribute })}</h2>
        <p>{t('tree.pickGroupHint')}</p>
        <ul className="button-column" aria-label={method.attribute}>
          {method.values.map((v) => (
            <li key={v}>
              <button type="button" className="secondary" onClick={() => choose(v)}>
                {v}
              </button>
            </li>
          ))}
        </ul>
      </main>
    )
  return <GroupTree {...props} groupId={groupId} onChangeGroup={() => choose(null)} />
}

function GroupTree(props: { header: ReactNode; event: TischEvent; identity: { eventId: string; token: string; participantId: string }; groupId: string; onChangeGroup: () => void }) {
  const { t } = useTranslation()
  const { identity } = props
  const docName = useTree({ eventId: identity.eventId, groupId: props.groupId, phase: 'problem', token: identity.token, keepLocal: true })
  const tree = useTreeStore(selectTree(docName))
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const group = findGroup(props.event.treeMethod!, props.groupId)
  const groupName = group ? `${group.value}${group.letter ? ` ${group.letter}` : ''}` : props.groupId
  const nodes = tree.view.byId
  const core = tree.view.core?.node ?? null
  const parent = (selectedId ? nodes.get(selectedId) : undefined) ?? core
  const editing = editingId ? (nodes.get(editingId) ?? null) : null

  const add = (kind: TreeNodeKind, text: string) => {
    if (!docName) return false
    const parentId = kind === 'core' ? null : (parent?.id ?? null)
    const id = randomId()
    const ok = putTreeNode(docName, { id, kind, parentId, order: nextChildOrder(nodes, parentId), text, authorId: identity.participantId, createdAt: Date.now() })
    if (ok && kind === 'core') setSelectedId(id)
    return ok
  }
  const save = (text: string) => {
    if (!docName || !editing) return false
    const ok = putTreeNode(docName, { ...editing, text })
    if (ok) setEditingId(null)
    return ok
  }
  return (
    <main className="page phone tree-phone">
      {props.header}
      <p>
        {t('tree.yourGroup', { group: groupName })}{' '}
        <button type="button" className="secondary" onClick={props.onChangeGroup}>
          {t('tree.changeGroup')}
        </button>
      </p>
      <h2>{t('tree.problemTree')}</h2>
      {tree.status === 'offline' && <p role="status">{t('tree.offline')}</p>}
      {tree.refused && <p role="alert" className="field-error">{t('tree.refused')}</p>}
      {!core && tree.view.loose.length === 0 && <p>{t('tree.empty')}</p>}
      <TreeOutline
        view={tree.view}
        label={t('tree.outline', { tree: t('tree.problemTree'), group: groupName })}
        selectedId={parent?.id ?? null}
        onSelect={(id) => {
          setSelectedId(id)
          setEditingId(null)
        }}
        mayEdit={(item) => item.node.authorId === identity.participantId}
        onEdit={setEditingId}
      />
      <AddNodeForm key={editingId ?? 'new'} phase="problem" parent={parent} hasCore={core !== null} editing={editing} onAdd={add} onSave={save} onCancelEdit={() => setEditingId(null)} />
    </main>
  )
}
