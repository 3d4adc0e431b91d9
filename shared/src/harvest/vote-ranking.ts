import type { Card } from '../cards/card.schema.js'
import type { TischEvent } from '../event/event.schema.js'
import { formatDateDe, plainText } from '../export/result-sheet.js'
import { escapeMarkdownLine } from '../export/to-markdown.js'
import { type Ranked, rankByVotes } from './vote.rules.js'
import type { VoteStep } from './vote.schema.js'
import type { ColumnGroups } from './group.schema.js'
import { groupColumn } from './group.rules.js'

/** The fixed words of ranking pages (German, like the result sheets). */
export const RANKING_WORDS = {
  title: 'Priorisierung',
  overall: 'Rangfolge über alle Thementische',
  table: 'Thementisch',
  votes: (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
  voters: (n: number) => (n === 1 ? '1 Person hat abgestimmt' : `${n} Personen haben abgestimmt`),
  budget: (n: number, perCard: number) => `${n} Punkte pro Person${perCard > 1 ? `, bis zu ${perCard} auf einer Karte` : ', höchstens 1 pro Karte'}`,
  tied: 'gleichauf',
  frozen: 'Ergebnis festgehalten',
  open: 'Abstimmung läuft noch',
  noVotes: 'Noch keine Punkte vergeben.',
  noCards: 'Keine Karten zur Abstimmung.',
  /** Under a table's ranked cards: those nobody gave a dot (not ranked: a "1. (gleichauf) – 0 Punkte" for each said nothing). */
  unvoted: (n: number) => (n === 1 ? 'Ohne Punkte: 1 weitere Karte.' : `Ohne Punkte: ${n} weitere Karten.`),
  /** The tables where nobody voted, named once instead of a page each. */
  unvotedTables: (names: readonly string[]) => `Noch keine Punkte an ${names.length === 1 ? 'diesem Thementisch' : 'diesen Thementischen'}: ${names.join(' · ')}`,
  subPoints: 'Unterpunkte',
  clusters: 'Gruppen',
  rank: 'Rang',
  card: 'Karte',
  points: 'Punkte',
  column: 'Spalte',
  page: (n: number, of: number) => `Seite ${n} von ${of}`,
} as const

/** One ranked card of a ranking page. */
export interface RankingEntry {
  rank: number
  tied: boolean
  votes: number
  text: string
  subPoints: string[]
  tableName: string
  columnTitle: string
}

/** A voting step's result as pages print it: the question, one ranking across the event, one per table. */
export interface VoteRanking {
  event: { id: string; title: string; date: string; dateLabel: string; place: string }
  question: string
  /** "Station 3: Wie können wir …" or "alle Karten". */
  scopeLabel: string
  /** The column a step on one column ran on ('' for a step on a station or all cards): its entries name none of their own. */
  scopeColumn: string
  budgetLabel: string
  status: VoteStep['status']
  voters: number
  /** Every card with at least one dot, over all tables. */
  overall: RankingEntry[]
  /** Per table with at least one dot (event order): its cards with dots, most first, how many have none, and its groups of cards. */
  tables: { tableId: string; name: string; entries: RankingEntry[]; unvoted: number; clusters: RankingCluster[] }[]
  /** The tables in scope where nobody gave a dot (event order). */
  unvotedTables: string[]
}

/** A group of cards on a ranking page: its number and heading, its dots in all, its cards by dots. */
export interface RankingCluster {
  number: number
  title: string
  columnTitle: string
  votes: number
  entries: RankingEntry[]
}

/** A card on the vote with its dots. */
export interface CardVotes {
  tableId: string
  card: Card
  votes: number
}

const entry = (r: Ranked<CardVotes>, tableName: string, columnTitle: string): RankingEntry => ({
  rank: r.rank,
  tied: r.tied,
  votes: r.votes,
  text: plainText(r.item.card.text),
  subPoints: r.item.card.subPoints.map((s) => plainText(s.text)),
  tableName,
  columnTitle,
})

/**
 * Builds the ranking pages' model of a step from the cards in its scope (per table, in board order)
 * and their dots. Equal dots share a rank and keep board order, so ties are visible.
 */
export function buildVoteRanking(
  event: TischEvent,
  step: VoteStep,
  byTable: readonly { tableId: string; cards: readonly CardVotes[] }[],
  voters: number,
  groups: readonly ColumnGroups[] = [],
): VoteRanking {
  const tableName = new Map(event.tables.map((t) => [t.id, plainText(t.name)]))
  const columnTitle = new Map(event.template.stations.flatMap((s) => s.columns.map((c) => [`${s.id}/${c.id}`, plainText(c.title)] as const)))
  // A step on one column names it once, in the scope line; otherwise each entry names its column.
  const titleOf = (c: CardVotes) => (step.scope.columnId ? '' : (columnTitle.get(`${c.card.stationId}/${c.card.columnId}`) ?? ''))
  const station = step.scope.stationId ? event.template.stations.find((s) => s.id === step.scope.stationId) : undefined
  const column = station && step.scope.columnId ? station.columns.find((c) => c.id === step.scope.columnId) : undefined
  const scopeLabel = [
    station ? plainText(station.title) : 'Alle Stationen',
    column ? plainText(column.title) : station?.prompt ? plainText(station.prompt) : '',
  ]
    .filter(Boolean)
    .join(': ')
  const all = byTable.flatMap((t) => t.cards)
  /** The groups of a table's columns in scope, in template order, numbered per column. */
  const clustersOf = (tableId: string, cards: readonly CardVotes[]): RankingCluster[] =>
    event.template.stations.flatMap((s) =>
      s.columns.flatMap((c) => {
        const column = groups.find((g) => g.tableId === tableId && g.stationId === s.id && g.columnId === c.id)
        if (!column) return []
        const inColumn = cards.filter((x) => x.card.stationId === s.id && x.card.columnId === c.id)
        return groupColumn(
          inColumn.map((x) => x.card),
          column.groups,
        ).groups.flatMap(({ group, number, cards: members }) => {
          const ofGroup = members.map((m) => inColumn.find((x) => x.card.id === m.id)!)
          if (ofGroup.length === 0) return []
          return [{
            number,
            title: plainText(group.title),
            columnTitle: titleOf(ofGroup[0]!),
            votes: ofGroup.reduce((n, x) => n + x.votes, 0),
            entries: rankByVotes(ofGroup, (x) => x.votes).map((r) => entry(r, tableName.get(tableId) ?? tableId, titleOf(r.item))),
          }]
        })
      }),
    )
  return {
    event: { id: event.id, title: plainText(event.title), date: event.date, dateLabel: formatDateDe(event.date), place: plainText(event.place) },
    question: plainText(step.question),
    scopeLabel,
    scopeColumn: column ? plainText(column.title) : '',
    budgetLabel: RANKING_WORDS.budget(step.budget, step.perCardMax),
    status: step.status,
    voters,
    overall: rankByVotes(
      all.filter((c) => c.votes > 0),
      (c) => c.votes,
    ).map((r) => entry(r, tableName.get(r.item.tableId) ?? r.item.tableId, titleOf(r.item))),
    tables: byTable
      .filter((t) => t.cards.some((c) => c.votes > 0))
      .map((t) => ({
        tableId: t.tableId,
        name: tableName.get(t.tableId) ?? t.tableId,
        entries: rankByVotes(
          t.cards.filter((c) => c.votes > 0),
          (c) => c.votes,
        ).map((r) => entry(r, tableName.get(t.tableId) ?? t.tableId, titleOf(r.item))),
        unvoted: t.cards.filter((c) => c.votes === 0).length,
        clusters: clustersOf(t.tableId, t.cards),
      })),
    unvotedTables: byTable.filter((t) => !t.cards.some((c) => c.votes > 0)).map((t) => tableName.get(t.tableId) ?? t.tableId),
  }
}

/** "1." or "1. (gleichauf)". */
export const rankLabel = (e: Pick<RankingEntry, 'rank' | 'tied'>): string => (e.tied ? `${e.rank}. (${RANKING_WORDS.tied})` : `${e.rank}.`)

/** Escapes what Markdown would read as markup in typed text. */
/** One line of a card's or a title's words, escaped as every other chapter's Markdown (no link, picture, HTML or math). */
const md = (text: string) => escapeMarkdownLine(text.replace(/\n/g, ' '))

/** The ranking as Markdown: headings, then numbered lines "1. Text – 5 Punkte". */
export function voteRankingToMarkdown(r: VoteRanking): string {
  const lines = [`# ${RANKING_WORDS.title}: ${md(r.question)}`, '', `${md(r.event.title)} · ${r.event.dateLabel}`, '', `${md(r.scopeLabel)} · ${r.budgetLabel} · ${RANKING_WORDS.voters(r.voters)} · ${r.status === 'frozen' ? RANKING_WORDS.frozen : RANKING_WORDS.open}`, '']
  const list = (entries: RankingEntry[], withTable: boolean, empty: string) => {
    if (entries.length === 0) lines.push(empty, '')
    for (const e of entries) {
      lines.push(`${rankLabel(e)} ${md(e.text)} – ${RANKING_WORDS.votes(e.votes)}${withTable ? ` (${md(e.tableName)})` : ''}`)
      // A card's sub-points under it: many cards are a heading ("Dr. Renfeld:") with their content in them.
      for (const s of e.subPoints) lines.push(`   - ${md(s)}`)
    }
    lines.push('')
  }
  lines.push(`## ${RANKING_WORDS.overall}`, '')
  list(r.overall, true, RANKING_WORDS.noVotes)
  if (r.unvotedTables.length > 0) lines.push(md(RANKING_WORDS.unvotedTables(r.unvotedTables)), '')
  for (const t of r.tables) {
    lines.push(`## ${RANKING_WORDS.table}: ${md(t.name)}`, '')
    list(t.entries, false, RANKING_WORDS.noCards)
    if (t.unvoted > 0) lines.push(RANKING_WORDS.unvoted(t.unvoted), '')
    if (t.clusters.length) lines.push(`### ${RANKING_WORDS.clusters}`, '')
    for (const c of t.clusters) {
      lines.push(`#### ${c.number}. ${md(c.title)} – ${RANKING_WORDS.votes(c.votes)}`, '')
      list(c.entries, false, RANKING_WORDS.noCards)
    }
  }
  return lines.join('\n')
}

/** The ranking as CSV rows: one row per card and table page, with the rank, tie and dots. */
export function voteRankingCsvRows(r: VoteRanking): string[][] {
  const rows = [['Rangliste', RANKING_WORDS.table, RANKING_WORDS.column, RANKING_WORDS.rank, RANKING_WORDS.tied, RANKING_WORDS.points, RANKING_WORDS.card, RANKING_WORDS.subPoints]]
  // Every row names its column, also when the step ran on one (a spreadsheet filters by the cell);
  // the sub-points one per line in their cell.
  const columnOf = (e: RankingEntry) => e.columnTitle || r.scopeColumn
  const row = (list: string, e: RankingEntry) => [list, e.tableName, columnOf(e), String(e.rank), e.tied ? 'ja' : 'nein', String(e.votes), e.text, e.subPoints.join('\n')]
  for (const e of r.overall) rows.push(row('Alle Thementische', e))
  for (const t of r.tables) for (const e of t.entries) rows.push(row(t.name, e))
  return rows
}
