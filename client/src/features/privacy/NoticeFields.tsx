import type { PrivacyNotice } from '@tischrunde/shared'
import { useId } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'

const FIELDS = [
  ['privacyText', 'textarea'],
  ['privacyUrl', 'url'],
  ['imprintText', 'textarea'],
  ['imprintUrl', 'url'],
] as const

/** The four fields of a Datenschutzhinweis and Impressum (text and link each), for the console and the creation form. */
export function NoticeFields({ notice, onChange }: { notice: PrivacyNotice; onChange: (notice: PrivacyNotice) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <>
      {FIELDS.map(([field, kind]) => (
        <p key={field} className="field">
          <label htmlFor={`${id}-${field}`}>{t(`privacy.${field}`)}</label>
          {kind === 'textarea' ? (
            <textarea id={`${id}-${field}`} rows={4} maxLength={8000} value={notice[field]} onChange={(e) => onChange({ ...notice, [field]: e.target.value })} />
          ) : (
            <input
              id={`${id}-${field}`}
              type="url"
              inputMode="url"
              maxLength={500}
              placeholder="https://"
              aria-describedby={`${id}-url-hint`}
              value={notice[field]}
              onChange={(e) => onChange({ ...notice, [field]: e.target.value })}
            />
          )}
        </p>
      ))}
      <p id={`${id}-url-hint`} className="muted">
        {t('privacy.urlHint')}
      </p>
    </>
  )
}
