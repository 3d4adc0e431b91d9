import { DEFAULT_RETENTION_DAYS, EMPTY_PRIVACY_NOTICE, type PrivacyNotice, addDays, hasNotice, isoDay } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'
import { NoticeFields } from './NoticeFields.js'
import { privacyApi } from './privacy-api.js'

/** Retention periods offered at creation, in days after the event (the console takes any date). */
export const RETENTION_CHOICES = [7, DEFAULT_RETENTION_DAYS, 90, 180, 365] as const

/** "Löschen nach …" on the creation form: how long the event is kept after its day. */
export function RetentionChoice({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation()
  return (
    <>
      <label htmlFor="ev-retention">{t('privacy.retentionChoice')}</label>
      <select id="ev-retention" value={value} aria-describedby="ev-retention-hint" onChange={(e) => onChange(Number(e.target.value))}>
        {RETENTION_CHOICES.map((days) => (
          <option key={days} value={days}>
            {days === DEFAULT_RETENTION_DAYS ? t('privacy.retentionDaysDefault', { count: days }) : t('privacy.retentionDays', { count: days })}
          </option>
        ))}
      </select>
      <p id="ev-retention-hint" className="muted">
        {t('privacy.retentionChoiceHint')}
      </p>
    </>
  )
}

/**
 * Stores the chosen period for a new event (the default needs nothing). A failure is not fatal:
 * the event keeps the default, which the console shows and lets the facilitator change.
 */
export async function applyRetentionChoice(created: { event: { id: string; date: string }; facilitatorToken: string }, days: number, now = Date.now()): Promise<void> {
  if (days === DEFAULT_RETENTION_DAYS) return
  const today = isoDay(now)
  const from = created.event.date > today ? created.event.date : today
  await privacyApi.setRetention(created.event.id, created.facilitatorToken, addDays(from, days)).catch(() => {})
}

/** The creation form's optional Datenschutzhinweis and Impressum, folded away until opened. */
export function NoticeChoice({ notice, onChange }: { notice: PrivacyNotice; onChange: (notice: PrivacyNotice) => void }) {
  const { t } = useTranslation()
  return (
    <details className="notice-choice">
      <summary>{t('privacy.noticeAtCreation')}</summary>
      <p className="muted">{t('privacy.noticeIntro')}</p>
      <NoticeFields notice={notice} onChange={onChange} />
    </details>
  )
}

/** Stores the notice entered at creation, if any (a failure leaves it to the console). */
export async function applyNoticeChoice(created: { event: { id: string }; facilitatorToken: string }, notice: PrivacyNotice = EMPTY_PRIVACY_NOTICE): Promise<void> {
  if (!hasNotice(notice)) return
  await privacyApi.setNotice(created.event.id, created.facilitatorToken, notice).catch(() => {})
}
