import type { TischEvent, VoteStep } from '@tischrunde/shared'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useVoteStore } from '../../store/vote-store.js'
import { OpenBoards } from './OpenBoards.js'
import { useStepCards } from './use-step-cards.js'
import { RankList } from './VoteRanking.js'
import { rankCards, stepTables } from './vote-view.js'
import './harvest.css'

/** Places shown in the closing view across all tables. */
export const TOP_OVERALL = 10
/** Places shown per table. */
export const TOP_PER_TABLE = 3

/**
 * "Sichtung" on the projector: the live ranking of the step shown — the top places across all
 * tables, then each table's top cards. Equal dots share a place and say so.
 */
export default function VoteProjector({ event, step, token }: { event: TischEvent; step: VoteStep; token: string }) {
  const { t } = useTranslation()
  const tally = useVoteStore((s) => s.tallies.get(step.id))
  const tables = stepTables(event, step)
  const { byTable, all } = useStepCards(event, step)
  const voted = rankCards(all, tally).filter((r) => r.votes > 0)
  const overall = voted.filter((r) => r.rank <= TOP_OVERALL)
  const nameOf = (tableId: string) => event.tables.find((x) => x.id === tableId)?.name ?? tableId
  return (
    <section className="projector-view vote-ranking" aria-labelledby="vote-ranking-title">
      <OpenBoards eventId={event.id} tableIds={tables.map((x) => x.id)} token={token} />
      <header className="projector-header">
        <div className="projector-heading">
          <p className="eyebrow">
            {event.title} · {t('harvest.ranking.title')}
          </p>
          <h1 id="vote-ranking-title">{step.question}</h1>
          <p className="prompt" role="status" aria-live="polite">
            {step.status === 'open' ? t('harvest.ranking.live') : t('harvest.ranking.frozen')} · {t('harvest.ranking.voters', { count: tally?.voters ?? 0 })}
          </p>
        </div>
      </header>
      <section aria-labelledby="vote-overall">
        <h2 id="vote-overall">{t('harvest.ranking.overall')}</h2>
        <RankList ranked={overall} tableName={tables.length > 1 ? nameOf : undefined} labelledBy="vote-overall" />
      </section>
      {tables.length > 1 && (
        <section aria-labelledby="vote-per-table">
          <h2 id="vote-per-table">{t('harvest.ranking.perTable')}</h2>
          <div className="vote-ranking-tables">
            {tables.map((table) => (
              <section key={table.id} aria-labelledby={`vote-table-${table.id}`}>
                <h3 id={`vote-table-${table.id}`}>{table.name}</h3>
                <RankList ranked={rankCards(byTable.get(table.id) ?? [], tally).filter((r) => r.votes > 0 && r.rank <= TOP_PER_TABLE)} labelledBy={`vote-table-${table.id}`} />
              </section>
            ))}
          </div>
        </section>
      )}
    </section>
  )
}
