import { type Card, cardTextSchema, firstFieldIssue } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { fieldIssueText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { CardAlternatives, type ResolveAlternative } from './CardAlternatives.js'
import { CardMarks, MergedTexts } from '../moderation/CardMarks.js'

/** What the writer of a card may do with it while its station is open. */
export interface OwnCardActions {
  edit(cardId: string, text: string): void
  remove(cardId: string): void
  /** Takes or lets go a version kept beside the card after a concurrent edit. */
  resolve?: ResolveAlternative
}

/**
 * Edits begun on this page, by card: a card shown anew (its station closed, the list drawn again)
 * finds what was typed into it instead of losing it.
 */
const editsBegun = new Map<string, string>()

/** One card with its sub-points. Text is always rendered as text, never as markup. */
export function CardItem(props: {
  card: Card
  unsaved: boolean
  showStatus: boolean
  actions?: OwnCardActions | undefined
  showName?: boolean
  /** Versions kept after a concurrent edit, for those with `actions`; the projector leaves them out. @default true */
  showAlternatives?: boolean
}) {
  const { card, unsaved, showStatus, actions } = props
  const { t } = useTranslation()
  const [editing, setEditingState] = useState<string | null>(() => editsBegun.get(card.id) ?? null)
  const setEditing = (text: string | null) => {
    if (text === null) editsBegun.delete(card.id)
    else editsBegun.set(card.id, text)
    setEditingState(text)
  }
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The station closed (or the card may no longer be changed) while it was being edited: the typed
  // text is not taken any more, and stays to copy, said so, instead of vanishing with the form.
  const [kept, setKept] = useState<string | null>(null)
  useEffect(() => {
    if (actions || editing === null) return
    if (editing.trim() && editing.trim() !== card.text) setKept(editing)
    editsBegun.delete(card.id)
    setEditingState(null)
  }, [actions, editing, card.id, card.text])

  const save = () => {
    const parsed = cardTextSchema.safeParse(editing ?? '')
    if (!parsed.success) {
      const issue = firstFieldIssue(parsed.error)
      return setError(issue.issue === 'required' ? t('card.emptyText') : fieldIssueText(t, issue))
    }
    if (!actions) return
    actions.edit(card.id, parsed.data)
    setEditing(null)
    setError(null)
  }

  return (
    <li className={card.struck ? 'card card-struck' : 'card'} data-card-id={card.id} data-focus-item={card.id}>
      <CardMarks card={card} />
      {editing === null ? (
        <p className="card-text">{card.text}</p>
      ) : (
        <div className="card-edit">
          <label className="visually-hidden" htmlFor={`edit-${card.id}`}>
            {t('card.editLabel')}
          </label>
          {/* Esc gives up the edit, Ctrl+Enter saves it (as the new card's field sends). */}
          <textarea
            id={`edit-${card.id}`}
            value={editing}
            rows={3}
            onChange={(e) => setEditing(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-keyshortcuts="Escape Control+Enter"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(null)
              else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save()
              else return
              e.preventDefault()
            }}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="primary" onClick={save}>
              {t('card.saveEdit')}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {kept !== null && (
        <div className="card-edit-kept" role="alert">
          <p>{t('card.editNotTaken')}</p>
          <textarea readOnly value={kept} rows={3} aria-label={t('card.editKeptLabel')} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="secondary" onClick={() => setKept(null)}>
            {t('card.editKeptDone')}
          </button>
        </div>
      )}
      {/* Only those who may settle them see the other versions (its writer, the table's host): the rest of the table is not shown what lost. */}
      {props.showAlternatives !== false && actions && <CardAlternatives card={card} resolve={actions.resolve} />}
      {card.subPoints.length > 0 && (
        <ul className="card-subpoints">
          {card.subPoints.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      )}
      <MergedTexts card={card} />
      {props.showName && card.authorName && (
        <p className="card-author">
          <span className="visually-hidden">{t('card.author')}: </span>
          {card.authorName}
        </p>
      )}
      {showStatus && (
        <span className={unsaved ? 'card-status card-status-pending' : 'card-status card-status-saved'} role="status">
          {unsaved ? t('board.sending') : t('board.saved')}
        </span>
      )}
      {actions && editing === null && (
        <div className="card-actions">
          {confirmDelete ? (
            <>
              <span>{t('card.confirmDelete')}</span>
              <button type="button" className="secondary danger" onClick={() => actions.remove(card.id)}>
                {t('card.delete')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(card.text)} aria-label={t('card.editNamed', { text: card.text.slice(0, 40) })}>
                {t('card.edit')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirmDelete(true)} aria-label={t('card.deleteNamed', { text: card.text.slice(0, 40) })}>
                {t('card.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
