import { type Ballot, type Card, type TischEvent, type VoteStep, type VoteTallyMessage, cardRefKey, compareCards, dotsLeft, inVoteScope, rankByVotes, type Ranked } from '@tischrunde/shared'

/** The tables a step concerns, in event order. */
export function stepTables(event: TischEvent, step: VoteStep) {
  return event.tables.filter((t) => step.scope.tableId === undefined || t.id === step.scope.tableId)
}

/** The cards of one board a step puts to the vote, in board order (station, column, position). */
export function cardsInScope(event: TischEvent, step: VoteStep, tableId: string, cards: readonly Card[]): Card[] {
  const stationIndex = new Map(event.template.stations.map((s, i) => [s.id, i]))
  const columnIndex = new Map(event.template.stations.flatMap((s) => s.columns.map((c, i) => [`${s.id}/${c.id}`, i] as const)))
  return cards
    .filter((c) => inVoteScope(step.scope, tableId, c))
    .sort((a, b) => (stationIndex.get(a.stationId) ?? 99) - (stationIndex.get(b.stationId) ?? 99) || (columnIndex.get(`${a.stationId}/${a.columnId}`) ?? 99) - (columnIndex.get(`${b.stationId}/${b.columnId}`) ?? 99) || compareCards(a, b))
}

/** This participant's dots per card (`<tableId>/<cardId>` → count) in a step, and how many are left. */
export function myDots(step: VoteStep, ballots: readonly Ballot[]): { byCard: Map<string, number>; left: number } {
  const ballot = ballots.find((b) => b.stepId === step.id) ?? { stepId: step.id, dots: [] }
  return { byCard: new Map(ballot.dots.map((d) => [cardRefKey(d), d.count])), left: dotsLeft(step, ballot) }
}

/** A card with its table, for rankings across boards. */
export interface TableCard {
  tableId: string
  card: Card
}

/** Cards ranked by a tally: most dots first, ties sharing a rank. */
export function rankCards(cards: readonly TableCard[], tally: VoteTallyMessage | undefined): Ranked<TableCard>[] {
  const counts = new Map((tally?.counts ?? []).map((c) => [cardRefKey(c), c.count]))
  return rankByVotes(cards, (c) => counts.get(cardRefKey({ tableId: c.tableId, cardId: c.card.id })) ?? 0)
}

/** What a step puts to the vote, in words: "Station 3 – Wer kann helfen?", "Station 3", or null for everything. */
export function scopeWords(event: TischEvent, step: VoteStep): string | null {
  const station = event.template.stations.find((s) => s.id === step.scope.stationId)
  if (!station) return null
  const column = station.columns.find((c) => c.id === step.scope.columnId)
  return column ? `${station.title} – ${column.title}` : station.title
}
