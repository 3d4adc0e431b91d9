import {
  type EventActor,
  CARDS_PER_BOARD_MAX,
  CARDS_PER_PARTICIPANT_MAX,
  HELD_ROOT,
  MERGED_MAX,
  type HeldCard,
  type HeldStatus,
  MODSTATE_EVENT,
  MODSTATE_STATIONS,
  type ModerationAction,
  type RecordChange,
  type StationMode,
  boardDocName,
  cardSchema,
  collectDocName,
  heldCardSchema,
  editedHeld,
  holdChangedCard,
  holdNewCard,
  moderationDocName,
  modstateDocName,
  ownDocName,
  parsedRecord,
  readHeld,
  readModes,
  revealedCards,
  type ModerationModesPush,
  resolveDocName,
  WriteRefusal,
  withMark,
} from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { Diversion, DocRoom } from '../boards/doc-room.js'
import type { DocRooms, RoomExtension } from '../boards/doc-rooms.js'
import { type WriteContext, viewOf } from '../boards/write-gate.js'
import { companionsOf, heldCardsOf, heldIds, moderationEverUsed, modesOf, recountCollected, stillCollecting } from './held-reads.js'

const CARDS = 'cards'
/** How many refusals the server remembers to answer one sent again (a few minutes of a busy event). */
const REFUSALS_REMEMBERED = 2000
const OWN_STATUSES: ReadonlySet<HeldCard['status']> = new Set(['hidden', 'pending', 'collected'])

/** Why a moderation command found nothing to do. */
export type ModerationOutcome = { ok: true } | { ok: false; why: 'NO_SUCH_CARD' }

/**
 * Moves cards between a board and the docs only some roles open (see the kinds' DESIGN.md): hide
 * and restore, approve and refuse, collect and reveal. Every move writes the card where it goes
 * before it leaves where it was, in one synchronous step, so it is never in neither doc.
 */
export class Moderation implements RoomExtension {
  /** Own-doc refreshes in flight, per doc name (one after the other). */
  private readonly ownQueue = new Map<string, Promise<void>>()
  /**
   * Cards refused lately (`<board doc>/<card>`, oldest first): a refusal leaves the card only in its
   * author's own doc, so the same refuse sent again (its answer was lost) is known by this.
   */
  private readonly refusedLately = new Set<string>()
  /** Told when the modes changed (no participant) or a participant's held cards at a table did (the control plane tells their phones). */
  onChanged: (change: { eventId: string; tableId?: string; participantId?: string }) => void = () => {}

  constructor(
    private readonly rooms: DocRooms,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  companions(name: string): readonly string[] {
    const resolved = resolveDocName(name, this.rooms.kinds)
    if (resolved?.kind.name !== 'board') return []
    const { eventId, parts } = resolved.scope
    return [moderationDocName(eventId, parts.tableId!), collectDocName(eventId, parts.tableId!), modstateDocName(eventId)]
  }

  /**
   * A board copy of a held card (a stop between the two writes of a move) is removed again; an
   * author's own doc is brought in line with the table's held cards whenever it is opened.
   */
  loaded(room: DocRoom): void {
    if (room.kind.name === 'own') {
      const { eventId, parts } = resolveDocName(room.name, this.rooms.kinds)!.scope
      if (!this.ownQueue.has(room.name)) void this.refreshOwn(eventId, parts.tableId!, parts.participantId!)
      return
    }
    const companions = companionsOf(room)
    if (!companions) return
    const cards = room.doc.getMap<unknown>(CARDS)
    const stale = [...heldIds(companions.moderation), ...heldIds(companions.collect)].filter((id) => cards.has(id))
    if (stale.length > 0) room.writeAsServer(() => stale.forEach((id) => cards.delete(id)), 'moderation')
  }

  divert(room: DocRoom, changes: readonly RecordChange[], ctx: WriteContext): Diversion | null {
    const companions = companionsOf(room)
    if (!companions) return null
    // Read once, and only for an update that adds or changes a card.
    let modes: ReturnType<typeof readModes> | null = null
    const held = { moderation: companions.moderation.doc.getMap<unknown>(HELD_ROOT), collect: companions.collect.doc.getMap<unknown>(HELD_ROOT) }
    const moves: { target: DocRoom; record: HeldCard | null; key: string; edit?: true }[] = []
    for (const change of changes) {
      if (change.root !== CARDS || change.after === undefined) continue
      // A card held off the board stays held, also when its author edits it offline; the author's
      // correction of a waiting or collected card is kept in it (as they were told "gespeichert").
      const where = held.collect.has(change.key) ? 'collect' : held.moderation.has(change.key) ? 'moderation' : null
      if (where) {
        const record = editedHeld(heldCardSchema.safeParse(held[where].get(change.key)).data, parsedRecord(cardSchema, change.after), ctx.actor)
        moves.push({ target: companions[where], record, key: change.key, edit: true })
        continue
      }
      const card = parsedRecord(cardSchema, change.after)
      if (!card) continue
      // A new card, or one on the board moved into or reworded in a station that collects or approves.
      const before = change.before === undefined ? undefined : parsedRecord(cardSchema, change.before)
      if (change.before !== undefined && !before) continue
      modes ??= readModes(companions.state.doc)
      const status = before ? holdChangedCard(before, card, ctx.actor, modes) : holdNewCard(card, ctx.actor, modes)
      if (!status) continue
      // Order and time as the server would store them on the board.
      const stored = cardSchema.parse(room.kind.normalize?.(change, { ...ctx, doc: viewOf(room.doc) }) ?? card)
      const record: HeldCard = { id: card.id, card: stored, status, at: ctx.now, ...(status === 'collected' ? { writer: ctx.actor.role === 'host' ? 'host' : 'participant' } : {}) }
      moves.push({ target: status === 'collected' ? companions.collect : companions.moderation, record, key: change.key })
    }
    if (moves.length === 0) return null
    // Held cards count like cards on the board: a person's cap, and the table's.
    const newHeld = moves.filter((m) => m.record && !m.edit)
    if (newHeld.length > 0) {
      const all = [...readHeld(companions.moderation.doc), ...readHeld(companions.collect.doc)]
      const author = ctx.actor.participantId
      const mine = all.filter((h) => h.card.authorId === author).length + newHeld.length
      if (mine > CARDS_PER_PARTICIPANT_MAX || all.length + newHeld.length > CARDS_PER_BOARD_MAX) return { keys: [], commit: () => {}, refusal: WriteRefusal.TOO_MANY_CARDS }
    }
    const tableId = room.kind.name === 'board' ? resolveDocName(room.name, this.rooms.kinds)!.scope.parts.tableId! : ''
    return {
      keys: moves.map((m) => m.key),
      commit: () => {
        for (const move of moves) if (move.record) move.target.writeAsServer((doc) => doc.getMap(HELD_ROOT).set(move.key, move.record), 'moderation')
        recountCollected(companions, tableId)
      },
      after: () => {
        for (const move of moves) if (move.record) this.refreshOwn(ctx.scope.eventId, tableId, move.record.card.authorId)
      },
    }
  }

  /** A moderator's action on one card of a table. */
  async moderate(actor: EventActor, eventId: string, tableId: string, cardId: string, action: ModerationAction, intoCardId?: string): Promise<ModerationOutcome> {
    return this.rooms.read(boardDocName(eventId, tableId), async (board) => {
      const companions = companionsOf(board)!
      const moderation = companions.moderation
      const by = actor.participantId ?? actor.role
      const heldCard = heldCardSchema.safeParse(moderation.doc.getMap(HELD_ROOT).get(cardId)).data
      let author: string | null = null
      const onBoard = (id: string) => cardSchema.safeParse(board.doc.getMap(CARDS).get(id)).data
      if (action === 'pin' || action === 'unpin' || action === 'strike' || action === 'unstrike') {
        const card = onBoard(cardId)
        if (!card) return noCard
        const marked = withMark(card, action.endsWith('pin') ? 'pinned' : 'struck', !action.startsWith('un'))
        board.writeAsServer((doc) => doc.getMap(CARDS).set(cardId, marked), by)
      } else if (action === 'merge') {
        const duplicate = onBoard(cardId)
        const into = intoCardId === undefined || intoCardId === cardId ? undefined : onBoard(intoCardId)
        // The same merge sent again (its answer was lost): done already.
        if (!duplicate && heldCard?.status === 'merged' && into?.merged?.some((m) => m.id === cardId)) return { ok: true as const }
        if (!duplicate || !into || into.stationId !== duplicate.stationId) return noCard
        // Both texts stay: the duplicate's (and what was merged into it before) in the card it goes into.
        const merged = [...(into.merged ?? []), { id: duplicate.id, text: duplicate.text, authorId: duplicate.authorId }, ...(duplicate.merged ?? [])].slice(0, MERGED_MAX)
        moderation.writeAsServer((doc) => doc.getMap(HELD_ROOT).set(cardId, { id: cardId, card: duplicate, status: 'merged', at: this.now() } satisfies HeldCard), by)
        board.writeAsServer((doc) => {
          doc.getMap(CARDS).set(into.id, { ...into, merged })
          doc.getMap(CARDS).delete(cardId)
        }, by)
      } else if (action === 'hide') {
        const card = onBoard(cardId)
        // A card collected for the reveal may be hidden before anyone saw it (the facilitator reads the collection).
        const collected = card ? undefined : heldCardSchema.safeParse(companions.collect.doc.getMap(HELD_ROOT).get(cardId)).data
        // The same hide sent again: the card is hidden already.
        if (!card && !collected && heldCard?.status === 'hidden') return { ok: true as const }
        const hidden: HeldCard | undefined = card ? { id: cardId, card, status: 'hidden', at: this.now() } : collected && { ...collected, status: 'hidden', at: this.now() }
        if (!hidden) return noCard
        moderation.writeAsServer((doc) => doc.getMap(HELD_ROOT).set(cardId, hidden), by)
        if (card) board.writeAsServer((doc) => doc.getMap(CARDS).delete(cardId), by)
        else companions.collect.writeAsServer((doc) => doc.getMap(HELD_ROOT).delete(cardId), by)
        // Its author's phone says so (in their own doc only; no other phone learns of it).
        author = hidden.card.authorId
      } else if (action === 'restore' || action === 'approve') {
        // The same restore or approval sent again: the card is on the board already.
        if (!heldCard && onBoard(cardId)) return { ok: true as const }
        if (!heldCard || heldCard.status !== (action === 'restore' ? 'hidden' : 'pending')) return noCard
        // A card hidden out of a collection that is not revealed yet goes back into it, not onto the board.
        if (action === 'restore' && stillCollecting(companions.state.doc, heldCard.card.stationId)) {
          companions.collect.writeAsServer((doc) => doc.getMap(HELD_ROOT).set(cardId, { ...heldCard, status: 'collected', writer: heldCard.writer ?? 'participant', at: this.now() } satisfies HeldCard), by)
        } else board.writeAsServer((doc) => doc.getMap(CARDS).set(cardId, heldCard.card), by)
        moderation.writeAsServer((doc) => doc.getMap(HELD_ROOT).delete(cardId), by)
        author = heldCard.card.authorId
      } else {
        const key = `${board.name}/${cardId}`
        // The same refusal sent again: the card is with its author already.
        if (!heldCard && !onBoard(cardId) && this.refusedLately.has(key)) return { ok: true as const }
        if (!heldCard || heldCard.status !== 'pending') return noCard
        this.refusedLately.add(key)
        if (this.refusedLately.size > REFUSALS_REMEMBERED) this.refusedLately.delete(this.refusedLately.values().next().value!)
        // The refused card goes to its author's own doc before it leaves the queue.
        await this.rooms.read(ownDocName(eventId, tableId, heldCard.card.authorId), async (own) => {
          own.writeAsServer((doc) => doc.getMap(HELD_ROOT).set(cardId, { ...heldCard, status: 'refused', at: this.now() } satisfies HeldCard), by)
          moderation.writeAsServer((doc) => doc.getMap(HELD_ROOT).delete(cardId), by)
          await own.settle()
        })
        this.onChanged({ eventId, tableId, participantId: heldCard.card.authorId })
      }
      recountCollected(companions, tableId)
      await Promise.all([board.settle(), moderation.settle(), companions.collect.settle(), companions.state.settle()])
      if (author) await this.refreshOwn(eventId, tableId, author)
      return { ok: true as const }
    })
  }

  /** Sets a station's modes (stationId null: approval for the whole event). Ending collect mode reveals. */
  async setModes(eventId: string, tableIds: readonly string[], stationId: string | null, change: { approval?: boolean | undefined; collect?: boolean | undefined }): Promise<void> {
    let reveal = false
    await this.rooms.read(modstateDocName(eventId), async (state) => {
      const modes = readModes(state.doc)
      if (stationId === null) {
        if (change.approval !== undefined) state.writeAsServer((doc) => doc.getMap(MODSTATE_EVENT).set('settings', { approval: change.approval }), 'facilitator')
      } else {
        const before = modes.stations.get(stationId) ?? { stationId, approval: false, collect: false, revealedAt: null }
        const collect = change.collect ?? before.collect
        const starts = collect && !before.collect
        const since = starts ? this.now() : before.collectingSince
        const next: StationMode = {
          stationId,
          approval: change.approval ?? before.approval,
          collect,
          // Switching collect on starts a new collection; switching it off shows what was collected.
          revealedAt: starts ? null : before.revealedAt,
          ...(since !== undefined ? { collectingSince: since } : {}),
        }
        reveal = before.collect && !collect && before.revealedAt === null
        state.writeAsServer((doc) => doc.getMap(MODSTATE_STATIONS).set(stationId, next), 'facilitator')
      }
      await state.settle()
    })
    if (reveal && stationId) await this.reveal(eventId, tableIds, stationId, false)
    this.onChanged({ eventId })
  }

  /**
   * Reveals a station: every table's collected cards of it move to the boards in one synchronous
   * step (all boards are loaded first), and the station is stamped revealed.
   */
  async reveal(eventId: string, tableIds: readonly string[], stationId: string, stamp = true): Promise<void> {
    const boards: DocRoom[] = []
    const state = await this.rooms.acquire(modstateDocName(eventId))
    try {
      for (const tableId of tableIds) boards.push(await this.rooms.acquire(boardDocName(eventId, tableId)))
      const authors = new Set<string>()
      const modes = readModes(state.doc)
      // From here on one synchronous step: every table's cards, then the stamp.
      for (const [i, board] of boards.entries()) {
        const companions = companionsOf(board)!
        const collected = readHeld(companions.collect.doc).filter((h) => h.card.stationId === stationId)
        if (collected.length > 0) {
          // Where the station also asks for approval, participants' cards go to the queue, not the board.
          const { toBoard, toApprove } = revealedCards(collected, modes, stationId, this.now())
          if (toBoard.length > 0) board.writeAsServer((doc) => toBoard.forEach((h) => doc.getMap(CARDS).set(h.id, h.card)), 'facilitator')
          if (toApprove.length > 0) companions.moderation.writeAsServer((doc) => toApprove.forEach((h) => doc.getMap(HELD_ROOT).set(h.id, h)), 'facilitator')
          companions.collect.writeAsServer((doc) => collected.forEach((h) => doc.getMap(HELD_ROOT).delete(h.id)), 'facilitator')
        }
        collected.forEach((h) => authors.add(`${tableIds[i]}\u0000${h.card.authorId}`))
        recountCollected(companions, tableIds[i]!)
      }
      if (stamp) {
        const before = readModes(state.doc).stations.get(stationId) ?? { stationId, approval: false, collect: true, revealedAt: null }
        state.writeAsServer((doc) => doc.getMap(MODSTATE_STATIONS).set(stationId, { ...before, revealedAt: this.now() }), 'facilitator')
      }
      await Promise.all([state.settle(), ...boards.flatMap((b) => [b.settle(), ...b.companions.map((c) => c.settle())])])
      if (stamp) this.onChanged({ eventId })
      await Promise.all([...authors].map((key) => this.refreshOwn(eventId, key.split('\u0000')[0]!, key.split('\u0000')[1]!)))
    } finally {
      for (const board of boards) this.rooms.release(board)
      this.rooms.release(state)
    }
  }

  /**
   * A table's cards that are not on its board (hidden, waiting, collected, merged away), for the
   * facilitator's export, which marks them. Participant exports read only the boards.
   */
  async heldOf(eventId: string, tableId: string): Promise<HeldCard[]> {
    // An export only reads: a board never stored holds nothing, and gets no files from being asked.
    if (!(await this.rooms.exists(boardDocName(eventId, tableId)))) return []
    return this.rooms.read(boardDocName(eventId, tableId), (board) => {
      const companions = companionsOf(board)!
      return [...readHeld(companions.moderation.doc), ...readHeld(companions.collect.doc)]
    })
  }

  /** Brings a table's public count of collected cards in line (after cards left its collection). */
  async recountTable(eventId: string, tableId: string): Promise<void> {
    await this.rooms.read(boardDocName(eventId, tableId), async (board) => {
      const companions = companionsOf(board)
      if (!companions) return
      recountCollected(companions, tableId)
      await companions.state.settle()
    })
  }

  /** Where the event's moderation is in use (read without leaving a file for an event that never used it). */
  modesInUse(eventId: string): Promise<ModerationModesPush> {
    return this.rooms.peek(modstateDocName(eventId), modesOf)
  }

  /**
   * How many of a participant's cards at a table are held off the board (what their own doc shows).
   * Read from the table's queue and collection (loaded with its board); the own doc itself (for
   * refused cards) only once the event has ever switched a mode on.
   */
  async ownHeldCount(eventId: string, tableId: string, participantId: string): Promise<number> {
    const name = boardDocName(eventId, tableId)
    if (!(await this.rooms.exists(name))) return 0
    const ids = await this.rooms.read(name, (board) => {
      const companions = companionsOf(board)
      if (!companions) return null
      const ids = new Set<string>()
      for (const doc of [companions.moderation.doc, companions.collect.doc]) {
        for (const h of heldCardsOf(doc)) if (h.card.authorId === participantId && OWN_STATUSES.has(h.status)) ids.add(h.id)
      }
      return { ids, everUsed: moderationEverUsed(companions.state.doc) }
    })
    if (!ids) return 0
    if (ids.everUsed) for (const h of await this.rooms.peek(ownDocName(eventId, tableId, participantId), heldCardsOf)) ids.ids.add(h.id)
    return ids.ids.size
  }

  /**
   * Brings an author's own doc in line with the table's queue and collection: their hidden, waiting
   * and collected cards; refused ones stay until the author's card leaves them (they are not on the board).
   */
  refreshOwn(eventId: string, tableId: string, authorId: string): Promise<void> {
    const name = ownDocName(eventId, tableId, authorId)
    const previous = this.ownQueue.get(name) ?? Promise.resolve()
    const next = previous
      .then(() =>
        this.rooms.read(boardDocName(eventId, tableId), (board) => {
          const companions = companionsOf(board)!
          return this.rooms.read(name, async (own) => {
            // Read once the own doc is open, in the same step as the writes below: a card refused
            // while it loaded is no longer waiting, so its refusal is not overwritten.
            const wanted = new Map<string, HeldCard>()
            for (const h of [...readHeld(companions.moderation.doc), ...readHeld(companions.collect.doc)]) {
              if (h.card.authorId === authorId && OWN_STATUSES.has(h.status)) wanted.set(h.id, h)
            }
            const map = own.doc.getMap<unknown>(HELD_ROOT)
            const current = readHeld(own.doc)
            const drop = current.filter((h) => h.status !== 'refused' && !wanted.has(h.id)).map((h) => h.id)
            const put = [...wanted.values()].filter((h) => JSON.stringify(map.get(h.id)) !== JSON.stringify(h))
            if (drop.length === 0 && put.length === 0) return
            own.writeAsServer(() => {
              drop.forEach((id) => map.delete(id))
              put.forEach((h) => map.set(h.id, h))
            }, 'moderation')
            await own.settle()
            this.onChanged({ eventId, tableId, participantId: authorId })
          })
        }),
      )
      .catch((error: unknown) => this.log.error({ err: error, doc: name }, 'could not update an author’s own cards'))
      .finally(() => {
        if (this.ownQueue.get(name) === next) this.ownQueue.delete(name)
      })
    this.ownQueue.set(name, next)
    return next
  }
}

const noCard: ModerationOutcome = { ok: false, why: 'NO_SUCH_CARD' }

/** The moderation of each server's rooms. */
const installed = new WeakMap<DocRooms, Moderation>()

/** Adds moderation to a server's rooms (once, at start). */
export function installModeration(rooms: DocRooms, now: () => number, log: Logger): Moderation {
  const moderation = new Moderation(rooms, now, log)
  rooms.extension = moderation
  installed.set(rooms, moderation)
  return moderation
}

/** The moderation installed on these rooms, if any. */
export const installedModeration = (rooms: DocRooms): Moderation | undefined => installed.get(rooms)

/** The moderation installed on these rooms. */
export function moderationOf(rooms: DocRooms): Moderation {
  const moderation = installed.get(rooms)
  if (!moderation) throw new Error('moderation is not installed')
  return moderation
}

export type { HeldStatus }
