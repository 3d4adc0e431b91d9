import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { secondsLeft } from '../../store/selectors.js'
import { useServerNow } from '../../sync/use-server-now.js'
import { type TimerSample, reachedEnd, sampleTimer } from './end-signal.js'
import { playGong } from './gong.js'

/**
 * Rings the gong once when the station's timer runs out (the timer itself turns red). A small
 * component of its own, so the 4 ticks a second re-render nothing else.
 */
export function EndSignal({ muted }: { muted: boolean }) {
  const { t } = useTranslation()
  const round = useTischStore((s) => s.round)
  const left = secondsLeft(round, useServerNow())
  const sample = sampleTimer(round, left)
  const prev = useRef<TimerSample | null>(null)
  const [announce, setAnnounce] = useState(false)
  // Runs after every render (a tick at most every 250 ms; `sample` is a new object each time) and
  // compares with the tick before.
  useEffect(() => {
    const before = prev.current
    prev.current = sample
    if (!reachedEnd(before, sample)) return
    if (!muted) playGong()
    setAnnounce(true)
  }, [sample, muted])
  useEffect(() => {
    if (sample.left !== 0) setAnnounce(false)
  }, [sample.left])
  return (
    <p className="visually-hidden" role="status">
      {announce ? t('round.timeUp') : ''}
    </p>
  )
}
