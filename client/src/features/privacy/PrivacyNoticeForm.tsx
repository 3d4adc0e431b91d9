import { EMPTY_PRIVACY_NOTICE, type PrivacyNotice } from '@tischrunde/shared'
import { useEffect, useId, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'
import { ApiFailure } from '../../sync/api.js'
import { NoticeFields } from './NoticeFields.js'
import { privacyApi } from './privacy-api.js'

/** The organiser's Datenschutzhinweis and Impressum (text, link or both), as phones show them. */
export function PrivacyNoticeForm({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const [notice, setNotice] = useState<PrivacyNotice | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const id = useId()
  useEffect(() => {
    privacyApi.notice(eventId, token).then(setNotice, () => setNotice(EMPTY_PRIVACY_NOTICE))
  }, [eventId, token])
  if (!notice) return null
  return (
    <section className="panel console-privacy" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('privacy.noticeTitle')}</h2>
      <p className="muted">{t('privacy.noticeIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setMessage(null)
          setFailure(null)
          privacyApi.setNotice(eventId, token, notice).then(
            (saved) => (setNotice(saved), setMessage(t('privacy.noticeSaved'))),
            (err: unknown) => setFailure(err instanceof ApiFailure ? err : new ApiFailure({ code: 'INTERNAL' })),
          )
        }}
      >
        <NoticeFields notice={notice} onChange={setNotice} />
        <button type="submit" className="secondary">
          {t('privacy.noticeSave')}
        </button>
        <p role="status" className={failure ? 'field-error' : 'muted'}>
          {failure ? errorText(t, failure.failure) : message}
        </p>
      </form>
    </section>
  )
}
