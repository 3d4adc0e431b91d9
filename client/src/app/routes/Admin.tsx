import type { EventListItem } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { formatEventDate } from '../../i18n/dates.js'
import { ApiFailure, api } from '../../sync/api.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { forgetLinkToken } from '../../sync/device-storage.js'
import { absolute, usePublicUrl } from '../../sync/links.js'
import { LanguageSwitch } from '../LanguageSwitch.js'
import { FacilitatorLink } from '../../features/setup/FacilitatorLink.js'
import '../../i18n/console-wording.js'
import '../../i18n/privacy-wording.js'
import { privacyApi } from '../../features/privacy/privacy-api.js'
import { useFocusKeeper } from '../../lib/use-focus-keeper.js'
import type { RetentionView } from '@tischrunde/shared'

/** Every event of this installation, for whoever holds the admin link the server printed. */
export default function Admin() {
  const keepFocus = useFocusKeeper<HTMLElement>()
  const { t, language } = useTranslation()
  const [key] = useState(() => takeTokenFromUrl('instance', 'admin'))
  const [events, setEvents] = useState<EventListItem[] | null>(null)
  const [linkOf, setLinkOf] = useState<string | null>(null)
  usePublicUrl()
  const [error, setError] = useState<string | null>(key ? null : t('admin.needKey'))
  const [retention, setRetention] = useState<Record<string, RetentionView>>({})
  useEffect(() => {
    if (key) privacyApi.allRetention(key).then(setRetention, () => {})
  }, [key])
  useEffect(() => {
    if (!key) return
    api.listEvents(key).then(setEvents, (e: unknown) => {
      const refused = e instanceof ApiFailure && e.code === 'UNAUTHORIZED'
      // A wrong or old link is not kept: the start page then asks for the right one instead of using it.
      if (refused) forgetLinkToken('instance', 'admin')
      setError(refused ? t('admin.needKey') : e instanceof ApiFailure ? errorText(t, e.failure) : t('common.error'))
    })
  }, [key, t])
  return (
    <main className="page admin" ref={keepFocus}>
      {/* The organiser's list reads in either language, as the start page it leads to. */}
      <header className="landing-header">
        <h1>{t('admin.title')}</h1>
        <LanguageSwitch />
      </header>
      {/* The start page creates the event with the key this page kept on the device. */}
      {key && (
        <p>
          <a className="button primary" href="/">
            {t('admin.newEvent')}
          </a>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {events && events.length === 0 && <p>{t('admin.empty')}</p>}
      {events && events.length > 0 && (
        <ul className="event-list">
          {events.map((e) => {
            // Two events of the same title (an imported copy beside its original) are told apart by their address.
            const named = events.some((o) => o !== e && o.title === e.title) ? `${e.title} (${e.id})` : e.title
            return (
              <li key={e.id} className="table-row admin-event">
                <div className="admin-event-facts">
                  <strong>{named}</strong>
                  <p className="muted">
                    {[formatEventDate(e.date, language), e.place.trim(), t(`admin.${e.contents?.kind ?? 'tables'}`, { count: e.contents?.count ?? e.tableCount })].filter(Boolean).join(' · ')}
                  </p>
                  {Object.hasOwn(retention, e.id) && (
                    <p className={retention[e.id]!.warning ? 'field-error' : 'muted'} data-retention-date={retention[e.id]!.deleteOn}>
                      {t('privacy.retentionLine', { date: formatEventDate(retention[e.id]!.deleteOn, language) })}
                    </p>
                  )}
                </div>
                <a className="button primary" href={e.facilitatorLink}>
                  {t('admin.open')}
                </a>
                <button type="button" className="button" aria-expanded={linkOf === e.id} onClick={() => setLinkOf((id) => (id === e.id ? null : e.id))}>
                  {linkOf === e.id ? t('control.linkHide') : t('control.linkShow')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (!key || !window.confirm(t('admin.confirmDelete', { title: named }))) return
                    api.deleteEvent(e.id, key).then(
                      () => setEvents((list) => list?.filter((x) => x.id !== e.id) ?? null),
                      (err: unknown) => setError(err instanceof ApiFailure ? errorText(t, err.failure) : t('common.error')),
                    )
                  }}
                >
                  {t('admin.delete')}
                </button>
                {linkOf === e.id && (
                  <div className="admin-event-link">
                    <FacilitatorLink url={absolute(e.facilitatorLink)} onClose={() => setLinkOf(null)} />
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </main>
  )
}
