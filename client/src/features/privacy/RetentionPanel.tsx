import { type RetentionView, addDays, isoDay } from '@tischrunde/shared'
import { useEffect, useId, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { formatEventDate } from '../../i18n/dates.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'
import { ApiFailure, api } from '../../sync/api.js'
import { privacyApi } from './privacy-api.js'

/**
 * The console's retention panel: when the event is deleted automatically, a warning from seven
 * days before, and the facilitator's way to move the date or to delete the event at once.
 */
export function RetentionPanel({ eventId, token, title, eventDate }: { eventId: string; token: string; title: string; eventDate: string }) {
  const { t, language } = useTranslation()
  const [view, setView] = useState<RetentionView | null>(null)
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [deleted, setDeleted] = useState(false)
  const inputId = useId()
  useEffect(() => {
    privacyApi.retention(eventId, token).then(
      (v) => (setView(v), setDraft(v.deleteOn)),
      (e: unknown) => setFailure(e instanceof ApiFailure ? e : null),
    )
  }, [eventId, token])

  if (deleted)
    return (
      <p className="banner" role="status">
        {t('privacy.deleted')}
      </p>
    )
  if (!view) return failure ? <p className="field-error">{errorText(t, failure.failure)}</p> : null
  const today = isoDay(Date.now())
  // Not before the day after the event: a date before it would delete the conference before it took place.
  const earliest = addDays(eventDate > today ? eventDate : today, 1)
  const save = () => {
    setMessage(null)
    setFailure(null)
    if (draft < earliest) return setMessage(t('privacy.deleteOnTooEarly', { date: formatEventDate(earliest, language) }))
    privacyApi.setRetention(eventId, token, draft).then(
      (v) => (setView(v), setMessage(t('privacy.saved'))),
      (e: unknown) => setFailure(e instanceof ApiFailure ? e : new ApiFailure({ code: 'INTERNAL' })),
    )
  }
  const deleteNow = () => {
    if (!window.confirm(t('privacy.confirmDelete', { title }))) return
    api.deleteEvent(eventId, token).then(
      () => setDeleted(true),
      (e: unknown) => setFailure(e instanceof ApiFailure ? e : new ApiFailure({ code: 'INTERNAL' })),
    )
  }
  return (
    <section className="panel console-retention" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('privacy.retentionTitle')}</h2>
      {view.warning && (
        <p className="banner banner-warning" role="status">
          {t('privacy.retentionWarning', { count: view.daysLeft })}
        </p>
      )}
      <p data-retention-date={view.deleteOn}>
        {t('privacy.retentionLine', { date: formatEventDate(view.deleteOn, language) })} <span className="muted">{view.chosen ? t('privacy.retentionChosen') : t('privacy.retentionDefault')}</span>
      </p>
      <details>
        <summary>{t('privacy.retentionChange')}</summary>
        <form
          className="retention-form"
          onSubmit={(e) => {
            e.preventDefault()
            save()
          }}
        >
          <label htmlFor={inputId}>{t('privacy.deleteOn')}</label>
          <input id={inputId} type="date" value={draft} min={earliest} max={addDays(today, 730)} aria-describedby={`${inputId}-hint`} onChange={(e) => setDraft(e.target.value)} required />
          <p id={`${inputId}-hint`} className="muted">
            {t('privacy.deleteOnHint')}
          </p>
          <button type="submit" className="secondary">
            {t('privacy.save')}
          </button>
        </form>
        <p>
          <button type="button" className="danger" onClick={deleteNow}>
            {t('privacy.deleteNow')}
          </button>
        </p>
      </details>
      <p role="status" className={failure ? 'field-error' : 'muted'}>
        {failure ? errorText(t, failure.failure) : message}
      </p>
    </section>
  )
}
