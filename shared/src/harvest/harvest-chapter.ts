import type { EventExport } from '../export/event-export.schema.js'
import { SHEET_WORDS, plainText } from '../export/result-sheet.js'
import { escapeMarkdownLine, escapeMarkdownText } from '../export/to-markdown.js'
import { RANKING_WORDS } from './vote-ranking.js'
import { inVoteScope, rankByVotes } from './vote.rules.js'
import { exportedCardKey } from './harvest-export.schema.js'

/** The fixed words of the documentation's chapter on the "Sichtung" (German, like the result sheets). */
export const HARVEST_CHAPTER_WORDS = {
  chapter: 'Sichtung der Ergebnisse',
  intro: 'Am Ende des Tages wurden die Karten gesichtet: unter Überschriften gruppiert und mit Punkten gewichtet. Jede Karte steht mit ihrem Wortlaut hier, mit Thementisch, Station und Spalte, wo sie geschrieben wurde.',
  votingOf: (question: string) => `Priorisierung: ${question}`,
  overall: 'Rangfolge über alle Thementische',
  /** The ranking of a vote at one table. */
  overallOne: (table: string) => `Rangfolge am Thementisch: ${table}`,
  perTable: (name: string) => `Thementisch: ${name}`,
  groups: 'Gruppen',
  groupsIntro: 'Karten, die zusammengehören, unter einer Überschrift; die Punkte stammen aus der letzten Abstimmung über die Spalte.',
  noVotes: RANKING_WORDS.noVotes,
  votes: RANKING_WORDS.votes,
  tied: RANKING_WORDS.tied,
} as const

/** One card of the chapter: its text, where it is, and its dots (null: not put to the vote). */
export interface HarvestCardLine {
  text: string
  /** Its running number in its column (1, 2, …): the Sichtung's CSV column "Nr." (the chapters' lists are not numbered). */
  number: number
  tableName: string
  /** "Station 3 · Wie können wir den Zielen näherkommen?" */
  where: string
  votes: number | null
}

/** A place of a ranking: the card, its rank, shared ranks marked. */
export interface HarvestRankLine extends HarvestCardLine {
  rank: number
  tied: boolean
}

/** The documentation's chapter on groups and votes; null when the event has neither. */
export interface HarvestChapter {
  steps: {
    question: string
    /** Scope, budget, voters, open or frozen. */
    status: string
    /** "Rangfolge über alle Thementische", or the one table's ranking of a vote at one table. */
    overallTitle: string
    overall: HarvestRankLine[]
    /** Each table's own ranking; none for a vote at one table (its ranking is the one above). */
    tables: { name: string; entries: HarvestRankLine[] }[]
  }[]
  groups: {
    tableName: string
    columns: {
      /** "Station 3 · Wie können wir den Zielen näherkommen?" */
      heading: string
      groups: { number: number; title: string; votes: number | null; cards: HarvestCardLine[] }[]
    }[]
  }[]
}

/** "1." or "1. (gleichauf)". */
export const harvestRankLabel = (l: Pick<HarvestRankLine, 'rank' | 'tied'>): string => (l.tied ? `${l.rank}. (${HARVEST_CHAPTER_WORDS.tied})` : `${l.rank}.`)

/**
 * Builds the chapter from an event file: every voting step's ranking (across the event, then per
 * table, only cards with dots), and every table's groups with their cards, numbered.
 */
export function buildHarvestChapter(file: EventExport): HarvestChapter | null {
  const harvest = file.harvest
  if (!harvest || (harvest.groups.length === 0 && harvest.votes.length === 0)) return null
  const { event } = file
  const tableName = new Map(event.tables.map((t) => [t.id, plainText(t.name)]))
  const stationOf = new Map(event.template.stations.map((s) => [s.id, s]))
  const whereOf = (stationId: string, columnId: string) => {
    const station = stationOf.get(stationId)
    const column = station?.columns.find((c) => c.id === columnId)
    return [station ? plainText(station.title) : stationId, column ? plainText(column.title) : columnId].join(' · ')
  }
  const cardOf = (tableId: string, stationId: string, columnId: string, index: number) =>
    file.boards.find((b) => b.tableId === tableId)?.stations.find((s) => s.stationId === stationId)?.columns.find((c) => c.columnId === columnId)?.cards[index]
  // A card the moderation struck through is marked so here as on its table's sheet.
  const textOf = (card: ReturnType<typeof cardOf>) => (card ? `${plainText(card.text)}${card.struck ? ` ${SHEET_WORDS.struck}` : ''}` : '')
  const line = (tableId: string, stationId: string, columnId: string, index: number, votes: number | null): HarvestCardLine => ({
    text: textOf(cardOf(tableId, stationId, columnId, index)),
    number: index + 1,
    tableName: tableName.get(tableId) ?? tableId,
    where: whereOf(stationId, columnId),
    votes,
  })
  const ranked = (counts: (typeof harvest.votes)[number]['counts']): HarvestRankLine[] =>
    rankByVotes(
      counts.filter((c) => c.count > 0),
      (c) => c.count,
    ).map((r) => ({ ...line(r.item.tableId, r.item.stationId, r.item.columnId, r.item.card, r.votes), rank: r.rank, tied: r.tied }))

  const steps = harvest.votes.map((step) => {
    const station = step.scope.stationId ? stationOf.get(step.scope.stationId) : undefined
    const column = station && step.scope.columnId ? station.columns.find((c) => c.id === step.scope.columnId) : undefined
    const scope = [station ? plainText(station.title) : 'Alle Stationen', column ? plainText(column.title) : '', step.scope.tableId ? (tableName.get(step.scope.tableId) ?? '') : ''].filter(Boolean).join(' · ')
    return {
      question: plainText(step.question),
      status: [scope, RANKING_WORDS.budget(step.budget, step.perCardMax), RANKING_WORDS.voters(step.voters), step.status === 'frozen' ? RANKING_WORDS.frozen : RANKING_WORDS.open].join(' · '),
      overallTitle: step.scope.tableId ? HARVEST_CHAPTER_WORDS.overallOne(tableName.get(step.scope.tableId) ?? step.scope.tableId) : HARVEST_CHAPTER_WORDS.overall,
      overall: ranked(step.counts),
      tables: step.scope.tableId
        ? []
        : event.tables.map((t) => ({ name: plainText(t.name), entries: ranked(step.counts.filter((c) => c.tableId === t.id)) })).filter((t) => t.entries.length > 0),
    }
  })

  /** Dots of a card from the newest step whose scope takes in its column; null when none does. */
  const votesOf = (tableId: string, stationId: string, columnId: string, index: number): number | null => {
    for (const step of [...harvest.votes].reverse()) {
      if (!inVoteScope(step.scope, tableId, { stationId, columnId })) continue
      const key = exportedCardKey(tableId, stationId, columnId, index)
      return step.counts.find((c) => exportedCardKey(c.tableId, c.stationId, c.columnId, c.card) === key)?.count ?? 0
    }
    return null
  }
  const groups = event.tables.flatMap((table) => {
    const columns = harvest.groups
      .filter((g) => g.tableId === table.id)
      .map((column) => ({
        heading: whereOf(column.stationId, column.columnId),
        // A heading no card was put under says nothing in the documentation: left out, the rest numbered on.
        groups: column.groups
          .map((group) => ({ title: plainText(group.title), cards: [...new Set(group.cards)].sort((a, b) => a - b).map((index) => line(table.id, column.stationId, column.columnId, index, votesOf(table.id, column.stationId, column.columnId, index))) }))
          .filter((group) => group.cards.length > 0)
          .map((group, i) => {
            const voted = group.cards.filter((c) => c.votes !== null)
            return { number: i + 1, ...group, votes: voted.length > 0 ? voted.reduce((n, c) => n + (c.votes ?? 0), 0) : null }
          }),
      }))
      .filter((column) => column.groups.length > 0)
    return columns.length > 0 ? [{ tableName: plainText(table.name), columns }] : []
  })
  // Headings without cards and no vote: nothing to document.
  if (steps.length === 0 && groups.length === 0) return null
  return { steps, groups }
}

const md = (text: string) => escapeMarkdownLine(text.replace(/\s*\n\s*/g, ' ').trim())
const withVotes = (l: HarvestCardLine) => (l.votes ? ` – ${HARVEST_CHAPTER_WORDS.votes(l.votes)}` : '')

/** The chapter as Markdown (`##` chapter, `###` steps and groups), or '' without groups and votes. */
export function harvestChapterToMarkdown(chapter: HarvestChapter | null): string {
  if (!chapter) return ''
  const lines = [`## ${md(HARVEST_CHAPTER_WORDS.chapter)}`, '', escapeMarkdownText(HARVEST_CHAPTER_WORDS.intro), '']
  const ranking = (entries: HarvestRankLine[], withTable: boolean) => {
    if (entries.length === 0) lines.push(escapeMarkdownText(HARVEST_CHAPTER_WORDS.noVotes), '')
    // Ranks repeat on ties ("2., 2."): written as text, not as a Markdown list that would renumber them.
    for (const e of entries) lines.push(`- **${md(harvestRankLabel(e))}** ${md(e.text)}${withVotes(e)} (${md([withTable ? e.tableName : '', e.where].filter(Boolean).join(' · '))})`)
    lines.push('')
  }
  for (const step of chapter.steps) {
    lines.push(`### ${md(HARVEST_CHAPTER_WORDS.votingOf(step.question))}`, '', escapeMarkdownText(step.status), '')
    lines.push(`#### ${md(step.overallTitle)}`, '')
    ranking(step.overall, true)
    for (const t of step.tables) {
      lines.push(`#### ${md(HARVEST_CHAPTER_WORDS.perTable(t.name))}`, '')
      ranking(t.entries, false)
    }
  }
  if (chapter.groups.length > 0) lines.push(`### ${md(HARVEST_CHAPTER_WORDS.groups)}`, '', escapeMarkdownText(HARVEST_CHAPTER_WORDS.groupsIntro), '')
  for (const table of chapter.groups) {
    lines.push(`#### ${md(HARVEST_CHAPTER_WORDS.perTable(table.tableName))}`, '')
    for (const column of table.columns) {
      lines.push(`##### ${md(column.heading)}`, '')
      for (const g of column.groups) {
        lines.push(`${g.number}. **${md(g.title)}**${g.votes ? ` – ${HARVEST_CHAPTER_WORDS.votes(g.votes)}` : ''}`, '')
        for (const c of g.cards) lines.push(`   - ${md(c.text)}${withVotes(c)}`)
        lines.push('')
      }
    }
  }
  return lines.join('\n')
}
