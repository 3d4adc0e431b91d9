import { DEFAULT_RETENTION_DAYS, EMPTY_PRIVACY_NOTICE, MAX_RETENTION_DAYS, type PrivacyNotice, addDays, hasNotice, isoDay } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'
import { NoticeFields } from './NoticeFields.js'
import { privacyApi } from './privacy-api.js'

/** "Löschen nach … Tagen" on the creation form: how long the event is kept after its day. */
export function RetentionChoice({ value, onChange }: { value: string; onChange: (days: string) => void }) {
  const { t } = useTranslation()
  return (
    <>
      <label htmlFor="ev-retention">{t('privacy.retentionChoice')}</label>
      <input id="ev-retention" type="number" inputMode="numeric" min={1} max={MAX_RETENTION_DAYS} value={value} aria-describedby="ev-retention-hint" onChange={(e) => onChange(e.target.value)} />
      <p id="ev-retention-hint" className="muted">
        {t('privacy.retentionChoiceHint', { count: DEFAULT_RETENTION_DAYS })}
      </p>
    </>
  )
}

/** The days typed, if they are a whole number from 1 to MAX_RETENTION_DAYS; else null (the default applies). */
export function retentionDaysOf(input: string): number | null {
  const days = Number(input.trim())
  return Number.isInteger(days) && days >= 1 && days <= MAX_RETENTION_DAYS ? days : null
}

/**
 * Stores the chosen period for a new event (the default needs nothing). A failure is not fatal:
 * the event keeps the default, which the console shows and lets the facilitator change.
 */
export async function applyRetentionChoice(created: { event: { id: string; date: string }; facilitatorToken: string }, days: number | null, now = Date.now()): Promise<void> {
  if (days === null || days === DEFAULT_RETENTION_DAYS) return
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
