import {
  type ColumnGroups,
  type EventId,
  type GroupChange,
  type GroupColumn,
  type GroupRefusal,
  type Result,
  StoreWriteError,
  applyGroupChange,
  boardDocName,
  columnGroupsSchema,
  err,
  findTable,
  groupColumnKey,
  ok,
  positionBefore,
  putCard,
  readSnapshot,
  recordCollection,
} from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventStore } from '../storage/storage.js'

/** Groups of cards, one record per column of a table (`<tableId>/<stationId>/<columnId>`). */
export const cardGroups = recordCollection('card-groups', columnGroupsSchema)

const CAS_TRIES = 50

export type GroupFailure = GroupRefusal | 'NO_EVENT' | 'NO_COLUMN' | 'BUSY'

/** Groups of cards under headings, held by the server like the votes (compare-and-set per column). */
export class GroupService {
  constructor(
    private readonly store: EventStore,
    private readonly rooms: DocRooms,
  ) {}

  async all(eventId: EventId): Promise<ColumnGroups[]> {
    return (await this.store.listRecords(eventId, cardGroups)).map((r) => r.value)
  }

  async of(eventId: EventId, column: GroupColumn): Promise<ColumnGroups> {
    return (await this.store.getRecord(eventId, cardGroups, groupColumnKey(column)))?.value ?? { ...column, groups: [] }
  }

  /**
   * Moves a card within its column to just before another (null: the end), as the server writes
   * it into the board. Returns false when a card is not on that column; true when it moved or stays.
   */
  async moveCard(eventId: EventId, column: GroupColumn, cardId: string, beforeCardId: string | null, by: string): Promise<Result<boolean, GroupFailure>> {
    const stored = await this.store.get(eventId)
    if (!stored) return err('NO_EVENT')
    if (!findTable(stored.event, column.tableId)) return err('NO_COLUMN')
    return this.rooms.read(boardDocName(eventId, column.tableId), async (room) => {
      const cards = readSnapshot(room.doc).cards.filter((c) => c.stationId === column.stationId && c.columnId === column.columnId)
      const moved = cards.find((c) => c.id === cardId)
      if (!moved || (beforeCardId !== null && !cards.some((c) => c.id === beforeCardId))) return err('CARD_UNKNOWN')
      const position = positionBefore(cards, cardId, beforeCardId)
      if (position === null) return ok(true)
      putCard(room.doc, { ...moved, position }, { source: 'server', by })
      await room.settle()
      return ok(true)
    })
  }

  /** Applies one change to a column's groups; only cards on that column may be grouped. */
  async edit(eventId: EventId, column: GroupColumn, change: GroupChange): Promise<Result<ColumnGroups, GroupFailure>> {
    const stored = await this.store.get(eventId)
    if (!stored) return err('NO_EVENT')
    const station = stored.event.template.stations.find((s) => s.id === column.stationId)
    if (!findTable(stored.event, column.tableId) || !station?.columns.some((c) => c.id === column.columnId)) return err('NO_COLUMN')
    const onColumn = new Set(
      await this.rooms.read(boardDocName(eventId, column.tableId), (room) =>
        readSnapshot(room.doc)
          .cards.filter((c) => c.stationId === column.stationId && c.columnId === column.columnId)
          .map((c) => c.id),
      ),
    )
    const key = groupColumnKey(column)
    for (let i = 0; i < CAS_TRIES; i++) {
      const record = await this.store.getRecord(eventId, cardGroups, key)
      const next = applyGroupChange(record?.value.groups ?? [], change, (id) => onColumn.has(id))
      if (!next.ok) return next
      const value: ColumnGroups = { ...column, groups: next.value }
      const written = await this.store.putRecord(eventId, cardGroups, key, value, record?.version ?? null)
      if (written.ok) return ok(value)
      if (written.error === StoreWriteError.NOT_FOUND && record) return err('NO_EVENT')
    }
    return err('BUSY')
  }
}
