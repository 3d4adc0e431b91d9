import { TREE_TEXT_MAX, type TreeNode, changedMeanwhile } from '@tischrunde/shared'
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from '../../../i18n/index.js'

/**
 * The facilitator rewords a node in place, as on a wall one rewrites a card: the text in a field,
 * Enter or "Speichern" keeps it, Escape or "Abbrechen" leaves it as it was. The field keeps what is
 * typed while the tree changes; when someone else changes this node's text meanwhile, the field
 * says so and shows their wording, so saving over it is a choice, not an accident.
 */
export function NodeTextEdit(props: { node: TreeNode; onSave: (text: string) => boolean; onCancel: () => void }) {
  const { t } = useTranslation()
  const fieldId = useId()
  const [started] = useState(props.node.text)
  const [text, setText] = useState(props.node.text)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [])
  const left = TREE_TEXT_MAX - text.trim().length
  const changed = changedMeanwhile(started, props.node.text, text)
  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    if (!text.trim() || left < 0) return
    if (text.trim() === props.node.text) return props.onCancel()
    props.onSave(text)
  }
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      props.onCancel()
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      submit()
    }
  }
  return (
    <form className="tree-text-edit" onSubmit={submit} aria-label={t('tree.editOf', { text: started })}>
      <label htmlFor={fieldId}>{t('tree.text')}</label>
      <textarea
        ref={field}
        id={fieldId}
        rows={2}
        value={text}
        aria-describedby={`${fieldId}-count`}
        aria-invalid={left < 0 || !text.trim() ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <p id={`${fieldId}-count`} className={left < 0 ? 'char-count char-count-over' : 'char-count'} aria-live="polite">
        {left >= 0 ? t('card.charsLeft', { count: left }) : t('card.tooLong', { count: -left })}
      </p>
      {changed && (
        <p role="alert" className="field-error">
          {t('tree.changedMeanwhile', { text: props.node.text })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={!text.trim() || left < 0}>
          {t('tree.save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('tree.cancel')}
        </button>
      </div>
    </form>
  )
}
