import type { TischEvent } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard, stationAt } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { BoardStatusBanner } from '../board/BoardStatusBanner.js'
import { KeepBoardsOpen } from './KeepBoardsOpen.js'
import { hyphenateDe } from './hyphenate.js'
import { ProjectorBoard } from './ProjectorBoard.js'
import type { ReviewMove, ReviewPosition } from './review-steps.js'

/**
 * "Sichtung der Ergebnisse": one table's station at a time, stepped with the arrow keys or the
 * buttons. All boards stay open meanwhile, so stepping on does not wait for the network.
 */
export function ReviewMode(props: { event: TischEvent; eventId: string; token: string; position: ReviewPosition; onMove: (m: ReviewMove) => void }) {
  const { t } = useTranslation()
  const { event, position } = props
  const table = event.tables[position.table]
  const docName = useBoard({ eventId: props.eventId, tableId: table?.id ?? null, token: props.token, authorId: 'projector', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  if (!table || !docName) return <p>{t('projectorModes.noTables')}</p>
  const station = stationAt(event, position.station)
  const stations = event.template.stations.length
  const first = position.table === 0 && position.station === 0
  const last = position.table === event.tables.length - 1 && position.station === stations - 1
  return (
    <section className="projector-view projector-review" aria-labelledby="review-title">
      <header className="projector-header">
        <div className="projector-heading">
          <p className="eyebrow">{t('projectorModes.modes.review')}</p>
          <h1 id="review-title">{hyphenateDe(table.name)}</h1>
          <p className="prompt">
            <strong>{station.title}:</strong> {station.prompt}
          </p>
        </div>
        <div className="projector-side review-nav">
          <p className="review-position" aria-live="polite">
            {t('projectorModes.tableOf', { n: position.table + 1, total: event.tables.length })} ·{' '}
            {t('projectorModes.stationOf', { n: position.station + 1, total: stations })}
          </p>
          <div className="review-buttons">
            <button type="button" className="secondary" onClick={() => props.onMove('prev-station')} disabled={first}>
              ← {t('projectorModes.review.prev')}
            </button>
            <button type="button" className="primary" onClick={() => props.onMove('next-station')} disabled={last}>
              {t('projectorModes.review.next')} →
            </button>
          </div>
        </div>
      </header>
      <KeepBoardsOpen eventId={props.eventId} token={props.token} tableIds={event.tables.map((x) => x.id)} />
      <BoardStatusBanner status={board.status} watching />
      <ProjectorBoard event={event} docName={docName} stationId={station.id} tableId={table.id} />
    </section>
  )
}
