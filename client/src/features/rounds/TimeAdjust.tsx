import { STATION_MINUTES_MAX } from '@tischrunde/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'

/** −5 / +5 minutes and "auf … Minuten setzen" for the running station. */
export function TimeAdjust({ busy, onChange, onSet }: { busy: boolean; onChange: (minutes: number) => void; onSet: (minutes: number) => void }) {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState('10')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const n = Number(minutes)
    if (Number.isInteger(n) && n >= 0 && n <= STATION_MINUTES_MAX) onSet(n)
  }
  return (
    <div className="time-adjust">
      <button type="button" className="secondary" disabled={busy} onClick={() => onChange(-5)} aria-keyshortcuts="-">
        {t('control.minus')}
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => onChange(5)} aria-keyshortcuts="+">
        {t('round.extend')}
      </button>
      <form className="time-set" onSubmit={submit}>
        <label htmlFor="time-set-minutes">{t('control.setTo')}</label>
        <input id="time-set-minutes" type="number" inputMode="numeric" min={0} max={STATION_MINUTES_MAX} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <button type="submit" className="secondary" disabled={busy}>
          {t('control.set')}
        </button>
      </form>
    </div>
  )
}
