import type { ThemeTable, TischEvent } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard, stationAt } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { BoardStatusBanner } from '../board/BoardStatusBanner.js'
import { RoundTimer } from '../rounds/RoundTimer.js'
import { JoinCorner } from './JoinCorner.js'
import { hyphenateDe } from './hyphenate.js'
import { ProjectorBoard } from './ProjectorBoard.js'
import { shownStationIndex } from './projector-mode.js'
import { PauseBanner, RoundBadges } from './RoundBadges.js'

/** One table's current station, following the facilitator: big type, live cards, the timer and how to join. */
export function TableBoard({ event, eventId, token, table }: { event: TischEvent; eventId: string; token: string; table: ThemeTable }) {
  const { t } = useTranslation()
  const round = useTischStore((s) => s.round)
  const docName = useBoard({ eventId, tableId: table.id, token, authorId: 'projector', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  if (!round) return null
  const station = stationAt(event, shownStationIndex(round))
  const n = event.tables.findIndex((x) => x.id === table.id) + 1
  return (
    <section className="projector-view projector-table" aria-labelledby="table-title">
      <header className="projector-header">
        <div className="projector-heading">
          <div className="projector-kicker">
            <p className="eyebrow">
              {station.title} · {t('projectorModes.tableOf', { n, total: event.tables.length })}
            </p>
            <RoundBadges round={round} station={station} />
          </div>
          <h1 id="table-title">{hyphenateDe(table.name)}</h1>
          <p className="prompt">{station.prompt}</p>
        </div>
        <div className="projector-side">
          <RoundTimer size="large" />
          <JoinCorner size={110} />
        </div>
      </header>
      <PauseBanner round={round} />
      <BoardStatusBanner status={board.status} watching />
      {docName && <ProjectorBoard event={event} docName={docName} stationId={station.id} tableId={table.id} live />}
    </section>
  )
}
