import { type Ack, type AckFailure, type ClientEventName, type ClientEventPayload, type RoundState, type TischEvent } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import type { Translate as TFunction } from '../../i18n/index.js'
import { RoundTimer } from './RoundTimer.js'
import { RoundSettingsForm } from './RoundSettingsForm.js'

type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/** What "next" leads to from here, for the button's wording. */
function nextLabel(t: TFunction, event: TischEvent, round: RoundState): string {
  const stations = event.template.stations
  if (round.phase === 'before-start') return t('round.start', { station: stations[0]?.title ?? '' })
  if (round.phase === 'station' && round.stationIndex + 1 < stations.length) return t('round.next', { station: stations[round.stationIndex + 1]!.title })
  if (round.phase === 'station') return t('round.toReview')
  return t('round.toClosed')
}

/**
 * The facilitator's running order: start, next station, back, pause, +5 minutes, lock. Commands
 * name the version they saw, so a double click or a second tab acts only once. Keys: N, B, P, +.
 */
export function RoundControls({ event, round, send }: { event: TischEvent; round: RoundState; send: Send }) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<AckFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const station = round.phase === 'station' ? event.template.stations[round.stationIndex] : undefined
  const locked = station ? round.lockedStations.includes(station.id) : false
  const v = { expectedVersion: round.version }

  const run = async (p: Promise<Ack>) => {
    setBusy(true)
    const ack = await p
    setBusy(false)
    setFailure(ack.ok ? null : ack)
  }
  const actions = {
    next: () => run(send('round:advance', v)),
    back: () => run(send('round:back', v)),
    pause: () => run(round.paused ? send('round:resume', v) : send('round:pause', v)),
    extend: () => run(send('timer:extend', { ...v, minutes: 5 })),
    lock: () => station && run(send('station:lock', { stationId: station.id, locked: !locked })),
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select, [contenteditable]')) return
      const key = e.key.toLowerCase()
      if (key === 'n') void actions.next()
      else if (key === 'b') void actions.back()
      else if (key === 'p') void actions.pause()
      else if (key === '+') void actions.extend()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const phaseText =
    round.phase === 'before-start'
      ? t('round.phaseBefore')
      : round.phase === 'station'
        ? t('round.phaseStation', { station: station?.title ?? '' })
        : round.phase === 'review'
          ? t('round.phaseReview')
          : t('round.phaseClosed')

  return (
    <section className="round-controls panel" aria-labelledby="round-title">
      <h2 id="round-title">{t('round.controls')}</h2>
      <p className="round-phase" aria-live="polite">
        <strong>{phaseText}</strong>
        {station && <span className="muted"> · {station.prompt}</span>}
        {locked && <span className="badge badge-locked"> {t('round.lockedBadge')}</span>}
      </p>
      <RoundTimer size="large" />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || round.phase === 'closed'} onClick={() => void actions.next()} aria-keyshortcuts="N">
          {nextLabel(t, event, round)}
        </button>
        <button type="button" className="secondary" disabled={busy || round.phase === 'before-start'} onClick={() => void actions.back()} aria-keyshortcuts="B">
          {t('round.back')}
        </button>
      </div>
      {round.phase === 'station' && (
        <div className="button-row">
          <button type="button" className="secondary" disabled={busy} onClick={() => void actions.pause()} aria-keyshortcuts="P">
            {round.paused ? t('round.resume') : t('round.pause')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void actions.extend()} aria-keyshortcuts="+">
            {t('round.extend')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void actions.lock()}>
            {locked ? t('round.unlock') : t('round.lock')}
          </button>
        </div>
      )}
      <p className="field-error" role="alert">
        {failure && errorText(t, failure)}
      </p>
      <p className="muted">{t('round.shortcuts')}</p>
      <RoundSettingsForm settings={round.settings} onSave={(settings) => send('round:configure', { settings })} />
    </section>
  )
}
