import type { Ranked } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import type { TableCard } from './vote-view.js'
import { CardWords } from '../cards/CardWords.js'

/** A ranked list: "1." per place, ties marked, dots per card. Text is rendered as text, never markup. */
export function RankList(props: { ranked: readonly Ranked<TableCard>[]; tableName?: (tableId: string) => string; labelledBy: string }) {
  const { t } = useTranslation()
  if (props.ranked.length === 0) return <p className="muted">{t('harvest.ranking.noVotes')}</p>
  return (
    <ol className="vote-rank-list" aria-labelledby={props.labelledBy}>
      {props.ranked.map((r) => (
        <li key={`${r.item.tableId}/${r.item.card.id}`} className="vote-rank" data-rank={r.rank} data-card-id={r.item.card.id}>
          <span className="vote-rank-number" aria-label={t('harvest.ranking.rank', { rank: r.rank })}>
            {r.rank}.
          </span>
          <div className="vote-rank-text">
            <CardWords card={r.item.card} />
            {props.tableName && <span className="vote-rank-table">{props.tableName(r.item.tableId)}</span>}
          </div>
          <span className="vote-rank-votes">
            {t('harvest.ranking.votes', { count: r.votes })}
            {r.tied && <span className="vote-rank-tied">{t('harvest.ranking.tied')}</span>}
          </span>
        </li>
      ))}
    </ol>
  )
}
