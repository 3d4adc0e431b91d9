import { type ThemeTable, collectingAt } from '@tischrunde/shared'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { Link } from 'wouter'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { useModerationGate } from '../../sync/moderation-gate.js'
import { hyphenateDe, useHyphenation } from './hyphenate.js'
import { wallSummary } from './wall-cards.js'

/**
 * One table on the wall: its card count at the station and its newest cards. Opens its own board
 * read-only; its name links to the table's own board (`tableSearch`).
 */
export function WallTile(props: { eventId: string; token: string; table: ThemeTable; stationId: string; newest: number; tableSearch: string }) {
  const { t } = useTranslation()
  const { table } = props
  useHyphenation()
  const docName = useBoard({ eventId: props.eventId, tableId: table.id, token: props.token, authorId: 'projector', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const summary = useMemo(() => wallSummary(board.cards, props.stationId, props.newest), [board.cards, props.stationId, props.newest])
  const shown = useShownCards(summary.newest)
  // While the station collects, its cards are written but not shown: no "0 Karten – Noch keine Karten" beside "4 Karten gesammelt".
  const collecting = useModerationGate((s) => collectingAt(s.modes, props.stationId)) && summary.count === 0
  return (
    <li className="wall-tile">
      <div className="wall-tile-head">
        <p className="wall-count">
          {board.status === 'synced' && collecting ? (
            <span className="wall-count-unit">{t('projectorModes.wall.collectingCount')}</span>
          ) : board.status === 'synced' ? (
            <>
              <span className="wall-count-number">{summary.count}</span> <span className="wall-count-unit">{t('projectorModes.wall.cards', { count: summary.count })}</span>
            </>
          ) : (
            <>
              <span className="wall-count-number" aria-hidden="true">
                {board.status === 'denied' ? '!' : '…'}
              </span>
              <span className="visually-hidden">{board.status === 'denied' ? t('board.denied') : t('board.connecting')}</span>
            </>
          )}
        </p>
        <h2 className="wall-tile-title">
          <Link href={props.tableSearch}>{hyphenateDe(table.name)}</Link>
        </h2>
      </div>
      {summary.newest.length === 0 ? (
        board.status === 'synced' && <p className="wall-empty">{t(collecting ? 'projectorModes.wall.collecting' : 'projectorModes.wall.noCards')}</p>
      ) : (
        <ul ref={shown.list} className="wall-cards" aria-label={t('projectorModes.wall.newest', { table: table.name })}>
          {summary.newest.map((card) => (
            <li key={card.id} className="wall-card">
              <span className="wall-card-text">{hyphenateDe(card.text)}</span>
            </li>
          ))}
        </ul>
      )}
      {/* The count says how many there are; this says that the tile shows only the newest of them. */}
      {summary.newest.length > 0 && summary.count > shown.count && <p className="wall-more">{t('projectorModes.wall.more', { count: summary.count - shown.count })}</p>}
    </li>
  )
}

/**
 * How many of a tile's newest cards the tile has room for: a card that does not fit whole moves to
 * a column the tile does not show (see `.wall-cards`), so the room is measured, again when it changes.
 */
function useShownCards(newest: readonly unknown[]) {
  const list = useRef<HTMLUListElement>(null)
  const [count, setCount] = useState(newest.length)
  useLayoutEffect(() => {
    const ul = list.current
    if (!ul) return setCount(0)
    const measure = () => {
      const box = ul.getBoundingClientRect()
      setCount([...ul.children].filter((li) => li.getBoundingClientRect().left < box.left + box.width / 2).length)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(ul)
    return () => observer.disconnect()
  }, [newest])
  return { list, count }
}
