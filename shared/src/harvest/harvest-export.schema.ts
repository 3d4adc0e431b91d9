import { z } from 'zod'
import { cardIdSchema, columnIdSchema, randomIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'
import { GROUPS_PER_COLUMN_MAX, GROUP_CARDS_MAX, cardGroupSchema } from './group.schema.js'
import { duplicate } from '../wire/field-issue.js'
import { refuseRepeatedKeys } from '../wire/unique-keys.js'
import { VOTE_BUDGET_MAX, VOTE_QUESTION_MAX, VOTE_STEPS_MAX, voteScopeSchema, voteStatusSchema } from './vote.schema.js'

/**
 * Groups and votes as an event file carries them. An exported card has no id: a card is named by
 * its table, station, column and its place in that column of the file's `boards` (0: first).
 */
const cardIndexSchema = z.number().int().min(0).max(1999)

/** One column's groups, in order (numbered 1., 2., … by it); each group lists its cards by place. */
export const harvestGroupsExportSchema = z.object({
  tableId: tableIdSchema,
  stationId: stationIdSchema,
  columnId: columnIdSchema,
  groups: z
    .array(z.object({ title: cardGroupSchema.shape.title, collapsed: z.boolean(), cards: z.array(cardIndexSchema).max(GROUP_CARDS_MAX) }))
    .max(GROUPS_PER_COLUMN_MAX),
})
export type HarvestGroupsExport = z.infer<typeof harvestGroupsExportSchema>

/** A voting step with its result: dots per card (anonymous: who voted is never in a file). */
export const harvestVoteExportSchema = z
  .object({
    question: z.string().trim().min(1).max(VOTE_QUESTION_MAX),
    scope: voteScopeSchema,
    budget: z.number().int().min(1).max(VOTE_BUDGET_MAX),
    perCardMax: z.number().int().min(1).max(VOTE_BUDGET_MAX),
    status: voteStatusSchema,
    openedAt: z.number().int().nonnegative(),
    frozenAt: z.number().int().nonnegative().optional(),
    /** How many people voted. */
    voters: z.number().int().nonnegative().max(1_000_000),
    counts: z
      .array(z.object({ tableId: tableIdSchema, stationId: stationIdSchema, columnId: columnIdSchema, card: cardIndexSchema, count: z.number().int().min(1).max(1_000_000) }))
      .max(20_000),
  })
  // The rule a new step follows: no more dots on one card than a person has.
  .refine((v) => v.perCardMax <= v.budget, { path: ['perCardMax'], params: { issue: 'too_big' } })
export type HarvestVoteExport = z.infer<typeof harvestVoteExportSchema>

/** The "Sichtung" of an event: groups of cards under headings and the voting steps' results. */
export const harvestExportSchema = z
  .object({
    groups: z.array(harvestGroupsExportSchema).max(5000),
    votes: z.array(harvestVoteExportSchema).max(VOTE_STEPS_MAX),
  })
  // One record per column, a card in at most one group, one count per card: a repeat would
  // overwrite the one before it or put a card under two headings.
  .superRefine((harvest, ctx) => {
    refuseRepeatedKeys(ctx, harvest.groups, (c) => `${c.tableId}/${c.stationId}/${c.columnId}`, ['groups'])
    harvest.groups.forEach((column, c) => {
      const cards = column.groups.flatMap((g, i) => g.cards.map((card, j) => ({ card, at: [i, 'cards', j] as const })))
      const seen = new Set<number>()
      for (const { card, at } of cards) {
        if (seen.has(card)) ctx.addIssue({ code: 'custom', path: ['groups', c, 'groups', ...at], message: `card ${card} in two groups`, params: duplicate(String(card)) })
        seen.add(card)
      }
    })
    harvest.votes.forEach((step, s) => refuseRepeatedKeys(ctx, step.counts, (n) => exportedCardKey(n.tableId, n.stationId, n.columnId, n.card), ['votes', s, 'counts']))
  })
export type HarvestExport = z.infer<typeof harvestExportSchema>

/** Where a card is in an event file: `<tableId>/<stationId>/<columnId>/<place>`. */
export const exportedCardKey = (tableId: string, stationId: string, columnId: string, index: number): string => `${tableId}/${stationId}/${columnId}/${index}`

/**
 * The references of a file's groups and votes that name no card of its boards: path and the key,
 * for the importer's first problem. `cardsIn(table, station, column)` is the column's card count.
 */
export function harvestReferenceIssues(
  harvest: HarvestExport,
  event: { tables: readonly { id: string }[]; template: { stations: readonly { id: string; columns: readonly { id: string }[] }[] } },
  cardsIn: (tableId: string, stationId: string, columnId: string) => number,
): { path: (string | number)[]; key: string }[] {
  const issues: { path: (string | number)[]; key: string }[] = []
  harvest.votes.forEach(({ scope }, s) => {
    const station = scope.stationId === undefined ? undefined : event.template.stations.find((x) => x.id === scope.stationId)
    if (scope.stationId !== undefined && !station) issues.push({ path: ['harvest', 'votes', s, 'scope', 'stationId'], key: scope.stationId })
    else if (scope.columnId !== undefined && !station?.columns.some((c) => c.id === scope.columnId)) issues.push({ path: ['harvest', 'votes', s, 'scope', 'columnId'], key: scope.columnId })
    if (scope.tableId !== undefined && !event.tables.some((t) => t.id === scope.tableId)) issues.push({ path: ['harvest', 'votes', s, 'scope', 'tableId'], key: scope.tableId })
  })
  harvest.groups.forEach((column, c) => {
    const n = cardsIn(column.tableId, column.stationId, column.columnId)
    column.groups.forEach((group, g) =>
      group.cards.forEach((index, i) => {
        if (index >= n) issues.push({ path: ['harvest', 'groups', c, 'groups', g, 'cards', i], key: exportedCardKey(column.tableId, column.stationId, column.columnId, index) })
      }),
    )
  })
  harvest.votes.forEach((step, s) =>
    step.counts.forEach((count, i) => {
      if (count.card >= cardsIn(count.tableId, count.stationId, count.columnId)) issues.push({ path: ['harvest', 'votes', s, 'counts', i], key: exportedCardKey(count.tableId, count.stationId, count.columnId, count.card) })
    }),
  )
  return issues
}

/**
 * The result of a voting step that came in with an event file (its ballots stayed behind): dots per
 * card and how many voted. Stored by the server next to the step; the tally adds it to the ballots.
 */
export const importedVoteResultSchema = z.object({
  stepId: randomIdSchema,
  counts: z.array(z.object({ tableId: tableIdSchema, cardId: cardIdSchema, count: z.number().int().min(1).max(1_000_000) })).max(20_000),
  voters: z.number().int().nonnegative().max(1_000_000),
})
export type ImportedVoteResult = z.infer<typeof importedVoteResultSchema>

/** A file's groups and votes narrowed to one table (a table's own JSON file). */
export function narrowHarvestToTable(harvest: HarvestExport, tableId: string): HarvestExport {
  return {
    groups: harvest.groups.filter((g) => g.tableId === tableId),
    votes: harvest.votes.filter((v) => v.scope.tableId === undefined || v.scope.tableId === tableId).map((v) => ({ ...v, counts: v.counts.filter((c) => c.tableId === tableId) })),
  }
}
