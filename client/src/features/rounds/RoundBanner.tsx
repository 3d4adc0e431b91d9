import type { RoundState, Station } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'

/** Tells a phone what the room is doing: not started, paused, station closed, review, ended. */
export function RoundBanner({ round, station, writable }: { round: RoundState | null; station: Station | null; writable: boolean }) {
  const { t } = useTranslation()
  if (!round) return null
  let text: string | null = null
  if (round.phase === 'before-start') text = t('round.beforeStart')
  else if (round.phase === 'review') text = t('round.review')
  else if (round.phase === 'closed') text = t('round.closed')
  else if (station && !writable) text = t('round.locked')
  else if (round.paused) text = t('round.pausedBanner')
  if (!text) return null
  return (
    <p className={`banner banner-round banner-${round.phase}`} role="status">
      {text}
    </p>
  )
}
