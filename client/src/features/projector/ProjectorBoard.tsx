import { type Card, type GroupedColumn, type TischEvent, collectingAt, columnTitleFor, findTable, groupColumn, groupColumnKey, namesShown } from '@tischrunde/shared'
import { Fragment, type ReactNode, useMemo, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { useModerationGate } from '../../sync/moderation-gate.js'
import { useVoteStore } from '../../store/vote-store.js'
import { selectBoard, stationColumns } from '../../store/selectors.js'
import { CardItem } from '../board/CardItem.js'
import { hyphenateDe, useHyphenation } from './hyphenate.js'
import { useFitToBox } from './use-fit-to-box.js'

/**
 * One station's columns sized for a projector: type as large as the screen allows, columns as wide
 * as their cards need, cards flowing into sub-columns. A column the facilitator has grouped shows
 * its groups in their order, each under its heading ("1. Sprache · 4 Karten", a collapsed one as
 * the heading alone), then the cards without a group. New cards animate in and, when `live`, are
 * announced politely to screen readers.
 */
export function ProjectorBoard(props: { event: TischEvent; docName: string; stationId: string; live?: boolean; tableId?: string }) {
  const { t } = useTranslation()
  const board = useTischStore(selectBoard(props.docName))
  // While the station collects, an empty column waits for the reveal (the cards are written, not shown).
  const collected = useModerationGate((s) => collectingAt(s.modes, props.stationId))
  // A station the day has left (an earlier one, the review, the end): an empty column stayed empty.
  const over = useTischStore((s) => {
    const round = s.round
    if (!round || round.phase === 'before-start') return false
    if (round.phase === 'review' || round.phase === 'closed') return true
    const index = props.event.template.stations.findIndex((station) => station.id === props.stationId)
    return index >= 0 && index < round.stationIndex
  })
  const groups = useVoteStore((s) => s.groups)
  const columns = useMemo(() => {
    // Headed as the table's own sheet heads them ("Was sind unsere Ziele? / Was soll …"), as in the documentation.
    const table = props.tableId === undefined ? undefined : findTable(props.event, props.tableId)
    return stationColumns(board, props.event, props.stationId).map((c) => {
      const stored = table && groups.get(groupColumnKey({ tableId: table.id, stationId: props.stationId, columnId: c.id }))
      const laid = stored ? groupColumn(c.cards, stored.groups) : null
      return { ...c, title: columnTitleFor(table, props.stationId, c), laid: laid?.groups.some((g) => g.cards.length > 0) ? laid : null }
    })
  }, [board, props.event, props.stationId, props.tableId, groups])
  const box = useRef<HTMLDivElement>(null)
  const hyphenated = useHyphenation()
  const fitted = useMemo(() => ({ columns, hyphenated }), [columns, hyphenated])
  const paging = useFitToBox(box, fitted, '.pboard-column-title')
  // Columns get width by how much they hold (a sub-point counts as most of a card), so the fullest one is not
  // the only one that shrinks the type; a nearly empty column keeps a quarter of the fullest one's width.
  const sizes = columns.map((c) => c.cards.reduce((sum, card) => sum + 1 + 0.7 * card.subPoints.length, 0))
  const fullest = Math.max(1, ...sizes)
  const showCard = (card: Card) => <CardItem key={card.id} card={hyphenatedCard(card)} unsaved={false} showStatus={false} showName={namesShown(props.event)} showAlternatives={false} />
  const template = columns
    .map((c, i) => (c.cards.length === 0 ? 'minmax(7em, 0.4fr)' : `minmax(0, ${Math.max(sizes[i]!, fullest / 4, 1)}fr)`))
    .join(' ')
  return (
    <>
    {/* A region that can scroll must be reachable by keyboard (WCAG 2.1.1): focusable, and named. */}
    <div className={paging.pages > 1 ? 'pboard pboard-paged' : 'pboard'} ref={box} tabIndex={0} role="region" aria-label={t('board.cardsRegion')}>
      <div className="pboard-columns" style={{ gridTemplateColumns: template || '1fr' }}>
        {columns.map((column) => (
          <section key={column.id} className="pboard-column" aria-labelledby={`pcol-${column.id}`}>
            <h2 id={`pcol-${column.id}`} className="pboard-column-title">
              {hyphenateDe(column.title)} <span className="column-count">{t('board.cards', { count: column.cards.length })}</span>
            </h2>
            {column.cards.length === 0 ? (
              <p className="board-empty">{t(over ? 'board.emptyOver' : collected ? 'board.emptyCollecting' : 'board.empty')}</p>
            ) : (
              <ul className="pboard-cards" aria-live={props.live ? 'polite' : undefined} aria-label={column.title}>
                {column.laid ? <GroupedCards laid={column.laid} show={showCard} /> : column.cards.map(showCard)}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
    {paging.pages > 1 && (
      <p className="pboard-page" role="status">
        {t('projectorModes.page', { n: paging.page + 1, total: paging.pages })}
      </p>
    )}
    </>
  )
}

/**
 * A grouped column's cards: each group with cards under its heading (a collapsed one without them),
 * then the rest. A heading shares its item with the first card under it, so the columns the cards
 * flow into never leave a heading alone at the foot of one.
 */
function GroupedCards({ laid, show }: { laid: GroupedColumn; show: (card: Card) => ReactNode }) {
  const { t } = useTranslation()
  const part = (key: string, heading: ReactNode, count: number, cards: readonly Card[]) => (
    <Fragment key={key}>
      <li className="pboard-group">
        <h3 className="pboard-group-title">
          {heading} <span className="column-count">{t('board.cards', { count })}</span>
        </h3>
        {cards.length > 0 && <ul className="pboard-group-first">{show(cards[0]!)}</ul>}
      </li>
      {cards.slice(1).map(show)}
    </Fragment>
  )
  return (
    <>
      {laid.groups
        .filter((g) => g.cards.length > 0)
        .map(({ group, number, cards }) => part(group.id, `${number}. ${hyphenateDe(group.title)}`, cards.length, group.collapsed ? [] : cards))}
      {laid.loose.length > 0 && part('loose', t('board.looseCards'), laid.loose.length, laid.loose)}
    </>
  )
}

/** The card with soft hyphens at German syllable breaks (text and sub-points). */
function hyphenatedCard(card: Card): Card {
  return { ...card, text: hyphenateDe(card.text), subPoints: card.subPoints.map((p) => ({ ...p, text: hyphenateDe(p.text) })) }
}
