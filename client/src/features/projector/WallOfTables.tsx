import type { TischEvent } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useSearchParams } from 'wouter'
import { useTischStore } from '../../store/index.js'
import { stationAt } from '../../store/selectors.js'
import { RoundTimer } from '../rounds/RoundTimer.js'
import { JoinCorner } from './JoinCorner.js'
import { shownStationIndex } from './projector-mode.js'
import { PauseBanner, RoundBadges } from './RoundBadges.js'
import { wallLayout } from './wall-cards.js'
import { WallTile } from './WallTile.js'

/** Every table at a glance: card counts for the current station and the newest cards. */
export function WallOfTables({ event, eventId, token }: { event: TischEvent; eventId: string; token: string }) {
  const { t } = useTranslation()
  const round = useTischStore((s) => s.round)
  const [params] = useSearchParams()
  if (!round) return null
  const tableSearch = (tableId: string) => {
    const next = new URLSearchParams(params)
    next.set('mode', 'table')
    next.set('table', tableId)
    next.delete('station')
    return `?${next.toString()}`
  }
  const station = stationAt(event, shownStationIndex(round))
  const { columns, newest } = wallLayout(event.tables.length)
  return (
    <section className="projector-view projector-wall" aria-labelledby="wall-title">
      <header className="projector-header">
        <div className="projector-heading">
          <div className="projector-kicker">
            <p className="eyebrow">{event.title}</p>
            <RoundBadges round={round} station={station} />
          </div>
          <h1 id="wall-title">
            {t('projectorModes.modes.wall')} · {station.title}
          </h1>
          <p className="prompt">{station.prompt}</p>
        </div>
        <div className="projector-side">
          <RoundTimer size="large" />
          <JoinCorner size={110} />
        </div>
      </header>
      <PauseBanner round={round} />
      {event.tables.length === 0 ? (
        <p>{t('projectorModes.noTables')}</p>
      ) : (
        <ul className="wall-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
          {event.tables.map((table) => (
            <WallTile key={table.id} eventId={eventId} token={token} table={table} stationId={station.id} newest={newest} tableSearch={tableSearch(table.id)} />
          ))}
        </ul>
      )}
    </section>
  )
}
