import { type Ack, type AckFailure, type ClientEventName, type ClientEventPayload, type HeldCounts, type RoundState, type TischEvent, changeoverLeftMs, isTreeDay, remainingMs } from '@tischrunde/shared'
import { useEffect, useRef, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import type { Translate as TFunction } from '../../i18n/index.js'
import { formatClock } from '../../store/selectors.js'
import { useServerNow } from '../../sync/use-server-now.js'
import { ConfirmEnd } from './ConfirmEnd.js'
import { RoundTimer } from './RoundTimer.js'
import { TimeAdjust } from './TimeAdjust.js'
import { dayKey } from '../../i18n/day-key.js'
import { useArmedKey } from './use-armed-key.js'
import { useStickyBarRoom } from './use-sticky-bar-room.js'
import { isTypingTarget } from '../../lib/typing-target.js'

export type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/** What "next" leads to from here, for the button's wording. */
function nextLabel(t: TFunction, event: TischEvent, round: RoundState): string {
  const stations = event.template.stations
  if (round.phase === 'before-start') return t('round.start', { station: stations[0]?.title ?? '' })
  if (round.phase === 'station' && round.stationIndex + 1 < stations.length) return t('round.next', { station: stations[round.stationIndex + 1]!.title })
  if (round.phase === 'station') return t(dayKey('round.toReview', isTreeDay(event)))
  return t('round.toClosed')
}

/** "3 Karten warten auf Freigabe, 12 gesammelte Karten sind nicht aufgedeckt", or null when none. */
function waitingText(t: TFunction, counts: HeldCounts | null): string | null {
  const pending = counts?.tables.reduce((n, c) => n + c.pending, 0) ?? 0
  const collected = counts?.tables.reduce((n, c) => n + c.collected, 0) ?? 0
  const what = [pending > 0 ? t('control.endWaitingPending', { count: pending }) : '', collected > 0 ? t('control.endWaitingCollected', { count: collected }) : ''].filter(Boolean)
  return what.length > 0 ? t('control.endWaiting', { what: what.join(', '), count: pending + collected }) : null
}

/** A tree day's phase left with more than this much of its time to go asks first (the button; N asks by its second press). */
export const EARLY_PHASE_END_MS = 60_000

/** After a step that moves the room (on, back), how long the next one is not taken, in ms. */
export const ROOM_MOVE_SETTLE_MS = 1500

/**
 * The facilitator's control bar, in view however far the console scrolls: station, timer, next
 * step, back, pause, time. Commands name the version they saw, so a double click or a second tab
 * acts only once, and a step right after the same step is not taken. Keys N and B act on a second press;
 * ending the event asks first.
 */
export function RoundControls({ event, round, send, askWaiting }: { event: TischEvent; round: RoundState; send: Send; askWaiting?: (() => Promise<HeldCounts | null>) | undefined }) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<AckFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmEnd, setConfirmEnd] = useState(false)
  // A tree day's phase is the morning or the afternoon: "Weiter" with its time still running asks first
  // (Enter on the focused button right after "Start: Problembaum" began the solution tree).
  const [confirmEarly, setConfirmEarly] = useState(false)
  // Asked when the end is: cards the results would miss (waiting for approval, collected and not revealed).
  const [waiting, setWaiting] = useState<string | null>(null)
  useEffect(() => {
    setWaiting(null)
    if (!confirmEnd || !askWaiting) return
    let current = true
    void askWaiting().then((counts) => current && setWaiting(waitingText(t, counts)))
    return () => void (current = false)
  }, [confirmEnd, askWaiting, t])
  const { armed, press, disarm } = useArmedKey()
  // Another console moved the room meanwhile: a first press of N or B, and "wirklich beenden?", were
  // for the step shown then; kept, they took the next step after the one already taken (a station skipped).
  const seenVersion = useRef(round.version)
  useEffect(() => {
    if (seenVersion.current === round.version) return
    seenVersion.current = round.version
    disarm()
    setConfirmEnd(false)
    setConfirmEarly(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new round state disarms
  }, [round.version])
  const serverNow = useServerNow(500)
  const station = round.phase === 'station' ? event.template.stations[round.stationIndex] : undefined
  const locked = station ? round.lockedStations.includes(station.id) : false
  const changeover = changeoverLeftMs(round, serverNow)
  const endsEvent = round.phase === 'review'
  const treeDay = isTreeDay(event)
  const v = { expectedVersion: round.version }
  const minutesLeft = Math.ceil((remainingMs(round, serverNow) ?? 0) / 60_000)
  const early = treeDay && round.phase === 'station' && (remainingMs(round, serverNow) ?? 0) > EARLY_PHASE_END_MS

  // A step that moves the room is not taken the same way again right after: Enter pressed twice on
  // the focused "Weiter" (its label already names the step after) skipped a whole station. The
  // button says so (aria-disabled keeps the focus on it); the step the other way, an undo, is open.
  const [settling, setSettling] = useState<'next' | 'back' | null>(null)
  useEffect(() => {
    if (!settling) return
    const timer = setTimeout(() => setSettling(null), ROOM_MOVE_SETTLE_MS)
    return () => clearTimeout(timer)
  }, [settling])
  // What a command that changes no heading did, said to a screen reader (the timer's digits are not read out).
  const [said, setSaid] = useState('')
  const run = async (p: Promise<Ack>, moves?: 'next' | 'back', saying?: string) => {
    setBusy(true)
    setSaid('')
    const ack = await p
    setBusy(false)
    setFailure(ack.ok ? null : ack)
    if (ack.ok && moves) setSettling(moves)
    if (ack.ok && saying) setSaid(saying)
  }
  const actions = {
    next: (asked = false) => (settling === 'next' ? undefined : endsEvent ? setConfirmEnd(true) : early && !asked ? setConfirmEarly(true) : void run(send('round:advance', v), 'next')),
    back: () => (settling === 'back' ? undefined : void run(send('round:back', v), 'back')),
    pause: () => void run(round.paused ? send('round:resume', v) : send('round:pause', v), undefined, round.paused ? t('control.saidResumed') : undefined),
    extend: (minutes: number) => void run(send('timer:extend', { ...v, minutes }), undefined, t(minutes > 0 ? 'control.saidMore' : 'control.saidLess', { count: Math.abs(minutes) })),
  }


  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(target)) return
      const key = e.key.toLowerCase()
      if (key === 'n' && round.phase !== 'closed') press('n', () => actions.next(true))
      else if (key === 'b' && round.phase !== 'before-start') press('b', actions.back)
      else if (key === 'p' && round.phase === 'station') actions.pause()
      else if (key === '+' && round.phase === 'station') actions.extend(5)
      else if (key === '-' && round.phase === 'station') actions.extend(-5)
      else if (key === 'escape') {
        disarm()
        setConfirmEnd(false)
        setConfirmEarly(false)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const phaseText =
    round.phase === 'before-start'
      ? t('round.phaseBefore')
      : round.phase === 'station'
        ? t(changeover > 0 ? dayKey('round.phaseChangeover', treeDay) : round.paused ? 'round.phaseStationPaused' : 'round.phaseStation', { station: station?.title ?? '' })
        : round.phase === 'review'
          ? t(dayKey('round.phaseReview', treeDay))
          : t('round.phaseClosed')
  const armedText = armed === 'n' ? nextLabel(t, event, round) : armed === 'b' ? t('round.back') : null
  const bar = useRef<HTMLElement>(null)
  const phase = useRef<HTMLParagraphElement>(null)
  useStickyBarRoom(bar)

  return (
    <section ref={bar} className="round-controls console-bar" aria-labelledby="round-title">
      <h2 id="round-title" className="visually-hidden">
        {t('round.controls')}
      </h2>
      <div className="console-bar-state">
        {/* A station's start is said once, with its question (LiveAnnouncer); this line is said for the rest (pause, review, end). */}
        <p ref={phase} tabIndex={-1} className="round-phase" aria-live={round.phase === 'station' && !round.paused ? 'off' : 'polite'}>
          <strong>{phaseText}</strong>
          {locked && <span className="badge badge-locked"> {t('round.lockedBadge')}</span>}
        </p>
        {changeover > 0 && (
          <p className="changeover" role="status">
            {t(dayKey('control.changeover', treeDay), { time: formatClock(Math.ceil(changeover / 1000)) })}{' '}
            {/* The button goes with the changeover: the focus goes to the station's line, not on to the next field (an Enter there set the timer). */}
            <button type="button" className="secondary" disabled={busy} onClick={() => (phase.current?.focus(), void run(send('timer:start', v)))}>
              {t(dayKey('control.startNow', treeDay))}
            </button>
          </p>
        )}
      </div>
      <RoundTimer size="large" changeoverNote={false} />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || round.phase === 'closed'} aria-disabled={settling === 'next' || undefined} onClick={() => actions.next()} aria-keyshortcuts="N">
          {nextLabel(t, event, round)}
        </button>
        <button type="button" className="secondary" disabled={busy || round.phase === 'before-start'} aria-disabled={settling === 'back' || undefined} onClick={actions.back} aria-keyshortcuts="B">
          {t('round.back')}
        </button>
        {round.phase === 'station' && (
          <>
            <button type="button" className="secondary" disabled={busy} onClick={actions.pause} aria-keyshortcuts="P">
              {round.paused ? t('round.resume') : t('round.pause')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => station && void run(send('station:lock', { stationId: station.id, locked: !locked }))}>
              {t(dayKey(locked ? 'round.unlock' : 'round.lock', treeDay))}
            </button>
          </>
        )}
      </div>
      {round.phase === 'station' && <TimeAdjust busy={busy} onChange={actions.extend} onSet={(minutes) => void run(send('timer:set', { ...v, minutes }), undefined, t('control.saidSet', { count: minutes }))} />}
      {confirmEnd && (
        <ConfirmEnd
          text={t(dayKey('control.endText', treeDay))}
          warning={waiting}
          onConfirm={() => {
            setConfirmEnd(false)
            void run(send('round:advance', v))
          }}
          onCancel={() => setConfirmEnd(false)}
        />
      )}
      {confirmEarly && (
        <ConfirmEnd
          title={t('control.earlyTitle', { station: station?.title ?? '' })}
          text={t('control.earlyText', { count: minutesLeft })}
          confirm={t('control.earlyConfirm', { next: nextLabel(t, event, round) })}
          // Asked because of an Enter pressed once too often: a further Enter keeps the phase.
          cancelFirst
          onConfirm={() => {
            setConfirmEarly(false)
            void run(send('round:advance', v), 'next')
          }}
          onCancel={() => setConfirmEarly(false)}
        />
      )}
      <p className="visually-hidden round-said" aria-live="polite">
        {said}
      </p>
      <p className="armed-hint" aria-live="assertive">
        {armedText && t('control.armed', { key: armed!.toUpperCase(), action: armedText })}
      </p>
      <p className="field-error" role="alert">
        {failure && errorText(t, failure)}
      </p>
    </section>
  )
}
