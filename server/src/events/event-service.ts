import { createHash, randomBytes, randomInt } from 'node:crypto'
import {
  type CreateEventRequest,
  createEventRequestSchema,
  type CredentialClaims,
  type EventAccess,
  type EventId,
  type EventLinks,
  INITIAL_GENERATIONS,
  INITIAL_ROUND_STATE,
  type Result,
  type RevokeRequest,
  bumpGeneration,
  revokedLinkOf,
  currentGeneration,
  type RoundState,
  StoreWriteError,
  type FacilitatorEventView,
  type StoredEvent,
  type TischEvent,
  WINNENDEN_TEMPLATE,
  eventSchema,
  joinCodeFromBytes,
  ok,
  slugify,
  uniqueId,
} from '@tischrunde/shared'
import type { Credentials } from '../access/credentials.js'
import type { EventStore } from '../storage/storage.js'
import { watchFailedWrites } from '../storage/watch-failed-writes.js'


/** How often, and how far apart, an event unknown after an undone write is read again in the background. */
const READ_AGAIN_TRIES = 120
const READ_AGAIN_PAUSE_MS = 250
const READ_AGAIN_PAUSE_MAX_MS = 5000
/** First access epochs are drawn below this (see `tryInsert`): one chance in two billion that a deleted event's links match. */
const FIRST_EPOCH_MAX = 2 ** 31

/** A checked credential together with the event it opens. */
export interface Authenticated {
  claims: CredentialClaims
  stored: StoredEvent
}

/** How often a write without an expected version re-reads and retries after losing a race. */
const MAX_RETRIES = 20

/**
 * Events: creating them, handing out links and join codes, and checking credentials against them.
 * Setup, access and round state are separate records; each write here touches one of them only.
 *
 * `current` answers synchronously from the last composed state this process has read or written,
 * for per-message checks on already-open connections. With one process it is always up to date
 * (every write goes through this service). A multi-node hub will have to refresh it when another
 * node writes (e.g. on the hub's "event changed" message).
 *
 * A write the store cannot make durable (a full disk) throws a StorageFailure and is undone in the
 * store; `current` then goes back to what is stored, so no screen is shown a change that was not kept.
 */
export class EventService {
  private readonly known = new Map<EventId, StoredEvent>()
  private readonly store: EventStore
  /**
   * Bumped when a write could not be stored. A read begun before may hold the undone change (the
   * store shows changes while they are being written): it is not kept for `current`.
   */
  private generation = 0

  constructor(
    store: EventStore,
    private readonly credentials: Credentials,
  ) {
    this.store = watchFailedWrites(store, (id) => this.writeUndone(id))
  }

  async list(): Promise<StoredEvent[]> {
    const generation = this.generation
    const all = await this.store.list()
    if (generation !== this.generation) return all
    const ids = new Set(all.map((stored) => this.remember(stored.event.id, stored)!.event.id))
    for (const id of this.known.keys()) if (!ids.has(id)) this.known.delete(id)
    return all
  }

  async get(id: EventId): Promise<StoredEvent | undefined> {
    const generation = this.generation
    return this.remember(id, await this.store.get(id), generation)
  }

  /** The last state of an event this process read or wrote; undefined if unknown or deleted. */
  current(id: EventId): StoredEvent | undefined {
    return this.known.get(id)
  }

  /** Creates an event from a validated request. Ids come from the title and table names. */
  async create(input: CreateEventRequest, now: number): Promise<StoredEvent> {
    const req = createEventRequestSchema.parse(input)
    const tableIds = new Set<string>()
    const tables = req.tableNames.map((name) => {
      const tableId = uniqueId(slugify(name, 40), tableIds)
      tableIds.add(tableId)
      return { id: tableId, name, host: '' }
    })
    for (;;) {
      const taken = new Set((await this.list()).map((e) => e.event.id))
      const id = uniqueId(slugify(req.title, 40), taken)
      const event: TischEvent = eventSchema.parse({
        id,
        title: req.title,
        date: req.date,
        place: req.place,
        agenda: req.agenda,
        tables,
        template: req.template ?? WINNENDEN_TEMPLATE,
        address: req.address,
        maxPerTable: req.maxPerTable,
        treeMethod: req.treeMethod,
      })
      const created = await this.tryInsert(event, now)
      if (created) return created
    }
  }

  /** Stores a complete, validated event under its own id (the seeding and import path). Throws if the id is taken. */
  async insert(event: TischEvent, now: number): Promise<StoredEvent> {
    const created = await this.tryInsert(event, now)
    if (!created) throw new Error(`event ${event.id} exists already`)
    return created
  }

  private async tryInsert(event: TischEvent, now: number): Promise<StoredEvent | null> {
    // A random first epoch: an event made under the id of a deleted one (the same title next year,
    // a backup restored) opens with none of the deleted one's links, which name only id and epoch.
    const access = { joinCode: await this.freshJoinCode(), createdAt: now, accessEpoch: randomInt(FIRST_EPOCH_MAX), generations: INITIAL_GENERATIONS() }
    const created = await this.store.create(eventSchema.parse(event), access, INITIAL_ROUND_STATE)
    return created.ok ? this.remember(event.id, created.value)! : null
  }

  /**
   * Replaces the setup if it is still at `expectedVersion`; touches no round state. A table it takes
   * out has its host link revoked (its generation goes up), so the link does not open a table added
   * later under the same id.
   */
  async setSetup(id: EventId, expectedVersion: number, event: TischEvent): Promise<Result<StoredEvent, StoreWriteError>> {
    const before = await this.get(id)
    const written = await this.afterWrite(id, await this.store.putSetup(id, expectedVersion, eventSchema.parse({ ...event, id })))
    if (!written.ok || !before) return written
    const kept = new Set(written.value.event.tables.map((t) => t.id))
    const removed = before.event.tables.filter((t) => !kept.has(t.id)).map((t) => t.id)
    if (removed.length === 0) return written
    const retired = await this.retireHostLinks(id, removed)
    return retired ? { ok: true, value: retired } : written
  }

  /** Bumps the host links' generations of tables taken out of the setup. */
  private retireHostLinks(id: EventId, tableIds: readonly string[]): Promise<StoredEvent | undefined> {
    return this.changeAccess(id, (stored) => ({ ...accessOf(stored), generations: tableIds.reduce((g, tableId) => bumpGeneration(g, { role: 'host', tableId }), stored.generations) }))
  }

  /**
   * Writes the access record `change` makes of the stored event (null: nothing to write, answered
   * undefined), again on a fresh read if another write came first. Undefined if the event is gone.
   */
  private async changeAccess(id: EventId, change: (stored: StoredEvent) => EventAccess | null | Promise<EventAccess | null>): Promise<StoredEvent | undefined> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const stored = await this.get(id)
      if (!stored) return undefined
      const access = await change(stored)
      if (!access) return undefined
      const written = await this.afterWrite(id, await this.store.putAccess(id, stored.accessVersion, access))
      if (written.ok) return written.value
      if (written.error === StoreWriteError.NOT_FOUND) return undefined
    }
    throw new Error(`access of ${id} kept changing under ${MAX_RETRIES} retries`)
  }

  /**
   * Changes the setup from its latest stored state: reads, applies `change`, writes with the
   * version read, and re-reads and retries when another write came first. Undefined if the event
   * is gone (a change never brings a deleted event back).
   */
  async updateSetup(id: EventId, change: (event: TischEvent) => TischEvent): Promise<StoredEvent | undefined> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const stored = await this.get(id)
      if (!stored) return undefined
      const written = await this.setSetup(id, stored.setupVersion, change(stored.event))
      if (written.ok) return written.value
      if (written.error === StoreWriteError.NOT_FOUND) return undefined
    }
    throw new Error(`setup of ${id} kept changing under ${MAX_RETRIES} retries`)
  }

  /** Stores a new round state (after a command or a timer lock) if the stored one is still at `expectedVersion`. */
  async setRound(id: EventId, expectedVersion: number, round: RoundState): Promise<Result<StoredEvent, StoreWriteError>> {
    return this.afterWrite(id, await this.store.putRound(id, expectedVersion, round))
  }

  /** Revokes every link and token of the event (a new access epoch); touches neither setup nor round state. */
  async revokeLinks(id: EventId): Promise<StoredEvent | undefined> {
    return this.changeAccess(id, (stored) => ({ ...accessOf(stored), accessEpoch: stored.accessEpoch + 1 }))
  }

  /**
   * Renews one link and revokes its older copies, touching no other link: the projector link, the
   * facilitator link or a table host's (its generation goes up), or the join code (a new one;
   * participants who already joined keep their own credentials). Undefined if the event (or the
   * table) is gone.
   */
  revokeOne(id: EventId, which: RevokeRequest): Promise<StoredEvent | undefined> {
    return this.changeAccess(id, async (stored) => {
      if (which.credential === 'host' && !stored.event.tables.some((t) => t.id === which.tableId)) return null
      if (which.credential === 'join-code') return { ...accessOf(stored), joinCode: await this.freshJoinCode() }
      return { ...accessOf(stored), generations: bumpGeneration(stored.generations, revokedLinkOf(which)) }
    })
  }

  async remove(id: EventId): Promise<void> {
    await this.store.remove(id)
    this.known.delete(id)
  }

  /** The event a join code opens, if any. */
  async byJoinCode(code: string): Promise<StoredEvent | undefined> {
    const generation = this.generation
    const stored = await this.store.findByJoinCode(code)
    return stored && this.remember(stored.event.id, stored, generation)
  }

  /** Issues a credential for an event and role. */
  issue(stored: StoredEvent, role: CredentialClaims['role'], participantId?: string): string {
    const gen = currentGeneration(stored.generations, { role })
    return this.credentials.issue({ event: stored.event.id, role, epoch: stored.accessEpoch, ...(participantId ? { participant: participantId } : {}), ...(gen ? { gen } : {}) })
  }

  /**
   * A table host's credential: writes as the table's scribe, only at that table. The same link
   * for every device of the table, so a host can switch phones and keep editing the table's cards.
   */
  issueHost(stored: StoredEvent, tableId: string): string {
    const participantId = `host-${createHash('sha256').update(`${stored.event.id}/${tableId}`).digest('base64url').slice(0, 16)}`
    const gen = currentGeneration(stored.generations, { role: 'host', table: tableId })
    return this.credentials.issue({ event: stored.event.id, role: 'host', epoch: stored.accessEpoch, participant: participantId, table: tableId, ...(gen ? { gen } : {}) })
  }

  /** The claims of a credential signed by this server, without asking whether its event still takes it (see `authenticate`). */
  claimsOf(token: string): CredentialClaims | null {
    return this.credentials.verify(token)
  }

  /** Checks a credential: valid signature, an existing event, not revoked (as a whole, or this one link). */
  async authenticate(token: string | undefined | null): Promise<Authenticated | null> {
    const claims = token ? this.claimsOf(token) : null
    if (!claims) return null
    const stored = await this.get(claims.event)
    if (!stored || stored.accessEpoch !== claims.epoch) return null
    if ((claims.gen ?? 0) !== currentGeneration(stored.generations, claims)) return null
    return { claims, stored }
  }

  /** Paths (relative to the server's address) for the three kinds of screens. */
  links(stored: StoredEvent): EventLinks {
    const id = encodeURIComponent(stored.event.id)
    return {
      facilitator: `/e/${id}/console#k=${this.issue(stored, 'facilitator')}`,
      projector: `/e/${id}/projector#k=${this.issue(stored, 'projector')}`,
      participant: `/j/${stored.joinCode}`,
      hosts: Object.fromEntries(stored.event.tables.map((t) => [t.id, `/j/${stored.joinCode}?tisch=${encodeURIComponent(t.id)}#k=${this.issueHost(stored, t.id)}`])),
    }
  }

  facilitatorView(stored: StoredEvent): FacilitatorEventView {
    return {
      event: stored.event,
      joinCode: stored.joinCode,
      projectorToken: this.issue(stored, 'projector'),
      links: this.links(stored),
    }
  }

  /** After a write: the fresh composed state (kept for `current`), or why the write was refused. */
  private async afterWrite(id: EventId, written: Result<number, StoreWriteError>): Promise<Result<StoredEvent, StoreWriteError>> {
    if (!written.ok) {
      // Refused: what this process knew is outdated (or the event is gone); read it again.
      await this.get(id)
      return written
    }
    const stored = await this.get(id)
    return stored ? ok(stored) : { ok: false, error: StoreWriteError.NOT_FOUND }
  }

  /**
   * Keeps what was read for `current`. Record by record the higher version wins, so a read that
   * started before a write but finished after it cannot roll `current` back. A read begun before a
   * write was undone (`generation` is older) is returned but not kept.
   */
  private remember(id: EventId, stored: StoredEvent | undefined, generation = this.generation): StoredEvent | undefined {
    if (generation !== this.generation) return stored
    if (!stored) {
      this.known.delete(id)
      return undefined
    }
    const had = this.known.get(id)
    this.known.set(id, had ? newestRecords(had, stored) : stored)
    return stored
  }

  /** A write of `id` could not be stored and was undone: `current` goes back to what is stored. */
  private async writeUndone(id: EventId): Promise<void> {
    this.generation++
    this.known.delete(id)
    // Unknown until read again (no screen is shown the undone state); the caller hears of the failure either way.
    if (!(await this.readAgain(id))) this.readAgainLater(id, 1)
  }

  /** Reads `id` into `current`; false when the store did not answer. */
  private readAgain(id: EventId): Promise<boolean> {
    return this.get(id).then(
      () => true,
      () => false,
    )
  }

  /**
   * The store still failing after an undone write (a Redis outage): read again in the background
   * until it answers, so the event does not stay unknown here (its board sockets' messages wait,
   * see board-socket) until some screen happens to read it.
   */
  private readAgainLater(id: EventId, attempt: number): void {
    setTimeout(() => {
      if (this.known.has(id)) return
      void this.readAgain(id).then((done) => done || attempt >= READ_AGAIN_TRIES || this.readAgainLater(id, attempt + 1))
    }, Math.min(READ_AGAIN_PAUSE_MS * attempt, READ_AGAIN_PAUSE_MAX_MS)).unref()
  }

  private async freshJoinCode(): Promise<string> {
    for (;;) {
      const code = joinCodeFromBytes(randomBytes(8))
      if (!(await this.store.findByJoinCode(code))) return code
    }
  }
}

/** Composes two reads of one event from the newer version of each record. */
function newestRecords(a: StoredEvent, b: StoredEvent): StoredEvent {
  const setup = b.setupVersion > a.setupVersion ? b : a
  const access = b.accessVersion > a.accessVersion ? b : a
  const round = b.round.version > a.round.version ? b : a
  // The same versions are the same state: the one already known stays (caches keyed by it hold).
  if (setup === access && access === round) return setup
  return {
    event: setup.event,
    setupVersion: setup.setupVersion,
    joinCode: access.joinCode,
    createdAt: access.createdAt,
    accessEpoch: access.accessEpoch,
    generations: access.generations,
    accessVersion: access.accessVersion,
    round: round.round,
  }
}

/** The access record of a stored event, as it is written back. */
function accessOf(stored: StoredEvent): EventAccess {
  return { joinCode: stored.joinCode, createdAt: stored.createdAt, accessEpoch: stored.accessEpoch, generations: stored.generations }
}
