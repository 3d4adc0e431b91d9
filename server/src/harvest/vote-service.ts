import { randomBytes } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { type Ballot, type Card, type CardRef, type EventId, type ImportedVoteResult, type Result, type VoteRefusal, type VoteScope, type VoteSetup, type VoteStep, type VoteTallyMessage, ballotKey, boardDocName, cardRefKey, carryDotsOver, castSeen, castVote, dotsLeft, dropDots, EMPTY_BALLOT, err, findTable, inVoteScope, ok, parkDots, takesDots, positionsByVotes, publicBallot, putCard, readCard, readSnapshot, rememberCast, setVoteStatus, StoreWriteError, tallyVotes, unparkDots, VOTE_STEPS_MAX, withoutGoneCards } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { dotFollowingCard } from './card-fate.js'
import type { EventStore } from '../storage/storage.js'
import { CARD_BALLOTS_MAX, INDEX_KEY, ballotIndexReady, ballots, ballotsByCard, importedVoteResults, voteSteps } from './vote-records.js'

export { ballotIndexReady, ballots, ballotsByCard, importedVoteResults, voteSteps }

/** Tries of one compare-and-set write before giving up (two phones of one person voting at once). */
const CAS_TRIES = 50

/** Why a vote command failed beyond the voting rules. */
export type VoteFailure = VoteRefusal | 'NO_EVENT' | 'NO_STEP' | 'NO_TABLE' | 'TOO_MANY_STEPS' | 'BUSY'

/** A ballot a moderation or a deletion changed: whose, in which step. */
/** Where a card stands: its table, station and column. */
export type CardPlace = { tableId: string; stationId: string; columnId: string }

export interface ChangedBallot {
  stepId: string
  participantId: string
}

/** A card on the vote, with the table whose board holds it. */
export interface VotedCard {
  tableId: string
  card: Card
  votes: number
}

/**
 * Dot voting, held by the server: steps and ballots are records of the event store, written with
 * compare-and-set, so the budget holds whatever clients send, across phones of one participant,
 * across server nodes sharing the store, and through a crash (a write is answered once it is durable).
 */
export class VoteService {
  constructor(
    private readonly store: EventStore,
    private readonly rooms: DocRooms,
    private readonly now: () => number,
  ) {}

  /** Every step of an event, oldest first. */
  async steps(eventId: EventId): Promise<VoteStep[]> {
    const all = await this.store.listRecords(eventId, voteSteps)
    return all.map((r) => r.value).sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1))
  }

  async step(eventId: EventId, stepId: string): Promise<VoteStep | undefined> {
    return (await this.store.getRecord(eventId, voteSteps, stepId))?.value
  }

  /** Steps being opened, per event: one at a time, so the count below and the write are one step. */
  private readonly opening = new Map<EventId, Promise<unknown>>()

  /**
   * Starts a step (steps opened at once, from two tabs, never pass VOTE_STEPS_MAX together). With
   * `stepId` (the console's): a step that stands already under it is the same command sent again —
   * answered with that step (`repeated`), opened once; another setup under that id is a CONFLICT.
   */
  open(eventId: EventId, setup: VoteSetup, stepId?: string): Promise<Result<VoteStep & { repeated?: true }, VoteFailure | 'CONFLICT'>> {
    const run = (this.opening.get(eventId) ?? Promise.resolve()).then(async (): Promise<Result<VoteStep & { repeated?: true }, VoteFailure | 'CONFLICT'>> => {
      const standing = stepId === undefined ? undefined : await this.step(eventId, stepId)
      if (!standing) return this.openNow(eventId, setup, stepId)
      const same = (Object.keys(setup) as (keyof VoteSetup)[]).every((k) => isDeepStrictEqual(standing[k], setup[k]))
      return same ? ok({ ...standing, repeated: true as const }) : err('CONFLICT')
    })
    const tail = run.catch(() => undefined)
    this.opening.set(eventId, tail)
    void tail.then(() => this.opening.get(eventId) === tail && this.opening.delete(eventId))
    return run
  }

  private async openNow(eventId: EventId, setup: VoteSetup, stepId?: string): Promise<Result<VoteStep, VoteFailure>> {
    if ((await this.store.listRecords(eventId, voteSteps)).length >= VOTE_STEPS_MAX) return err('TOO_MANY_STEPS')
    // The ballot index stands before the first dot (an event voted on before it was kept is indexed here, once).
    await this.ballotsHolding(eventId, [])
    const step: VoteStep = { id: stepId ?? randomBytes(9).toString('base64url'), ...setup, status: 'open', onProjector: true, openedAt: this.now() }
    const written = await this.store.putRecord(eventId, voteSteps, step.id, step, null)
    if (!written.ok) return err(written.error === StoreWriteError.NOT_FOUND ? 'NO_EVENT' : 'BUSY')
    // The new step takes the projector and the phones: one ranking shows and one vote runs at a
    // time (a phone shows the newest open step; an older one still open could not be reached).
    for (const other of await this.steps(eventId))
      if (other.id !== step.id && (other.onProjector || other.status === 'open'))
        await this.change(eventId, other.id, (s) => ({ ...(s.status === 'open' ? setVoteStatus(s, true, this.now()) : s), onProjector: false }))
    return ok(step)
  }

  /**
   * Whether anything in `scope` can take a dot now: a card in scope, not struck through, on one of
   * its boards. Read without keeping or creating a doc (a board nobody wrote to has no cards).
   */
  async anyVotable(eventId: EventId, scope: VoteScope): Promise<boolean> {
    const stored = await this.store.get(eventId)
    for (const table of stored?.event.tables ?? []) {
      if (scope.tableId !== undefined && scope.tableId !== table.id) continue
      const found = await this.rooms.peek(boardDocName(eventId, table.id), (doc) => readSnapshot(doc).cards.some((c) => inVoteScope(scope, table.id, c) && takesDots(c)))
      if (found) return true
    }
    return false
  }

  /** Freezes a step's result, or opens it again. */
  async setFrozen(eventId: EventId, stepId: string, frozen: boolean): Promise<Result<VoteStep, VoteFailure>> {
    const changed = await this.change(eventId, stepId, (step) => setVoteStatus(step, frozen, this.now()))
    // Opened again, it is the one vote that runs: another still open ends (phones show one vote).
    if (changed.ok && !frozen) for (const other of await this.steps(eventId)) if (other.id !== stepId && other.status === 'open') await this.change(eventId, other.id, (s) => setVoteStatus(s, true, this.now()))
    return changed
  }

  /** Shows a step's ranking on the projectors (taking every other step off), or takes it off. */
  async show(eventId: EventId, stepId: string, shown: boolean): Promise<Result<VoteStep, VoteFailure>> {
    if (shown) for (const other of await this.steps(eventId)) if (other.id !== stepId && other.onProjector) await this.change(eventId, other.id, (s) => ({ ...s, onProjector: false }))
    return this.change(eventId, stepId, (step) => ({ ...step, onProjector: shown }))
  }

  private async change(eventId: EventId, stepId: string, apply: (step: VoteStep) => VoteStep): Promise<Result<VoteStep, VoteFailure>> {
    for (let i = 0; i < CAS_TRIES; i++) {
      const stored = await this.store.getRecord(eventId, voteSteps, stepId)
      if (!stored) return err('NO_STEP')
      const next = apply(stored.value)
      const written = await this.store.putRecord(eventId, voteSteps, stepId, next, stored.version)
      if (written.ok) return ok(next)
    }
    return err('BUSY')
  }

  /**
   * Places or takes back one dot of `participantId`. A new dot must name a card that exists and is
   * in the step's scope. The ballot is read, checked by the rule and written with its version: a
   * concurrent write by the same participant (a second phone) makes it read and check again.
   */
  async cast(eventId: EventId, participantId: string, stepId: string, target: CardRef, delta: 1 | -1, castId?: string): Promise<Result<{ ballot: Ballot; left: number; repeated: boolean }, VoteFailure>> {
    const step = await this.step(eventId, stepId)
    if (!step) return err('NO_STEP')
    const key = ballotKey(stepId, participantId)
    // A cast sent again (its answer was lost on the way) is answered with the ballot as it stands now.
    const seen = async (): Promise<{ ballot: Ballot; left: number; repeated: true } | null> => {
      const record = castId === undefined ? undefined : await this.store.getRecord(eventId, ballots, key)
      return record && castSeen(record.value, castId) ? { ballot: publicBallot(record.value), left: dotsLeft((await this.step(eventId, stepId)) ?? step, record.value), repeated: true } : null
    }
    const repeat = await seen()
    if (repeat) return ok(repeat)
    if (delta === 1) {
      const stored = await this.store.get(eventId)
      if (!stored) return err('NO_EVENT')
      if (!findTable(stored.event, target.tableId)) return err('NO_TABLE')
      const card = await this.rooms.read(boardDocName(eventId, target.tableId), (room) => readCard(room.doc, target.cardId))
      if (!card || !inVoteScope(step.scope, target.tableId, card)) return err('VOTE_OUT_OF_SCOPE')
      if (!takesDots(card)) return err('VOTE_CARD_STRUCK')
    }
    for (let i = 0; i < CAS_TRIES; i++) {
      const [current, record] = await Promise.all([this.step(eventId, stepId), this.store.getRecord(eventId, ballots, key)])
      if (!current) return err('NO_STEP')
      let ballot = record?.value ?? EMPTY_BALLOT(stepId)
      // The same cast arrived twice at once: the one written first counts, this one answers.
      if (castSeen(ballot, castId)) return ok({ ballot: publicBallot(ballot), left: dotsLeft(current, ballot), repeated: true })
      // Dots on cards removed since (deleted, merged away) go back to the budget before it is checked.
      if (delta === 1 && dotsLeft(current, ballot) === 0) ballot = withoutGoneCards(ballot, await this.existing(eventId, ballot))
      const decided = castVote(current, ballot, target, delta)
      if (!decided.ok) return decided
      if (delta === 1) await this.noteBallots(eventId, cardRefKey(target), [key])
      const next = rememberCast(decided.value, castId)
      const written = await this.store.putRecord(eventId, ballots, key, next, record?.version ?? null)
      if (!written.ok && written.error === StoreWriteError.NOT_FOUND && record) return err('NO_EVENT')
      if (!written.ok) continue
      // A hide, merge or delete of the card between the check above and this write: the dot follows the card as every other dot on it did.
      const follow = delta === 1 ? await dotFollowingCard(this.rooms, eventId, target) : null
      const final = follow && (await this.rewriteBallots(eventId, follow, new Set([key]))).length > 0 ? ((await this.store.getRecord(eventId, ballots, key))?.value ?? next) : next
      return ok({ ballot: publicBallot(final), left: dotsLeft(current, final), repeated: false })
    }
    return err('BUSY')
  }

  /**
   * After a moderator merged card `from` into card `to`: every ballot's dots on `from` move to `to`
   * (up to the per-card limit), in open and frozen steps alike. Returns how many ballots changed.
   */
  async carryOver(eventId: EventId, from: CardRef, to: CardRef): Promise<number> {
    return (await this.mergedInto(eventId, from, to)).length
  }

  async mergedInto(eventId: EventId, from: CardRef, to: CardRef): Promise<ChangedBallot[]> {
    const holding = await this.ballotsHolding(eventId, [cardRefKey(from)])
    // The kept card's entry names the ballots before their dots move onto it.
    await this.noteBallots(eventId, cardRefKey(to), holding ?? 'every')
    return this.rewriteBallots(eventId, (step, ballot) => carryDotsOver(step, ballot, from, to), holding)
  }

  /** A moderator hid a card: its dots leave the count and go back to their voters, parked for a restore. */
  async hidden(eventId: EventId, card: CardRef): Promise<ChangedBallot[]> {
    return this.rewriteBallots(eventId, (_step, ballot) => parkDots(ballot, card), await this.ballotsHolding(eventId, [cardRefKey(card)]))
  }

  /** A hidden card is back: its parked dots return, as far as each voter's budget allows now. */
  async restored(eventId: EventId, card: CardRef): Promise<ChangedBallot[]> {
    return this.rewriteBallots(eventId, (step, ballot) => unparkDots(step, ballot, card), await this.ballotsHolding(eventId, [cardRefKey(card)]))
  }

  /**
   * Cards a person deleted from a board (`gone`: every dot on them goes back to its voter for good)
   * or reworded (`reworded`: the dots of the steps still open go back; a frozen step's result stands),
   * or moved (`moved`, where to: the dots of open steps whose scope the card left go back).
   */
  async cardsChanged(eventId: EventId, gone: ReadonlySet<string>, reworded: ReadonlySet<string> = new Set(), moved: ReadonlyMap<string, CardPlace> = new Map()): Promise<ChangedBallot[]> {
    const outOfScope = (step: VoteStep, key: string) => {
      const place = moved.get(key)
      return place !== undefined && !inVoteScope(step.scope, place.tableId, place)
    }
    const drops = (step: VoteStep, ref: CardRef) => {
      const key = cardRefKey(ref)
      return gone.has(key) || (step.status === 'open' && (reworded.has(key) || outOfScope(step, key)))
    }
    return this.rewriteBallots(eventId, (step, ballot) => dropDots(ballot, (ref) => drops(step, ref)), await this.ballotsHolding(eventId, [...gone, ...reworded, ...moved.keys()]))
  }

  /**
   * The keys of the ballots that may hold a dot (counted or parked) on one of `cards`, read from
   * their index entries; undefined: look at every ballot (an entry past its bound). An event whose
   * ballots predate the index is indexed here once.
   */
  private async ballotsHolding(eventId: EventId, cards: Iterable<string>): Promise<ReadonlySet<string> | undefined> {
    if (!(await this.store.getRecord(eventId, ballotIndexReady, INDEX_KEY))) {
      for (const record of await this.store.listRecords(eventId, ballots))
        for (const card of new Set([...record.value.dots, ...(record.value.parked ?? [])].map(cardRefKey))) await this.noteBallots(eventId, card, [record.key])
      // Written once: another write of it (a second build at the same time) is as good.
      await this.store.putRecord(eventId, ballotIndexReady, INDEX_KEY, { at: this.now() }, null)
    }
    const found = new Set<string>()
    for (const card of cards) {
      const entry = (await this.store.getRecord(eventId, ballotsByCard, card))?.value
      if (entry?.overflow) return undefined
      entry?.ballots.forEach((key) => found.add(key))
    }
    return found
  }

  /** Adds ballot keys to a card's index entry ('every': the entry gives up and sends lookups to every ballot). */
  private async noteBallots(eventId: EventId, card: string, keys: Iterable<string> | 'every'): Promise<void> {
    for (let i = 0; i < CAS_TRIES; i++) {
      const record = await this.store.getRecord(eventId, ballotsByCard, card)
      const entry = record?.value ?? { ballots: [], overflow: false }
      if (entry.overflow) return
      const all = keys === 'every' ? null : new Set([...entry.ballots, ...keys])
      if (all && all.size === entry.ballots.length) return
      const next = all && all.size <= CARD_BALLOTS_MAX ? { ballots: [...all], overflow: false } : { ballots: [], overflow: true }
      const written = await this.store.putRecord(eventId, ballotsByCard, card, next, record?.version ?? null)
      if (written.ok || written.error === StoreWriteError.NOT_FOUND) return
    }
    throw new Error(`the ballot index of ${card} stayed busy`)
  }

  /**
   * "Meine Beiträge löschen": the participant's own ballots are emptied, and every dot on their
   * cards (`gone`) goes back to the voters for good.
   */
  async forget(eventId: EventId, participantId: string, gone: ReadonlySet<string>): Promise<ChangedBallot[]> {
    const suffix = `/${participantId}`
    return this.rewriteBallots(eventId, (_step, ballot, key) => (key.endsWith(suffix) ? (ballot.dots.length === 0 && ballot.parked === undefined ? ballot : { stepId: ballot.stepId, dots: [] }) : dropDots(ballot, (ref) => gone.has(cardRefKey(ref)))))
  }

  /**
   * Rewrites the ballots `only` names (undefined: every ballot of the event) by `rewrite` (same
   * object: unchanged), each in its own compare-and-set. Returns the ballots that changed, so their
   * voters and tallies can be told.
   */
  private async rewriteBallots(eventId: EventId, rewrite: (step: VoteStep, ballot: Ballot, key: string) => Ballot, only?: ReadonlySet<string>): Promise<ChangedBallot[]> {
    const changed: ChangedBallot[] = []
    if (only?.size === 0) return changed
    const steps = new Map((await this.steps(eventId)).map((s) => [s.id, s]))
    const keys = only ? [...only] : (await this.store.listRecords(eventId, ballots)).map((r) => r.key)
    for (const key of keys) {
      for (let i = 0; i < CAS_TRIES; i++) {
        const current = await this.store.getRecord(eventId, ballots, key)
        if (!current) break
        const step = (await this.step(eventId, current.value.stepId)) ?? steps.get(current.value.stepId)
        if (!step) break
        const next = rewrite(step, current.value, key)
        if (next === current.value) break
        if ((await this.store.putRecord(eventId, ballots, key, next, current.version)).ok) {
          changed.push({ stepId: next.stepId, participantId: key.slice(key.indexOf('/') + 1) })
          break
        }
      }
    }
    return changed
  }

  /** Which of a ballot's cards are still on their boards. */
  private async existing(eventId: EventId, ballot: Ballot): Promise<(ref: CardRef) => boolean> {
    const present = new Set<string>()
    for (const tableId of new Set(ballot.dots.map((d) => d.tableId))) {
      const ids = await this.rooms.read(boardDocName(eventId, tableId), (room) => readSnapshot(room.doc).cards.map((c) => c.id))
      for (const id of ids) present.add(cardRefKey({ tableId, cardId: id }))
    }
    return (ref) => present.has(cardRefKey(ref))
  }

  /** A participant's ballots, one per step they voted in (of `steps` when the caller has just read them). */
  async ballotsOf(eventId: EventId, participantId: string, steps?: readonly VoteStep[]): Promise<Ballot[]> {
    const stepIds = (steps ?? (await this.steps(eventId))).map((s) => s.id)
    const found = await Promise.all(stepIds.map((id) => this.store.getRecord(eventId, ballots, ballotKey(id, participantId))))
    return found.flatMap((r) => (r ? [publicBallot(r.value)] : []))
  }

  /** Every ballot of a step. */
  async ballotsOfStep(eventId: EventId, stepId: string): Promise<Ballot[]> {
    return (await this.store.listRecords(eventId, ballots)).filter((r) => r.value.stepId === stepId && r.value.dots.length > 0).map((r) => r.value)
  }

  /**
   * Dots per card of a step and how many voted: the ballots, plus the result a step brought along
   * from an event file (its ballots stayed behind).
   */
  private async countsOf(eventId: EventId, stepId: string): Promise<{ counts: Map<string, number>; voters: number }> {
    const [all, imported] = await Promise.all([this.ballotsOfStep(eventId, stepId), this.store.getRecord(eventId, importedVoteResults, stepId)])
    const counts = tallyVotes(all)
    for (const c of imported?.value.counts ?? []) counts.set(cardRefKey(c), (counts.get(cardRefKey(c)) ?? 0) + c.count)
    return { counts, voters: all.length + (imported?.value.voters ?? 0) }
  }

  /** Dots per card of a step, and how many people voted: what the projector ranks. Anonymous. */
  async tally(eventId: EventId, stepId: string): Promise<VoteTallyMessage> {
    const { counts, voters } = await this.countsOf(eventId, stepId)
    return {
      stepId,
      counts: [...counts].map(([key, count]) => {
        const [tableId, cardId] = key.split('/') as [string, string]
        return { tableId, cardId, count }
      }),
      voters,
    }
  }

  /** Stores a step that came with an event file, with its result. */
  async importStep(eventId: EventId, step: VoteStep, result: ImportedVoteResult): Promise<void> {
    await this.store.putRecord(eventId, importedVoteResults, step.id, result, (await this.store.getRecord(eventId, importedVoteResults, step.id))?.version ?? null)
    await this.store.putRecord(eventId, voteSteps, step.id, step, (await this.store.getRecord(eventId, voteSteps, step.id))?.version ?? null)
  }

  /**
   * Orders the cards of every column in the step's scope by their dots, most first (equal dots keep
   * their order), on each board, as the server: phones, console and projector see the new order and
   * the numbers that follow from it. Returns how many cards moved.
   */
  async orderByVotes(eventId: EventId, step: VoteStep, by: string): Promise<number> {
    const stored = await this.store.get(eventId)
    if (!stored) return 0
    const { counts } = await this.countsOf(eventId, step.id)
    let moved = 0
    for (const table of stored.event.tables) {
      if (step.scope.tableId !== undefined && step.scope.tableId !== table.id) continue
      await this.rooms.read(boardDocName(eventId, table.id), async (room) => {
        const inScope = readSnapshot(room.doc).cards.filter((c) => inVoteScope(step.scope, table.id, c))
        const columns = new Map<string, Card[]>()
        for (const card of inScope) columns.set(`${card.stationId}/${card.columnId}`, [...(columns.get(`${card.stationId}/${card.columnId}`) ?? []), card])
        const changed: Card[] = []
        for (const cards of columns.values()) {
          const positions = positionsByVotes(cards, (c) => counts.get(cardRefKey({ tableId: table.id, cardId: c.id })) ?? 0)
          for (const card of cards) if (positions.has(card.id)) changed.push({ ...card, position: positions.get(card.id)! })
        }
        if (changed.length === 0) return
        room.doc.transact(() => changed.forEach((c) => putCard(room.doc, c, { source: 'server', by })), { source: 'server', by })
        moved += changed.length
        await room.settle()
      })
    }
    return moved
  }

  /**
   * The cards a step puts to the vote, table by table (in the event's table order, each in board
   * order), with their dots: what ranking pages print.
   */
  async votedCards(eventId: EventId, step: VoteStep): Promise<{ tableId: string; cards: VotedCard[] }[]> {
    const stored = await this.store.get(eventId)
    if (!stored) return []
    const { counts } = await this.countsOf(eventId, step.id)
    const tables = stored.event.tables.filter((t) => step.scope.tableId === undefined || t.id === step.scope.tableId)
    const out: { tableId: string; cards: VotedCard[] }[] = []
    for (const table of tables) {
      const cards = await this.rooms.read(boardDocName(eventId, table.id), (room) => readSnapshot(room.doc).cards)
      out.push({
        tableId: table.id,
        cards: cards.filter((c) => inVoteScope(step.scope, table.id, c)).map((card) => ({ tableId: table.id, card, votes: counts.get(cardRefKey({ tableId: table.id, cardId: card.id })) ?? 0 })),
      })
    }
    return out
  }
}
