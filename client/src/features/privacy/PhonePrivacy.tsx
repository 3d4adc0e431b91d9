import { type PrivacyNotice, hasNotice, isTreeDay } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { useParams } from 'wouter'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'
import { ApiFailure } from '../../sync/api.js'
import { keepName, readParticipant } from '../../sync/device-storage.js'
import { privacyApi } from './privacy-api.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'

/** Notices fetched in this page's life, per event (every screen shows the same). */
const notices = new Map<string, Promise<PrivacyNotice>>()

/** The organiser's text: paragraphs as typed, never HTML. */
function NoticeText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="notice-text">
          {p}
        </p>
      ))}
    </>
  )
}

/**
 * The phone's "Datenschutz & Impressum" panel (PrivacyButton opens it): the organiser's notice and
 * imprint, what the app itself stores, and "Meine Beiträge löschen" for a participant.
 */
export default function PhonePrivacy({ id }: { id: string }) {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const identity = readParticipant(code)
  // A day of trees alone has no cards and asks no name: the panel speaks of the trees' entries.
  const event = useTischStore(selectEvent)
  const tree = event ? isTreeDay(event) : false
  const [notice, setNotice] = useState<PrivacyNotice | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const eventId = identity?.eventId
  const token = identity?.token
  useEffect(() => {
    if (!eventId || !token) return
    let cached = notices.get(eventId)
    if (!cached) {
      cached = privacyApi.notice(eventId, token)
      notices.set(eventId, cached)
      cached.catch(() => notices.delete(eventId))
    }
    cached.then(setNotice, () => {})
  }, [eventId, token])
  if (!identity) return null
  const participant = identity.hostTable === undefined
  const forget = () => {
    if (!window.confirm(t(tree ? 'privacy.forgetConfirmTree' : 'privacy.forgetConfirm'))) return
    setStatus(null)
    privacyApi.forgetMine(identity.eventId, identity.token).then(
      ({ removed }) => {
        keepName(identity.eventId, '')
        setStatus(t('privacy.forgetDone', { count: removed }))
      },
      (e: unknown) => setStatus(e instanceof ApiFailure ? errorText(t, e.failure) : t('common.error')),
    )
  }
  return (
    <section id={id} className="panel phone-privacy-panel" aria-label={t('privacy.phoneButton')}>
      {notice && hasNotice(notice) ? (
        <>
          {(notice.privacyText || notice.privacyUrl) && (
            <>
              <h2>{t('privacy.phonePrivacy')}</h2>
              {notice.privacyText && <NoticeText text={notice.privacyText} />}
              {notice.privacyUrl && (
                <p>
                  <a href={notice.privacyUrl} target="_blank" rel="noreferrer noopener">
                    {t('privacy.phoneOpenLink', { what: t('privacy.phonePrivacy') })}
                  </a>
                </p>
              )}
            </>
          )}
          {(notice.imprintText || notice.imprintUrl) && (
            <>
              <h2>{t('privacy.phoneImprint')}</h2>
              {notice.imprintText && <NoticeText text={notice.imprintText} />}
              {notice.imprintUrl && (
                <p>
                  <a href={notice.imprintUrl} target="_blank" rel="noreferrer noopener">
                    {t('privacy.phoneOpenLink', { what: t('privacy.phoneImprint') })}
                  </a>
                </p>
              )}
            </>
          )}
        </>
      ) : (
        <p>{t('privacy.phoneNone')}</p>
      )}
      <p className="muted">{t(tree ? 'privacy.phoneAboutTree' : 'privacy.phoneAbout')}</p>
      {participant && (
        <>
          <h2>{t('privacy.forgetTitle')}</h2>
          <p>{t(tree ? 'privacy.forgetTextTree' : 'privacy.forgetText')}</p>
          <button type="button" className="danger" onClick={forget}>
            {t('privacy.forgetButton')}
          </button>
        </>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}
