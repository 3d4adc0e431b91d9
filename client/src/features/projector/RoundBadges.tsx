import type { RoundState, Station } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { Icon } from './Icon.js'

/** "Gleich geht's los" before the start, "Station gesperrt" once the facilitator (or the timer) locked it. */
export function RoundBadges({ round, station }: { round: RoundState; station: Station }) {
  const { t } = useTranslation()
  const soon = round.phase === 'before-start'
  const locked = round.lockedStations.includes(station.id)
  if (!soon && !locked) return null
  return (
    <p className="projector-badges">
      {soon && <span className="badge badge-soon">{t('projectorModes.startsSoon')}</span>}
      {locked && (
        <span className="badge badge-locked">
          <Icon name="lock" /> {t('projectorModes.stationLocked')}
        </span>
      )}
    </p>
  )
}

/** A wide banner while the facilitator has paused the round; the timer shows the frozen time. */
export function PauseBanner({ round }: { round: RoundState }) {
  const { t } = useTranslation()
  if (round.phase !== 'station' || !round.paused) return null
  return (
    <p className="projector-pause" role="status">
      <Icon name="pause" />{' '}
      {t('projectorModes.paused')}
    </p>
  )
}
