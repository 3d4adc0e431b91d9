import { type RoundState, fail, ErrorCode } from '@tischrunde/shared'
import { useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { errorText } from '../../i18n/error-text.js'
import { ConfirmEnd } from './ConfirmEnd.js'
import type { Send } from './RoundControls.js'

/**
 * "Veranstaltung beenden" for a day of workshops alone (no stations, so no round controls): it asks
 * first, then the day is over (sign-ups and their changes stop, workshop boards take no more cards);
 * "Wieder öffnen" takes it back.
 */
export function EndDay({ round, send }: { round: RoundState; send: Send }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ReturnType<typeof fail> | null>(null)
  const run = (name: 'round:end' | 'round:back') => {
    setBusy(true)
    setAsking(false)
    void send(name, { expectedVersion: round.version })
      .then((ack) => setFailure(ack.ok ? null : ack), () => setFailure(fail(ErrorCode.NETWORK)))
      .finally(() => setBusy(false))
  }
  const closed = round.phase === 'closed'
  return (
    <section className="panel end-day" aria-labelledby="end-day-title">
      <h2 id="end-day-title">{closed ? t('round.phaseClosed') : t('round.toClosed')}</h2>
      {closed ? (
        <p>
          {t('control.dayEnded')}{' '}
          <button type="button" className="secondary" disabled={busy} onClick={() => run('round:back')}>
            {t('control.reopenDay')}
          </button>
        </p>
      ) : asking ? (
        <ConfirmEnd text={t('control.endTextProgramme')} busy={busy} onConfirm={() => run('round:end')} onCancel={() => setAsking(false)} />
      ) : (
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(true)}>
          {t('round.toClosed')}
        </button>
      )}
      <p className="field-error" role="alert">
        {failure && errorText(t, failure)}
      </p>
    </section>
  )
}
