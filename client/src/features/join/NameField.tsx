import { DISPLAY_NAME_MAX, displayNameSchema, firstFieldIssue, plainName } from '@tischrunde/shared'
import { type FormEvent, useId, useState } from 'react'
import { fieldIssueText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'

/**
 * The optional display name: anonymous by default, shown on screens only when the facilitator
 * turns names on. Collapsed once given (or skipped), so it never stands between a phone and its
 * first card.
 */
export function NameField({ name, onChange, open = false }: { name: string; onChange: (name: string) => void; open?: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState(name)
  const [error, setError] = useState<string | null>(null)
  const [expanded, setExpanded] = useState(open)

  const save = (e: FormEvent) => {
    e.preventDefault()
    if (!draft.trim()) {
      onChange('')
      setError(null)
      return setExpanded(false)
    }
    const parsed = displayNameSchema.safeParse(plainName(draft))
    if (!parsed.success) return setError(draft.trim().length > DISPLAY_NAME_MAX ? t('join.nameTooLong', { count: DISPLAY_NAME_MAX }) : fieldIssueText(t, firstFieldIssue(parsed.error)))
    onChange(parsed.data)
    setError(null)
    setExpanded(false)
  }

  if (!expanded)
    return (
      <button type="button" className="link-button name-toggle" onClick={() => setExpanded(true)}>
        {name ? t('join.nameShown', { name }) : t('join.nameAnonymous')}
      </button>
    )
  return (
    <form className="name-field" onSubmit={save} noValidate>
      <label htmlFor={`${id}-name`}>{t('join.nameLabel')}</label>
      <div className="name-row">
        <input
          id={`${id}-name`}
          value={draft}
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX + 20}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            // Typed but not confirmed (e.g. straight on to the table choice): keep it if valid.
            const parsed = displayNameSchema.safeParse(plainName(draft))
            if (parsed.success) onChange(parsed.data)
          }}
        />
        <button type="submit" className="secondary">
          {t('join.nameSave')}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted">
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : (
          t('join.nameHint')
        )}
      </p>
    </form>
  )
}
