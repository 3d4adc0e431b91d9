import { createHash } from 'node:crypto'
import {
  type Card,
  type ColumnGroups,
  type EventId,
  type HarvestExport,
  type HarvestGroupsExport,
  type HarvestVoteExport,
  type TischEvent,
  type VoteStep,
  columnGroupsSchema,
  exportedCardKey,
  layoutBoard,
} from '@tischrunde/shared'
import type { EventStore } from '../storage/storage.js'
import { cardGroups } from './group-service.js'
import type { VoteService } from './vote-service.js'

/** Where each card of a table is in an event file (its column and place), and back. */
function placesOf(event: TischEvent, cardsByTable: ReadonlyMap<string, readonly Card[]>) {
  const place = new Map<string, { stationId: string; columnId: string; index: number }>()
  const card = new Map<string, string>()
  for (const table of event.tables) {
    for (const station of layoutBoard(cardsByTable.get(table.id) ?? [], event.template).stations)
      for (const column of station.columns)
        column.cards.forEach((c, index) => {
          place.set(`${table.id}/${c.id}`, { stationId: station.id, columnId: column.id, index })
          card.set(exportedCardKey(table.id, station.id, column.id, index), c.id)
        })
  }
  return { place, card }
}

/** Template order of tables, stations and columns: how a file lists groups and counts. */
function orderOf(event: TischEvent) {
  const rank = new Map<string, number>()
  event.tables.forEach((t, i) => rank.set(`t:${t.id}`, i))
  event.template.stations.forEach((s, i) => {
    rank.set(`s:${s.id}`, i)
    s.columns.forEach((c, j) => rank.set(`c:${s.id}/${c.id}`, j))
  })
  return (a: { tableId: string; stationId: string; columnId: string }, b: { tableId: string; stationId: string; columnId: string }) =>
    (rank.get(`t:${a.tableId}`) ?? 0) - (rank.get(`t:${b.tableId}`) ?? 0) ||
    (rank.get(`s:${a.stationId}`) ?? 0) - (rank.get(`s:${b.stationId}`) ?? 0) ||
    (rank.get(`c:${a.stationId}/${a.columnId}`) ?? 0) - (rank.get(`c:${b.stationId}/${b.columnId}`) ?? 0)
}

/** A stable id for something an import creates (the same file gives the same ids). */
const importedId = (eventId: string, what: string, i: number) => `imp${String(i).padStart(3, '0')}${createHash('sha256').update(`${eventId}/${what}/${i}`).digest('base64url').slice(0, 14)}`

/**
 * Groups and voting results in and out of event files. Cards are named by their place in the file's
 * boards; a card no longer on its board (hidden, deleted) is left out. Nothing of who voted travels.
 */
export class HarvestTransfer {
  constructor(
    private readonly store: EventStore,
    private readonly votes: VoteService,
  ) {}

  /** The event's groups and voting results for its file; undefined when it has neither (old files stay as they were). */
  async exportOf(eventId: EventId, event: TischEvent, cardsByTable: ReadonlyMap<string, readonly Card[]>): Promise<HarvestExport | undefined> {
    const { place } = placesOf(event, cardsByTable)
    const order = orderOf(event)
    const groups: HarvestGroupsExport[] = []
    for (const { value } of await this.store.listRecords(eventId, cardGroups)) {
      const sorted = [...value.groups].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
      const exported = sorted.map((g) => ({
        title: g.title,
        collapsed: g.collapsed,
        cards: g.cardIds.flatMap((id) => {
          const p = place.get(`${value.tableId}/${id}`)
          return p && p.stationId === value.stationId && p.columnId === value.columnId ? [p.index] : []
        }),
      }))
      if (exported.length > 0) groups.push({ tableId: value.tableId, stationId: value.stationId, columnId: value.columnId, groups: exported })
    }
    groups.sort(order)
    const votes: HarvestVoteExport[] = []
    for (const step of await this.votes.steps(eventId)) {
      const tally = await this.votes.tally(eventId, step.id)
      const counts = tally.counts.flatMap((c) => {
        const p = place.get(`${c.tableId}/${c.cardId}`)
        return p && c.count > 0 ? [{ tableId: c.tableId, stationId: p.stationId, columnId: p.columnId, card: p.index, count: c.count }] : []
      })
      counts.sort((a, b) => order(a, b) || a.card - b.card)
      votes.push({
        question: step.question,
        scope: step.scope,
        budget: step.budget,
        perCardMax: step.perCardMax,
        status: step.status,
        openedAt: step.openedAt,
        ...(step.frozenAt !== undefined ? { frozenAt: step.frozenAt } : {}),
        voters: tally.voters,
        counts,
      })
    }
    return groups.length === 0 && votes.length === 0 ? undefined : { groups, votes }
  }

  /** Stores a file's groups and voting results for the boards just written from it. */
  async importInto(eventId: EventId, event: TischEvent, harvest: HarvestExport | undefined, cardsByTable: ReadonlyMap<string, readonly Card[]>): Promise<void> {
    if (!harvest) return
    const { card } = placesOf(event, cardsByTable)
    const idOf = (tableId: string, stationId: string, columnId: string, index: number) => card.get(exportedCardKey(tableId, stationId, columnId, index))
    for (const [c, column] of harvest.groups.entries()) {
      const value: ColumnGroups = columnGroupsSchema.parse({
        tableId: column.tableId,
        stationId: column.stationId,
        columnId: column.columnId,
        groups: column.groups.map((g, i) => ({
          id: importedId(eventId, `group/${c}`, i),
          title: g.title,
          position: i + 1,
          collapsed: g.collapsed,
          cardIds: g.cards.flatMap((index) => idOf(column.tableId, column.stationId, column.columnId, index) ?? []),
        })),
      })
      const key = `${column.tableId}/${column.stationId}/${column.columnId}`
      await this.store.putRecord(eventId, cardGroups, key, value, (await this.store.getRecord(eventId, cardGroups, key))?.version ?? null)
    }
    for (const [i, v] of harvest.votes.entries()) {
      const step: VoteStep = {
        id: importedId(eventId, 'vote', i),
        question: v.question,
        scope: v.scope,
        budget: v.budget,
        perCardMax: v.perCardMax,
        status: v.status,
        onProjector: false,
        openedAt: v.openedAt,
        ...(v.frozenAt !== undefined ? { frozenAt: v.frozenAt } : {}),
      }
      const counts = v.counts.flatMap((c) => {
        const cardId = idOf(c.tableId, c.stationId, c.columnId, c.card)
        return cardId ? [{ tableId: c.tableId, cardId, count: c.count }] : []
      })
      await this.votes.importStep(eventId, step, { stepId: step.id, counts, voters: v.voters })
    }
  }
}
