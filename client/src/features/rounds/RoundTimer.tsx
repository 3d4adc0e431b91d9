import { changeoverLeftMs, isTreeDay } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { formatClock, secondsLeft } from '../../store/selectors.js'
import { useServerNow } from '../../sync/use-server-now.js'
import { dayKey } from '../../i18n/day-key.js'

/**
 * The remaining time of the current station, on the server's clock. Warns in the last two minutes.
 * During a changeover its countdown is the large figure (people moving want to know how long they
 * have; the station's full time waiting underneath read as if it ran) and the station's time the
 * note, unless the screen says so beside it (`changeoverNote` false: the console's bar, whose line
 * has the button to start at once).
 */
export function RoundTimer({ size = 'normal', changeoverNote = true }: { size?: 'normal' | 'large'; changeoverNote?: boolean }) {
  const { t } = useTranslation()
  const round = useTischStore((s) => s.round)
  const treeDay = useTischStore((s) => (s.event ? isTreeDay(s.event) : false))
  const serverNow = useServerNow()
  const left = secondsLeft(round, serverNow)
  if (left === null || !round || round.phase !== 'station') return null
  // During the changeover the station's full time waits; the note counts down the move.
  const changeover = Math.ceil(changeoverLeftMs(round, serverNow) / 1000)
  const state = round.paused ? 'paused' : left === 0 ? 'over' : left <= 120 ? 'warning' : 'running'
  const label = round.paused ? t('round.timerPaused', { time: formatClock(left) }) : left === 0 ? t('round.timeUp') : t('round.timeLeft', { time: formatClock(left) })
  if (changeover > 0 && changeoverNote && !round.paused)
    return (
      <div className={`round-timer round-timer-${size} round-timer-changeover`} role="timer" aria-label={t(dayKey('round.changeoverLeft', treeDay), { time: formatClock(changeover), then: formatClock(left) })} data-seconds-left={left}>
        <span aria-hidden="true">{formatClock(changeover)}</span>
        <span className="round-timer-note" aria-hidden="true">
          {t(dayKey('round.changeoverThen', treeDay), { time: formatClock(left) })}
        </span>
      </div>
    )
  return (
    <div className={`round-timer round-timer-${size} round-timer-${state}`} role="timer" aria-label={label} data-seconds-left={left}>
      <span aria-hidden="true">{left === 0 && !round.paused ? t('round.timeUpShort') : formatClock(left)}</span>
      {round.paused && <span className="round-timer-note">{t('round.paused')}</span>}
      {changeover > 0 && changeoverNote && <span className="round-timer-note">{t(dayKey('round.changeoverNote', treeDay), { time: formatClock(changeover) })}</span>}
    </div>
  )
}
