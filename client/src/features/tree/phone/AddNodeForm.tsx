import { countLive } from '../../../lib/char-count.js'
import { sendOnCtrlEnter } from '../../../lib/send-on-ctrl-enter.js'
import { type TreeNode, type TreeNodeKind, type TreePhase, TREE_DEPTH_MAX, TREE_KINDS, TREE_TEXT_MAX, changedMeanwhile, childKindsUnder } from '@tischrunde/shared'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from '../../../i18n/index.js'
import { useDraft } from '../../../lib/use-draft.js'

/** How long "Eingetragen." stays for screen readers, in ms. */
const SAID_MS = 6000

/**
 * Adds a node under the selected one: "Ursache" or "Folge" with one tap, the text, send. With no
 * core problem yet, it asks for the core problem. Editing a node reuses the same field (give the
 * form `key={editing id}` so it starts afresh for each node).
 */
export function AddNodeForm(props: {
  phase: TreePhase
  parent: TreeNode | null
  hasCore: boolean
  /** The chosen node is as deep as a tree may go: nothing is offered under it. */
  deepest?: boolean
  editing: TreeNode | null
  /** Where a new node's unsent text is kept across a reload (the tree's doc name). */
  draftKey?: string
  /** Text the server gave back (it took and undid the write): into the empty field, to send again. */
  rescued?: string | null
  onAdd: (kind: TreeNodeKind, text: string) => boolean
  onSave: (text: string) => boolean
  onCancelEdit: () => void
  /** Offered while editing one's own entry that nothing stands under: takes it out of the tree. */
  onDelete?: () => void
  /**
   * Whether the form stays at the screen's foot while the tree scrolls (while writing the problem
   * tree, and while rewording); otherwise it follows the tree, which then keeps the whole screen.
   */
  docked?: boolean
  /** No connection to the server right now: what is sent waits on the phone, and the form says so. */
  unsent?: boolean
}) {
  const { t } = useTranslation()
  const fieldId = useId()
  const kinds = props.parent && !props.deepest ? childKindsUnder(props.phase, props.parent.kind) : []
  const [kind, setKind] = useState<TreeNodeKind | null>(null)
  // The field starts from the node being edited; the caller remounts the form (its `key`) when the
  // node to edit changes, so a remote update of the tree never overwrites what is being typed.
  // A new node's text is kept across a reload (`draftKey`); an edit starts from the node.
  const [draft, setDraft] = useDraft(props.editing ? null : (props.draftKey ?? null))
  const [edited, setEdited] = useState(props.editing?.text ?? '')
  // The text as it was when editing began: someone else's change meanwhile is shown, not overwritten unseen.
  const [started] = useState(props.editing?.text ?? '')
  const changed = props.editing !== null && changedMeanwhile(started, props.editing.text, edited)
  const [text, setText] = props.editing ? [edited, setEdited] : [draft, setDraft]
  const chosen = kind && kinds.includes(kind) ? kind : (kinds[0] ?? null)
  const left = TREE_TEXT_MAX - text.trim().length
  const rescued = props.editing ? null : (props.rescued ?? null)
  // Never over what is being typed.
  useEffect(() => {
    if (rescued) setText((now) => (now.trim() ? now : rescued.slice(0, TREE_TEXT_MAX)))
  }, [rescued, setText])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = text.trim()
    if (!trimmed || trimmed.length > TREE_TEXT_MAX) return
    const done = props.editing ? props.onSave(trimmed) : props.hasCore ? chosen !== null && props.onAdd(chosen, trimmed) : props.onAdd(TREE_KINDS[props.phase].core, trimmed)
    if (!done) return
    setText('')
    // Offline it is kept on the phone, not yet in the group's tree: "Eingetragen." would promise too much.
    setSaid(t(props.unsent ? 'tree.keptOnPhone' : props.editing ? 'tree.savedSaid' : 'tree.addedSaid'))
  }
  // "Eingetragen." for screen readers (the new box shows in the tree above), gone after a moment.
  const [said, setSaid] = useState('')
  useEffect(() => {
    if (!said) return
    const id = window.setTimeout(() => setSaid(''), SAID_MS)
    return () => window.clearTimeout(id)
  }, [said])
  // Editing, the field shows the whole text: the heading names the node's kind ("Ziel bearbeiten"),
  // which one line at the foot of a phone keeps whole (the text in it lost the "bearbeiten").
  const heading = props.editing
    ? t('tree.editKind', { kind: t(`tree.kind.${props.editing.kind}`) })
    : props.hasCore && props.parent && props.deepest
      ? t('tree.tooDeep', { max: TREE_DEPTH_MAX })
      : props.hasCore && props.parent
      ? t('tree.addUnder', { text: props.parent.text })
      : t(props.phase === 'objective' ? 'tree.addGoal' : 'tree.addCore')
  return (
    <form
      className={props.docked === false ? 'tree-add' : 'tree-add tree-add-docked'}
      onSubmit={submit}
      aria-label={props.editing ? t('tree.editOf', { text: props.editing.text }) : heading}
      onKeyDown={(e) => props.editing && e.key === 'Escape' && (e.preventDefault(), props.onCancelEdit())}
    >
      <p>{heading}</p>
      {!props.editing && props.hasCore && kinds.length > 0 && (
        <div className="tree-kinds" role="group" aria-label={t('tree.kindChoice')}>
          {kinds.map((k) => (
            <button key={k} type="button" aria-pressed={chosen === k} onClick={() => setKind(k)}>
              {t(`tree.kind.${k}`)}
            </button>
          ))}
        </div>
      )}
      {/* The form's heading says what the text is for; the label stays for screen readers (a docked form must stay low). */}
      <label htmlFor={fieldId} className={props.docked === false ? undefined : 'visually-hidden'}>
        {t('tree.text')}
      </label>
      {/* No cut at the limit: a pasted text stays whole, and the count says how much is too much. */}
      {/* Editing starts in the field (the form is docked at the screen's foot, far from "Bearbeiten"). */}
      <textarea id={fieldId} rows={props.editing ? 3 : 2} autoFocus={props.editing !== null} value={text} aria-describedby={`${fieldId}-count`} aria-invalid={left < 0 ? true : undefined} onChange={(e) => setText(e.target.value)} onKeyDown={sendOnCtrlEnter} />
      <p role="status" className="visually-hidden">
        {said}
      </p>
      {changed && (
        <p role="alert" className="field-error">
          {t('tree.changedMeanwhilePhone', { text: props.editing!.text })}
        </p>
      )}
      {/* The count beside the buttons: one line less at the screen's foot. */}
      <div className="button-row tree-add-foot">
        <p id={`${fieldId}-count`} className={left < 0 ? 'char-count char-count-over' : 'char-count'} aria-live={countLive(left)}>
          {left >= 0 ? t('card.charsLeft', { count: left }) : t('card.tooLong', { count: -left })}
        </p>
        <button type="submit" disabled={!text.trim() || left < 0 || (!props.editing && props.hasCore && kinds.length === 0)}>
          {props.editing ? t('tree.save') : t('tree.send')}
        </button>
        {props.editing && (
          <button type="button" className="secondary" onClick={props.onCancelEdit}>
            {t('tree.cancel')}
          </button>
        )}
        {props.editing && props.onDelete && (
          <button type="button" className="secondary danger" onClick={props.onDelete}>
            {t('tree.deleteOwn')}
          </button>
        )}
      </div>
    </form>
  )
}
