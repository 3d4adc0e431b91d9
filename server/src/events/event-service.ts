import { createHash, randomBytes } from 'node:crypto'
import {
  type CreateEventRequest,
  createEventRequestSchema,
  type CredentialClaims,
  type EventId,
  type EventLinks,
  INITIAL_ROUND_STATE,
  type RoundState,
  type FacilitatorEventView,
  type StoredEvent,
  type TischEvent,
  WINNENDEN_TEMPLATE,
  eventSchema,
  joinCodeFromBytes,
  slugify,
  uniqueId,
} from '@tischrunde/shared'
import type { Credentials } from '../access/credentials.js'
import type { EventStore } from '../storage/storage.js'

/** A checked credential together with the event it opens. */
export interface Authenticated {
  claims: CredentialClaims
  stored: StoredEvent
}

/** Events: creating them, handing out links and join codes, and checking credentials against them. */
export class EventService {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: Credentials,
  ) {}

  list(): StoredEvent[] {
    return this.store.list()
  }

  get(id: EventId): StoredEvent | undefined {
    return this.store.get(id)
  }

  /** Creates an event from a validated request. Ids come from the title and table names. */
  async create(input: CreateEventRequest, now: number): Promise<StoredEvent> {
    const req = createEventRequestSchema.parse(input)
    const taken = new Set(this.store.list().map((e) => e.event.id))
    const id = uniqueId(slugify(req.title, 40), taken)
    const tableIds = new Set<string>()
    const tables = req.tableNames.map((name) => {
      const tableId = uniqueId(slugify(name, 40), tableIds)
      tableIds.add(tableId)
      return { id: tableId, name, host: '' }
    })
    const event: TischEvent = eventSchema.parse({
      id,
      title: req.title,
      date: req.date,
      place: req.place,
      agenda: req.agenda,
      tables,
      template: req.template ?? WINNENDEN_TEMPLATE,
    })
    return this.insert(event, now)
  }

  /** Stores a complete, validated event under its own id (the seeding and import path). */
  async insert(event: TischEvent, now: number): Promise<StoredEvent> {
    const record: StoredEvent = {
      event: eventSchema.parse(event),
      joinCode: this.freshJoinCode(),
      createdAt: now,
      accessEpoch: 0,
      round: INITIAL_ROUND_STATE,
    }
    await this.store.put(record)
    return record
  }

  async replaceEvent(record: StoredEvent, event: TischEvent): Promise<StoredEvent> {
    const next = { ...record, event: eventSchema.parse(event) }
    await this.putIfPresent(next)
    return next
  }

  /** Stores a new round state (after a command or a timer lock). */
  async setRound(record: StoredEvent, round: RoundState): Promise<StoredEvent> {
    const next = { ...record, round }
    await this.putIfPresent(next)
    return next
  }

  /**
   * Stores a changed event unless it was deleted meanwhile (a command or a timer that read it
   * before the deletion must not bring it back). The check and the write happen in one tick.
   */
  private async putIfPresent(next: StoredEvent): Promise<void> {
    if (!this.store.get(next.event.id)) return
    await this.store.put(next)
  }

  async remove(id: EventId): Promise<void> {
    await this.store.remove(id)
  }

  /** The event a join code opens, if any. */
  byJoinCode(code: string): StoredEvent | undefined {
    return this.store.findByJoinCode(code)
  }

  /** Issues a credential for an event and role. */
  issue(stored: StoredEvent, role: CredentialClaims['role'], participantId?: string): string {
    return this.credentials.issue({ event: stored.event.id, role, epoch: stored.accessEpoch, ...(participantId ? { participant: participantId } : {}) })
  }

  /**
   * A table host's credential: writes as the table's scribe, only at that table. The same link
   * for every device of the table, so a host can switch phones and keep editing the table's cards.
   */
  issueHost(stored: StoredEvent, tableId: string): string {
    const participantId = `host-${createHash('sha256').update(`${stored.event.id}/${tableId}`).digest('base64url').slice(0, 16)}`
    return this.credentials.issue({ event: stored.event.id, role: 'host', epoch: stored.accessEpoch, participant: participantId, table: tableId })
  }

  /** Checks a credential: valid signature, an existing event, not revoked. */
  authenticate(token: string | undefined | null): Authenticated | null {
    if (!token) return null
    const claims = this.credentials.verify(token)
    if (!claims) return null
    const stored = this.store.get(claims.event)
    if (!stored || stored.accessEpoch !== claims.epoch) return null
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

  private freshJoinCode(): string {
    for (;;) {
      const code = joinCodeFromBytes(randomBytes(8))
      if (!this.store.findByJoinCode(code)) return code
    }
  }
}
