import { isDeepStrictEqual } from 'node:util'
import {
  type AgendaItem,
  type Booking,
  type ChoiceAnswer,
  type EventId,
  type MyChoices,
  myChoicesOf,
  type Programme,
  type ProgrammePerson,
  type ProgrammeState,
  type ProgrammeView,
  type Result,
  type Roster,
  StoreWriteError,
  type Versioned,
  bookingKey,
  chooseWorkshop,
  countSeats,
  agendaOf,
  err,
  localDayClock,
  phaseOver,
  ok,
  programmeFromAgenda,
  storedProgrammeSchema,
  shiftRestOfDay,
  type WorkshopSituation,
  workshopSituation,
} from '@tischrunde/shared'
import { RateLimiter } from '../access/rate-limit.js'
import type { EventStore } from '../storage/storage.js'
import { BOOKING_RECORDS, CODE_RECORDS, PEOPLE_RECORDS, PROGRAMME_KEY, PROGRAMME_RECORDS } from './programme-records.js'
import { ensurePerson } from './programme-people.js'

/** Why a programme command was refused (besides a choice's own refusals, which are answers). */
export type ProgrammeRefusal = 'NO_PROGRAMME' | 'STALE' | 'UNKNOWN_WORKSHOP' | 'UNKNOWN_PHASE' | 'NOT_FOUND' | 'ELSEWHERE'

/**
 * Refused on a node that does not serve the event (several nodes): another node owns it and runs its
 * queue. Only screens of an older app reach it so (they do not name their event when they connect).
 */
export type Elsewhere = 'ELSEWHERE'

/** The event's agenda (its "Tagesprogramm" lines) as the programme reads and writes it. */
export interface ProgrammeAgenda {
  read(eventId: EventId): Promise<{ agenda: AgendaItem[]; date: string } | undefined>
  write(eventId: EventId, agenda: AgendaItem[]): Promise<void>
}

/** What one event's programme state is in memory: the records as last stored. */
interface Loaded {
  programme: Versioned<Programme> | undefined
  bookings: Map<string, Versioned<Booking>>
  people: Map<string, Versioned<ProgrammePerson>>
}

/**
 * The programme and workshop sign-up of events. Every change of an event runs in one queue, so a
 * choice reads the seats taken and writes its booking with nobody in between: two people racing
 * for the last seat get one seat, not two. Each write is a compare-and-set on its own record; the
 * memory copy changes only after the store has taken the write, and after a restart it is read
 * again from the records.
 *
 * With several nodes the queue holds on the event's owner only: a change reaching another node
 * (a screen of an older app that does not name its event) is refused there (`owns`), never run
 * beside the owner's queue, which would give the last seat twice.
 */
export class ProgrammeService {
  private readonly loaded = new Map<EventId, Promise<Loaded>>()
  /** The same, once read: what workshop boards look up synchronously, message by message. */
  private readonly ready = new Map<EventId, Loaded>()
  private readonly queues = new Map<EventId, Promise<unknown>>()
  /** The workshop situation of each event's state in memory, for the stored programme it was made from. */
  private readonly situations = new WeakMap<Loaded, { programme: Loaded['programme']; situation: WorkshopSituation }>()
  /**
   * Look-ups of personal codes per event: 30 at once, then one every two seconds. A code has 32^6
   * values; guessing one of a hall's few hundred then takes months, a person who mistypes waits seconds.
   */
  private readonly lookups = new RateLimiter(30, 0.5)
  /**
   * And per participant, judged first: 5 at once, then one every 30 s. One person guessing is held up
   * before the event's budget, so the hall's other people can still look up their own codes.
   */
  private readonly lookupsPerPerson = new RateLimiter(5, 1 / 30)

  constructor(
    private readonly store: EventStore,
    private readonly deps: {
      now: () => number
      /** The programme itself changed (`programme`) or only the seats taken (`counts`); `participantIds`: whose choices changed. */
      changed: (eventId: EventId, what: 'programme' | 'counts', participantIds?: readonly string[]) => void
      /**
       * The event's agenda, the older view of the day: read as the programme while none is stored
       * (events from before the programme), and written from the programme whenever it is saved.
       */
      agenda?: ProgrammeAgenda
      /**
       * Several nodes: whether this node serves the event now (it holds its lease, or takes it when
       * nobody does). Absent: one process serves every event.
       */
      owns?: (eventId: EventId) => Promise<boolean>
    },
  ) {}

  /** Runs `work` after every earlier change of the event. */
  private serial<T>(eventId: EventId, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(eventId) ?? Promise.resolve()
    const run = before.then(work, work)
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    this.queues.set(eventId, settled)
    void settled.then(() => {
      if (this.queues.get(eventId) === settled) this.queues.delete(eventId)
    })
    return run
  }

  /** Runs a change in the event's queue, on the node that serves the event; elsewhere it is refused. */
  private owned<T, E extends string>(eventId: EventId, work: () => Promise<Result<T, E>>): Promise<Result<T, E | Elsewhere>> {
    const owns = this.deps.owns
    if (!owns) return this.serial(eventId, work)
    return this.serial(eventId, async () => ((await owns(eventId).catch(() => false)) ? work() : err('ELSEWHERE')))
  }

  private load(eventId: EventId): Promise<Loaded> {
    let loading = this.loaded.get(eventId)
    if (!loading) {
      loading = (async () => {
        const [programme, bookings, people] = await Promise.all([
          this.store.getRecord(eventId, PROGRAMME_RECORDS, PROGRAMME_KEY),
          this.store.listRecords(eventId, BOOKING_RECORDS),
          this.store.listRecords(eventId, PEOPLE_RECORDS),
        ])
        return {
          programme,
          bookings: new Map(bookings.map((r) => [r.key, { version: r.version, value: r.value }])),
          people: new Map(people.map((r) => [r.key, { version: r.version, value: r.value }])),
        }
      })()
      this.loaded.set(eventId, loading)
      loading.then(
        (l) => this.loaded.get(eventId) === loading && this.ready.set(eventId, l),
        () => this.loaded.delete(eventId),
      )
    }
    return loading
  }

  /** Forgets what is kept of an event (deleted). */
  forget(eventId: EventId): void {
    this.loaded.delete(eventId)
    this.ready.delete(eventId)
  }

  /** Reads the event's programme and bookings, so `situationOf` knows them (before a workshop board opens). */
  async prepare(eventId: EventId): Promise<void> {
    const l = await this.load(eventId)
    this.ready.set(eventId, l)
  }

  /** Which workshops exist and who booked which, as this process holds it now; undefined before `prepare`. */
  situationOf(eventId: EventId): WorkshopSituation | undefined {
    const l = this.ready.get(eventId)
    if (!l) return undefined
    // Asked for every board message: made once per stored programme (a save replaces it), reading the bookings as they are.
    const kept = this.situations.get(l)
    if (kept && kept.programme === l.programme) return kept.situation
    const situation = workshopSituation(l.programme?.value ?? null, (key) => l.bookings.get(key)?.value.workshopId ?? null)
    this.situations.set(l, { programme: l.programme, situation })
    return situation
  }

  /**
   * The programme and the seats taken. An event without a stored programme shows its agenda as one
   * (version 0: the console's first save stores it).
   */
  async state(eventId: EventId): Promise<ProgrammeState> {
    const l = await this.load(eventId)
    const programme = l.programme?.value ?? (await this.fromAgenda(eventId))
    return { programme, version: l.programme?.version ?? 0, counts: Object.fromEntries(countSeats(this.activeBookings(l))), serverNow: this.deps.now() }
  }

  private async fromAgenda(eventId: EventId): Promise<Programme | null> {
    const event = await this.deps.agenda?.read(eventId)
    return event ? programmeFromAgenda(event.agenda, event.date) : null
  }

  /** The programme as stored; null while there is none (an agenda read as one does not count). */
  async storedProgramme(eventId: EventId): Promise<Programme | null> {
    return (await this.load(eventId)).programme?.value ?? null
  }

  /** The setup's agenda changed: screens showing it as the programme (none stored) fetch it again. */
  agendaChanged(eventId: EventId): void {
    void this.load(eventId).then((l) => l.programme || this.deps.changed(eventId, 'programme'), () => undefined)
  }

  /** The agenda lines of the stored programme; null while there is none (the setup's agenda stands). */
  async storedAgenda(eventId: EventId): Promise<AgendaItem[] | null> {
    const l = await this.load(eventId)
    return l.programme ? agendaOf(l.programme.value) : null
  }

  /** What a screen sees: the state, and for a participant their own choices. */
  async view(eventId: EventId, participantId: string | null): Promise<ProgrammeView> {
    const l = await this.load(eventId)
    return { ...(await this.state(eventId)), mine: participantId ? this.mine(l, participantId) : null }
  }

  /** One participant's choices and code (pushed to their screens when they change). */
  readonly choicesOf = async (eventId: EventId, participantId: string): Promise<MyChoices> => this.mine(await this.load(eventId), participantId)

  /** Bookings of workshops that are (still) in the programme. */
  private *activeBookings(l: Loaded): Iterable<Booking> {
    const known = new Set(l.programme?.value.items.flatMap((i) => i.workshops.map((w) => `${i.id}/${w.id}`)) ?? [])
    for (const { value } of l.bookings.values()) if (value.workshopId && known.has(`${value.phaseId}/${value.workshopId}`)) yield value
  }

  private mine(l: Loaded, participantId: string): MyChoices {
    return myChoicesOf([...l.bookings.values()].map((r) => r.value), participantId, l.people.get(participantId)?.value)
  }

  /**
   * A participant chooses `workshopId` in `phaseId` (null: takes the choice back). Refusals (full,
   * closed, the day over) are answers with the free alternatives; a first choice gives the person their code.
   */
  choose(eventId: EventId, participantId: string, phaseId: string, workshopId: string | null, displayName: string | undefined, dayClosed = false): Promise<Result<ChoiceAnswer, 'NO_PROGRAMME' | Elsewhere>> {
    return this.owned(eventId, async (): Promise<Result<ChoiceAnswer, 'NO_PROGRAMME'>> => {
      const l = await this.load(eventId)
      const programme = l.programme?.value
      if (!programme) return err('NO_PROGRAMME')
      const key = bookingKey(participantId, phaseId)
      const current = l.bookings.get(key)
      const counts = countSeats(this.activeBookings(l))
      const outcome = chooseWorkshop(programme, counts, current?.value.workshopId ?? null, phaseId, workshopId, { dayClosed, phaseOver: phaseOver(programme, phaseId, localDayClock(this.deps.now(), programme.timeZone)) })
      const seats = () => Object.fromEntries(countSeats(this.activeBookings(l)))
      if (!outcome.ok) return ok({ booked: false as const, reason: outcome.reason, alternatives: outcome.alternatives.map((w) => w.id), mine: this.mine(l, participantId), counts: seats() })
      if (outcome.changed) await this.writeBooking(eventId, l, key, { participantId, phaseId, workshopId, at: this.deps.now(), by: 'self' })
      try {
        // A code and a name are kept only for someone who holds a seat (or had one): taking back a choice
        // never made, again and again under fresh identities, stores nothing.
        if (l.people.has(participantId) || Object.keys(this.mine(l, participantId).choices).length > 0) await ensurePerson(this.store, eventId, l.people, participantId, displayName)
      } finally {
        // The seat is stored: the counts are told even if the code could not be (the choice sent again makes it).
        if (outcome.changed) this.deps.changed(eventId, 'counts', [participantId])
      }
      return ok({ booked: true as const, hint: outcome.hint?.map((w) => w.id) ?? null, mine: this.mine(l, participantId), counts: seats() })
    })
  }

  private async writeBooking(eventId: EventId, l: Loaded, key: string, booking: Booking): Promise<void> {
    const current = l.bookings.get(key)
    const written = await this.store.putRecord(eventId, BOOKING_RECORDS, key, booking, current?.version ?? null)
    // Only this queue writes bookings: a refusal means the record changed under us (another node).
    if (!written.ok) throw new Error(`booking ${key} could not be written: ${written.error}`)
    l.bookings.set(key, { version: written.value, value: booking })
  }

  /** The participant a personal code belongs to, with their choices; null for a code nobody has. */
  async lookup(eventId: EventId, askedBy: string, code: string): Promise<{ participantId: string; mine: MyChoices } | null | 'RATE_LIMITED'> {
    const now = Date.now()
    const person = `${eventId}\u0000${askedBy}`
    // Both budgets are judged before either is charged (a look-up refused by the event's budget does
    // not use up the person's own tries), and the event's pays for wrong codes only: guesses drain
    // it, people finding their own choices again do not.
    if (!this.lookupsPerPerson.peek(person, now) || !this.lookups.peek(eventId, now)) return 'RATE_LIMITED'
    this.lookupsPerPerson.take(person, now)
    const found = await this.store.getRecord(eventId, CODE_RECORDS, code)
    if (!found) return (this.lookups.take(eventId, now), null)
    const l = await this.load(eventId)
    return { participantId: found.value.participantId, mine: this.mine(l, found.value.participantId) }
  }

  /** Replaces the programme if it is still at `expectedVersion` (null: there is none yet). */
  save(eventId: EventId, programme: Programme, expectedVersion: number | null): Promise<Result<number, 'STALE' | 'NOT_FOUND' | Elsewhere>> {
    return this.owned(eventId, async (): Promise<Result<number, 'STALE' | 'NOT_FOUND'>> => {
      const l = await this.load(eventId)
      const current = l.programme?.version ?? null
      if ((expectedVersion ?? null) !== current) {
        // The same save sent again (its answer lost, or what follows it failed): the programme stands as
        // sent; what follows a save is done again (seats of removed workshops, agenda, screens told).
        if (l.programme && (expectedVersion ?? 0) < l.programme.version && isDeepStrictEqual(storedProgrammeSchema.parse(programme), l.programme.value))
          return (await this.afterProgramme(eventId, l, l.programme.value), ok(l.programme.version))
        return err('STALE')
      }
      return this.writeProgramme(eventId, l, programme)
    })
  }

  private async writeProgramme(eventId: EventId, l: Loaded, programme: Programme): Promise<Result<number, 'STALE' | 'NOT_FOUND'>> {
    const value = storedProgrammeSchema.parse(programme)
    const written = await this.store.putRecord(eventId, PROGRAMME_RECORDS, PROGRAMME_KEY, value, l.programme?.version ?? null)
    if (!written.ok) return err(written.error === StoreWriteError.STALE ? 'STALE' : 'NOT_FOUND')
    l.programme = { version: written.value, value }
    await this.afterProgramme(eventId, l, value)
    return ok(written.value)
  }

  /** What follows a stored programme; each step may be done again. Screens are told even if a seat could not be given back. */
  private async afterProgramme(eventId: EventId, l: Loaded, value: Programme): Promise<void> {
    try {
      await this.voidBookingsOfRemoved(eventId, l, value)
    } finally {
      // The agenda follows the programme; the programme is stored whether or not that write succeeds.
      await this.deps.agenda?.write(eventId, agendaOf(value)).catch(() => undefined)
      this.deps.changed(eventId, 'programme')
    }
  }

  /**
   * Seats in a workshop the programme no longer has are given back: a workshop added later under the
   * same id starts empty, and nobody is put into it unasked (nor onto its board).
   */
  private async voidBookingsOfRemoved(eventId: EventId, l: Loaded, programme: Programme): Promise<void> {
    const known = new Set(programme.items.flatMap((i) => i.workshops.map((w) => `${i.id}/${w.id}`)))
    const gone = [...l.bookings].filter(([, { value }]) => value.workshopId !== null && !known.has(`${value.phaseId}/${value.workshopId}`))
    // All at once: the store writes them together (one rewrite of the file, not one per seat).
    await Promise.all(gone.map(([key, { value }]) => this.writeBooking(eventId, l, key, { ...value, workshopId: null, at: this.deps.now(), by: 'organiser' })))
    if (gone.length > 0) this.deps.changed(eventId, 'counts', [...new Set(gone.map(([, { value }]) => value.participantId))])
  }

  /** Changes the programme as it is now (shift, close, seats), in the queue. */
  private update(eventId: EventId, change: (p: Programme) => Result<Programme, ProgrammeRefusal>): Promise<Result<number, ProgrammeRefusal>> {
    return this.owned(eventId, async (): Promise<Result<number, ProgrammeRefusal>> => {
      const l = await this.load(eventId)
      if (!l.programme) return err('NO_PROGRAMME')
      const next = change(l.programme.value)
      if (!next.ok) return next
      // Nothing to change (the same shift sent again): answered with the programme as it stands.
      if (next.value === l.programme.value) return ok(l.programme.version)
      return this.writeProgramme(eventId, l, next.value)
    })
  }

  /** The rest of the day runs `minutes` later from the event's wall clock now. */
  shift(eventId: EventId, minutes: number, shiftId?: string): Promise<Result<number, ProgrammeRefusal>> {
    return this.update(eventId, (p) => ok(shiftRestOfDay(p, localDayClock(this.deps.now(), p.timeZone).minute, minutes, shiftId)))
  }

  /** Closes or reopens a workshop, or sets its seats. Seats already taken stay taken. */
  setWorkshop(eventId: EventId, workshopId: string, change: { closed?: boolean | undefined; capacity?: number | null | undefined }): Promise<Result<number, ProgrammeRefusal>> {
    return this.update(eventId, (p) => {
      if (!p.items.some((i) => i.workshops.some((w) => w.id === workshopId))) return err('UNKNOWN_WORKSHOP')
      return ok({
        ...p,
        items: p.items.map((i) => ({
          ...i,
          workshops: i.workshops.map((w) =>
            w.id === workshopId ? { ...w, ...(change.closed === undefined ? {} : { closed: change.closed }), ...(change.capacity === undefined ? {} : { capacity: change.capacity }) } : w,
          ),
        })),
      })
    })
  }

  /** The organiser moves a person to a workshop of the phase (beyond its seats if need be), or out of it. */
  move(eventId: EventId, participantId: string, phaseId: string, workshopId: string | null): Promise<Result<true, ProgrammeRefusal>> {
    return this.owned(eventId, async (): Promise<Result<true, ProgrammeRefusal>> => {
      const l = await this.load(eventId)
      const programme = l.programme?.value
      if (!programme) return err('NO_PROGRAMME')
      const key = bookingKey(participantId, phaseId)
      const current = l.bookings.get(key)
      if (!current && !l.people.has(participantId)) return err('NOT_FOUND')
      const outcome = chooseWorkshop(programme, countSeats(this.activeBookings(l)), current?.value.workshopId ?? null, phaseId, workshopId, { byOrganiser: true })
      if (!outcome.ok) return err(outcome.reason === 'UNKNOWN_PHASE' ? 'UNKNOWN_PHASE' : 'UNKNOWN_WORKSHOP')
      if (outcome.changed) {
        await this.writeBooking(eventId, l, key, { participantId, phaseId, workshopId, at: this.deps.now(), by: 'organiser' })
        this.deps.changed(eventId, 'counts', [participantId])
      }
      return ok(true as const)
    })
  }

  /** Who signed up where: per workshop id, participants with their display names ('' when none given). */
  async roster(eventId: EventId): Promise<Roster> {
    const l = await this.load(eventId)
    const roster: Roster = {}
    for (const b of this.activeBookings(l)) {
      const list = Object.hasOwn(roster, b.workshopId!) ? roster[b.workshopId!]! : (roster[b.workshopId!] = [])
      list.push({ participantId: b.participantId, displayName: l.people.get(b.participantId)?.value.displayName ?? '', by: b.by })
    }
    return roster
  }
}
