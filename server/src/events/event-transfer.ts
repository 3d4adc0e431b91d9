import { createHash } from 'node:crypto'
import {
  type Card,
  type EventExport,
  EVENT_EXPORT_FORMAT,
  EVENT_EXPORT_VERSION,
  type StoredEvent,
  boardDoc,
  boardDocName,
  cardsFromExportBoard,
  describeFirstIssue,
  type FieldIssue,
  eventExportSchema,
  exportBoardFromCards,
  putCard,
  readSnapshot,
  docNameOf,
  exportTreeOf,
  readTree,
  treeKind,
  slugify,
  uniqueId,
} from '@tischrunde/shared'
import * as Y from 'yjs'
import type { DocRooms } from '../boards/doc-rooms.js'
import { keyOf } from '../boards/state-vectors.js'
import { StorageFailure } from '../storage/storage-error.js'
import { buildActorMap } from '../actors/build-actor-map.js'
import { exportActorMap, importActorMap } from '../actors/actor-map-transfer.js'
import type { EventService } from './event-service.js'
import type { ProgrammeCopy } from '../programme/programme-copy.js'
import { writeImportedTrees } from '../export/tree/tree-import.js'
import { treeGroupsInUse } from '../tree/tree-groups.js'
import type { HarvestTransfer } from '../harvest/harvest-transfer.js'
import { exportWorkshopBoards, importWorkshopBoards } from '../programme/workshop-board-transfer.js'
import type { LogoStore } from '../framing/logo-store.js'
import { checkedImportLogos, restoreLogos, withLogos } from '../framing/logo-import.js'

/** Author id of cards that came from an import or the seed. */
export const IMPORT_AUTHOR = 'imported-cards'

/** Moves whole events in and out: the seed, JSON import and JSON export. */
export class EventTransfer {
  /** Groups and voting results, carried in the same file (set once the votes are up). */
  harvest?: HarvestTransfer
  /** Where an imported file's logos are written back (absent: the framing keeps no logo). */
  logos?: LogoStore
  /**
   * Several nodes: makes this node the owner of an event it just created, before its docs are
   * written (the store refuses doc writes of a node that does not hold the event's lease).
   */
  claim?: (eventId: string) => Promise<void>

  constructor(
    private readonly events: EventService,
    private readonly rooms: DocRooms,
    /** Where an event's programme is read and written (absent: files carry none). */
    private readonly programme?: ProgrammeCopy,
  ) {}

  /**
   * Loads an event file under its own id. Idempotent: an existing event is left alone unless
   * `reset`, which restores the file's boards (keeping join code and links).
   */
  async seed(file: EventExport, opts: { reset: boolean; now: number }): Promise<{ created: boolean; stored: StoredEvent }> {
    const existing = await this.events.get(file.event.id)
    if (existing && !opts.reset) return { created: false, stored: existing }
    const replaced = existing && (await this.events.updateSetup(existing.event.id, () => file.event))
    const stored = replaced || (await this.events.insert(file.event, opts.now))
    try {
      await this.writeBoards(stored, file)
      await importActorMap(this.rooms, stored.event.id, file.actors)
      await buildActorMap(this.rooms, stored)
      if (file.programme) await this.programme?.write(stored.event.id, file.programme)
      await importWorkshopBoards(this.rooms, stored.event.id, file, IMPORT_AUTHOR)
    } catch (error) {
      // A new event seeded half (a bad item, a full disk) would stay "already there" on the next
      // run: it goes again. A reset keeps its event (join code, links); running it again repairs it.
      if (!existing) await this.removeHalf(stored.event.id)
      throw error
    }
    return { created: !existing, stored }
  }

  /**
   * Imports an event file as a new event. Throws ImportError naming the first problem; nothing is
   * stored unless the whole file is valid.
   */
  async importFile(json: unknown, now: number): Promise<StoredEvent> {
    const parsed = eventExportSchema.safeParse(json)
    if (!parsed.success) throw new ImportError(describeFirstIssue(parsed.error))
    const file = parsed.data
    // The logos are checked as an upload is, before anything is stored.
    const logos = await checkedImportLogos(file)
    if (!logos.ok) throw new ImportError(logos.issue)
    const taken = new Set((await this.events.list()).map((e) => e.event.id))
    const id = uniqueId(file.event.id || slugify(file.event.title), taken)
    let stored = await this.events.insert({ ...file.event, id }, now)
    try {
      await this.claim?.(stored.event.id)
      // Logo files under the id, new a moment ago, are those of a deleted event of that id this node
      // kept (it was down when that was deleted, or heard of it late): not the new event's.
      await this.logos?.removeEvent(stored.event.id)
      if (this.logos) stored = await restoreLogos(this.events, this.logos, stored, logos.value)
      await this.writeBoards(stored, { ...file, event: stored.event })
      await importActorMap(this.rooms, stored.event.id, file.actors)
      await buildActorMap(this.rooms, stored)
      if (file.programme) await this.programme?.write(stored.event.id, file.programme)
      await importWorkshopBoards(this.rooms, stored.event.id, { ...file, event: stored.event }, IMPORT_AUTHOR)
    } catch (error) {
      // Nothing stored half: an import failing after the event was created takes it away again.
      await this.removeHalf(stored.event.id)
      throw error
    }
    return stored
  }

  /** Takes away an event that failed half-way in (import, seed): its record, docs, logos and programme copy. */
  private async removeHalf(eventId: string): Promise<void> {
    await this.events.remove(eventId).catch(() => undefined)
    await this.rooms.removeEvent(eventId).catch(() => undefined)
    await this.logos?.removeEvent(eventId).catch(() => undefined)
    // The programme kept in memory would make a second attempt's save look stale.
    this.programme?.forget?.(eventId)
  }

  /**
   * The whole event with every board, in the format `importFile` reads. Boards are read one at a
   * time; one that no socket holds is unloaded again right after. The logos the framing names come
   * along (the documentation's title page shows them).
   */
  async exportEvent(stored: StoredEvent): Promise<EventExport> {
    const file = await this.exportContents(stored)
    return this.logos ? withLogos(file, this.logos) : file
  }

  private async exportContents(stored: StoredEvent): Promise<EventExport> {
    const boards = []
    const cardsByTable = new Map<string, Card[]>()
    for (const table of stored.event.tables) {
      // Read only (as every read of an export): a board nobody wrote to gets no file from it.
      const cards = await this.rooms.peek(boardDocName(stored.event.id, table.id), (doc) => readSnapshot(doc).cards)
      cardsByTable.set(table.id, cards)
      boards.push(exportBoardFromCards(table.id, cards, stored.event.template))
    }
    const harvested = await this.harvest?.exportOf(stored.event.id, stored.event, cardsByTable)
    const harvest = harvested ? { harvest: harvested } : {}
    const actors = await exportActorMap(this.rooms, stored, cardsByTable)
    const programme = (await this.programme?.read(stored.event.id)) ?? undefined
    const workshopBoards = await exportWorkshopBoards(this.rooms, stored.event.id, programme)
    const withProgramme = { ...(programme ? { programme } : {}), ...(workshopBoards.length > 0 ? { workshopBoards } : {}) }
    const method = stored.event.treeMethod
    if (!method) return { format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, event: stored.event, boards, ...(actors ? { actors } : {}), ...withProgramme, ...harvest }
    const trees = []
    for (const group of await treeGroupsInUse(this.rooms, stored.event.id, method))
      for (const phase of ['problem', 'objective'] as const) {
        const name = docNameOf({ kind: treeKind.name, eventId: stored.event.id, parts: { groupId: group.id, phase } }, treeKind)
        trees.push(exportTreeOf(group.id, phase, await this.rooms.peek(name, (doc) => readTree(doc))))
      }
    return { format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, event: stored.event, boards, trees, ...(actors ? { actors } : {}), ...withProgramme, ...harvest }
  }

  private async writeBoards(stored: StoredEvent, file: EventExport): Promise<void> {
    const createdAt = Date.parse(`${stored.event.date}T12:00:00Z`) || 0
    const cardsByTable = new Map<string, Card[]>()
    for (const table of stored.event.tables) {
      const board = file.boards.find((b) => b.tableId === table.id) ?? { tableId: table.id, stations: [] }
      const makeId = (s: string, c: string, i: number, sub?: number) =>
        'i' + createHash('sha256').update(`${stored.event.id}/${table.id}/${s}/${c}/${i}/${sub ?? ''}`).digest('base64url').slice(0, 20)
      const cards = cardsFromExportBoard(board, makeId, { authorId: IMPORT_AUTHOR, createdAt })
      cardsByTable.set(table.id, cards)
      const name = boardDocName(stored.event.id, table.id)
      await this.rooms.read(name, async (room) => {
        room.doc.transact(() => {
          const map = boardDoc(room.doc).cards
          for (const key of [...map.keys()]) map.delete(key)
          for (const card of cards) putCard(room.doc, card, { source: 'import' })
        }, { source: 'import' })
        const written = keyOf(Y.encodeStateVector(room.doc))
        await room.settle()
        // A write the store refused (another node's fence) drops the room and settles "done":
        // what is stored must cover what was written, or the import fails and is taken back.
        if (keyOf(room.persisted) !== written) throw new StorageFailure(`the board ${name}`, { cause: room.storageError ?? new Error('the store refused it') })
      })
    }
    // The groups' problem and objective trees travel in the same file.
    await writeImportedTrees(this.rooms, stored, file)
    await this.harvest?.importInto(stored.event.id, stored.event, file.harvest, cardsByTable)
  }
}

/** An import file that fails validation; `issue` names the first problem (`message`: the same, in English for logs). */
export class ImportError extends Error {
  override name = 'ImportError'
  readonly issue: FieldIssue
  constructor(first: { message: string; issue: FieldIssue }) {
    super(first.message)
    this.issue = first.issue
  }
}

