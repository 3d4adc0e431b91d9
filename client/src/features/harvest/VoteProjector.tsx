import { useEffect, useState } from 'react'
import { type TischEvent, type VoteStep, cardRefKey, groupColumn, groupColumnKey, rankByVotes } from '@tischrunde/shared'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useVoteStore } from '../../store/vote-store.js'
import { useShrinkToFit } from '../projector/use-shrink-to-fit.js'
import { PAGE_MS } from '../projector/use-fit-to-box.js'
import { OpenBoards } from './OpenBoards.js'
import { useStepCards } from './use-step-cards.js'
import { RankList } from './VoteRanking.js'
import { type TableCard, rankCards, scopeWords, stepTables } from './vote-view.js'
import './harvest.css'

/** Places shown in the closing view across all tables. */
export const TOP_OVERALL = 10
/** Places shown per table. */
export const TOP_PER_TABLE = 3
/** Tables shown at once beside the ranking; more turn pages every PAGE_MS, as a full board does. */
export const TABLES_PER_PAGE = 3

/**
 * "Sichtung" on the projector: the live ranking of the step shown — the top places across all
 * tables (at most ten cards), beside it each table's top cards (at most three): ties beyond them
 * are counted, not listed. Equal dots share a place and say so. The whole ranking stays on the screen: its type
 * steps down to 60 % before anything is cut.
 */
export default function VoteProjector({ event, step, token }: { event: TischEvent; step: VoteStep; token: string }) {
  const { t } = useTranslation()
  const tally = useVoteStore((s) => s.tallies.get(step.id))
  const tables = stepTables(event, step)
  const { byTable, all } = useStepCards(event, step)
  const voted = rankCards(all, tally).filter((r) => r.votes > 0)
  const places = voted.filter((r) => r.rank <= TOP_OVERALL)
  const overall = places.slice(0, TOP_OVERALL)
  const nameOf = (tableId: string) => event.tables.find((x) => x.id === tableId)?.name ?? tableId
  const ranks = tables.map((table) => {
    const top = rankCards(byTable.get(table.id) ?? [], tally).filter((r) => r.votes > 0 && r.rank <= TOP_PER_TABLE)
    return { table, ranked: top.slice(0, TOP_PER_TABLE), more: Math.max(0, top.length - TOP_PER_TABLE) }
  })
  // Tables without a dot yet are named in one line, not given a block (and a page) of their own each.
  const perTable = ranks.filter((x) => x.ranked.length > 0)
  const unvoted = ranks.filter((x) => x.ranked.length === 0).map((x) => x.table.name)
  const pages = Math.max(1, Math.ceil(perTable.length / TABLES_PER_PAGE))
  const [turned, setTurned] = useState(0)
  useEffect(() => {
    if (pages < 2) return
    const id = window.setInterval(() => setTurned((p) => p + 1), PAGE_MS)
    return () => window.clearInterval(id)
  }, [pages])
  const page = turned % pages
  const tablesShown = perTable.slice(page * TABLES_PER_PAGE, (page + 1) * TABLES_PER_PAGE)
  const shown = `${step.id}|${page}|${overall.map((r) => `${r.item.card.id}:${r.votes}`).join(',')}|${tablesShown.map((x) => x.ranked.length + x.more).join(',')}|${unvoted.length}`
  const { box, scale } = useShrinkToFit<HTMLElement>(shown, 0.6)
  return (
    <section
      ref={box}
      className={`projector-view vote-ranking${tables.length > 1 ? ' vote-ranking-beside' : ''}`}
      style={{ '--fit': scale } as React.CSSProperties}
      aria-labelledby="vote-ranking-title"
    >
      <OpenBoards eventId={event.id} tableIds={tables.map((x) => x.id)} token={token} />
      <header className="projector-header">
        <div className="projector-heading">
          <p className="eyebrow">
            {event.title} · {t('harvest.ranking.title')}
          </p>
          <h1 id="vote-ranking-title">{step.question}</h1>
          <p className="prompt" role="status" aria-live="polite">
            {scopeWords(event, step) && `${scopeWords(event, step)} · `}
            {step.status === 'open' ? t('harvest.ranking.live') : t('harvest.ranking.frozen')} · {t('harvest.ranking.voters', { count: tally?.voters ?? 0 })}
          </p>
        </div>
      </header>
      <section aria-labelledby="vote-overall">
        <h2 id="vote-overall">{tables.length > 1 ? t('harvest.ranking.overall') : t('harvest.ranking.overallOne')}</h2>
        <RankList ranked={overall} tableName={tables.length > 1 ? nameOf : undefined} labelledBy="vote-overall" />
        {places.length > overall.length && <p className="vote-rank-more">{t('harvest.ranking.moreTied', { count: places.length - overall.length })}</p>}
        {/* One table in the step: its groups under its ranking (several tables show them per table below). */}
        {tables.length === 1 && <TableClusters event={event} step={step} tableId={tables[0]!.id} cards={byTable.get(tables[0]!.id) ?? []} />}
      </section>
      {tables.length > 1 && (
        <section aria-labelledby="vote-per-table">
          <h2 id="vote-per-table">{t('harvest.ranking.perTable')}</h2>
          <div className="vote-ranking-tables">
            {tablesShown.map(({ table, ranked, more }) => (
              <section key={table.id} aria-labelledby={`vote-table-${table.id}`}>
                <h3 id={`vote-table-${table.id}`}>{table.name}</h3>
                <RankList ranked={ranked} labelledBy={`vote-table-${table.id}`} />
                {more > 0 && <p className="vote-rank-more">{t('harvest.ranking.moreTied', { count: more })}</p>}
                <TableClusters event={event} step={step} tableId={table.id} cards={byTable.get(table.id) ?? []} />
              </section>
            ))}
          </div>
          {unvoted.length > 0 && <p className="vote-rank-more">{t('harvest.ranking.noVotesAt', { tables: unvoted.join(' · ') })}</p>}
          {pages > 1 && (
            <p className="vote-ranking-page" role="status">
              {t('projectorModes.page', { n: page + 1, total: pages })}
            </p>
          )}
        </section>
      )}
    </section>
  )
}

/** A table's groups of cards in the step's scope, ranked by their dots in all (equal dots share a place, marked). */
function TableClusters({ event, step, tableId, cards }: { event: TischEvent; step: VoteStep; tableId: string; cards: readonly TableCard[] }) {
  const { t } = useTranslation()
  const tally = useVoteStore((s) => s.tallies.get(step.id))
  const groups = useVoteStore((s) => s.groups)
  const counts = new Map((tally?.counts ?? []).map((c) => [cardRefKey(c), c.count]))
  const units = event.template.stations.flatMap((s) =>
    s.columns.flatMap((c) => {
      const column = groups.get(groupColumnKey({ tableId, stationId: s.id, columnId: c.id }))
      if (!column) return []
      const inColumn = cards.filter((x) => x.card.stationId === s.id && x.card.columnId === c.id).map((x) => x.card)
      return groupColumn(inColumn, column.groups)
        .groups.filter((g) => g.cards.length > 0)
        .map((g) => ({ id: g.group.id, title: g.group.title, votes: g.cards.reduce((n, card) => n + (counts.get(cardRefKey({ tableId, cardId: card.id })) ?? 0), 0) }))
    }),
  )
  if (units.length === 0) return null
  return (
    <ul className="vote-clusters" aria-label={t('harvest.ranking.clusters')}>
      {rankByVotes(units, (u) => u.votes).map(({ item, rank, tied }) => (
        <li key={item.id}>
          <strong>
            {rank}. {item.title}
          </strong>{' '}
          · {t('harvest.ranking.votes', { count: item.votes })}
          {tied && <span className="vote-rank-tied"> {t('harvest.ranking.tied')}</span>}
        </li>
      ))}
    </ul>
  )
}
