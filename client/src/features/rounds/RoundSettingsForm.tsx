import { type Ack, CHANGEOVER_SECONDS_MAX, type RoundSettings, firstFieldIssue, roundSettingsSchema } from '@tischrunde/shared'
import { type FormEvent, useState } from 'react'
import { errorText, fieldIssueText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { dayKey } from '../../i18n/day-key.js'

/** Minutes per station, the grace period before a station's boards lock, and the changeover between stations. */
export function RoundSettingsForm({ settings, onSave, treeDay = false }: { settings: RoundSettings; onSave: (s: RoundSettings) => Promise<Ack>; treeDay?: boolean }) {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState(String(settings.stationMinutes))
  const [grace, setGrace] = useState(settings.graceSeconds === null ? '' : String(settings.graceSeconds))
  const [changeover, setChangeover] = useState(String(settings.changeoverSeconds))
  const [never, setNever] = useState(settings.graceSeconds === null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = roundSettingsSchema.safeParse({ stationMinutes: Number(minutes), graceSeconds: never ? null : Number(grace || 0), changeoverSeconds: Number(changeover || 0) })
    if (!parsed.success) return setMessage({ ok: false, text: fieldIssueText(t, firstFieldIssue(parsed.error), { label: true }) })
    const ack = await onSave(parsed.data)
    setMessage(ack.ok ? { ok: true, text: t('round.saved') } : { ok: false, text: errorText(t, ack) })
  }

  return (
    <details className="round-settings">
      <summary>{t('round.settings')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="round-minutes">{t(dayKey('round.minutes', treeDay))}</label>
        <input id="round-minutes" type="number" inputMode="numeric" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <label htmlFor="round-grace">{t('round.grace')}</label>
        <input id="round-grace" type="number" inputMode="numeric" min={0} max={3600} value={grace} disabled={never} onChange={(e) => setGrace(e.target.value)} />
        <label className="choice">
          <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} /> {t('round.graceNever')}
        </label>
        <label htmlFor="round-changeover">{t(dayKey('control.changeoverSeconds', treeDay))}</label>
        <input id="round-changeover" type="number" inputMode="numeric" min={0} max={CHANGEOVER_SECONDS_MAX} value={changeover} onChange={(e) => setChangeover(e.target.value)} />
        <button type="submit" className="secondary">
          {t('round.save')}
        </button>
        {message && (
          <p className={message.ok ? 'notice' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  )
}
