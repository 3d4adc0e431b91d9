/**
 * Rate limits and caps. Each one says what abuse it prevents; every one can be set from the
 * environment (server/src/config/env.ts, README "Configuration").
 */
export interface Limits {
  /**
   * Open connections (board sockets and Socket.IO together). Beyond it, board upgrades get HTTP 503
   * and Socket.IO connections the error SERVER_FULL, instead of the process running out of memory.
   * @default 2000
   */
  maxConnections: number
  /**
   * Open connections one participant (one phone's identity, over all its tabs and devices) may hold
   * at once. A phone at a table needs one to three; without a cap one valid participant link could
   * take every connection of `maxConnections` and lock the hall out. Beyond it, board upgrades get
   * HTTP 429 and Socket.IO connections RATE_LIMITED. Facilitator and projector links are not capped.
   * @default 16
   */
  maxConnectionsPerPerson?: number
  /**
   * Messages per second one board socket may send; beyond the burst the socket is closed with 4429.
   * A phone sends one per card edit; a flood from one socket cannot starve the others.
   * @default 20 per second, burst 60
   */
  boardMessagesPerSecond: number
  boardMessagesBurst: number
  /**
   * Commands per second one Socket.IO connection may send; beyond the burst they are answered
   * RATE_LIMITED and not run.
   * @default 10 per second, burst 30
   */
  controlMessagesPerSecond: number
  controlMessagesBurst: number
  /**
   * New cards per participant (over all their phones and tables): a burst for someone pasting a
   * prepared list, then a steady pace faster than anyone types. Cards beyond it are refused like
   * cards for a closed station: the phone keeps their text and shows why. Facilitators are exempt.
   * @default burst 20, then 30 per minute (one every 2 s)
   */
  cardsBurst: number
  cardsPerMinute: number
  /**
   * Events on the installation. Every event holds a setup record in the event file (rewritten whole
   * on every change) and up to 60 boards on disk: without a cap, creating events in a loop fills the
   * data folder and slows every facilitator command. Beyond it, POST /api/events and imports answer
   * LIMIT_REACHED until old events are deleted.
   * @default 200
   */
  maxEvents: number
  /**
   * New events per hour and address when creation is open to everyone (TISCHRUNDE_OPEN_EVENT_CREATION);
   * beyond it POST /api/events answers RATE_LIMITED. With the admin key there is no such pace.
   * @default 10 (burst), refilled at 10 per hour
   */
  eventsPerHour: number
  /**
   * New participants (right join codes) one address may add at once, then five a second. Every
   * join is a fresh identity with its own card allowance: joining again and again would walk around
   * the per-person limits. A whole hall behind one venue NAT fits into the burst.
   * @default 1000
   */
  joinsBurst: number
  /**
   * Longest silence on a doc socket, in ms. The y-websocket client closes a connection after 30 s
   * without a message, so on a board nobody writes to the server sends a sign of life within this.
   * @default 15000
   */
  boardKeepAliveMs?: number
}

export const DEFAULT_LIMITS: Limits = {
  maxConnections: 2000,
  maxConnectionsPerPerson: 16,
  boardMessagesPerSecond: 20,
  boardMessagesBurst: 60,
  controlMessagesPerSecond: 10,
  controlMessagesBurst: 30,
  cardsBurst: 20,
  cardsPerMinute: 30,
  maxEvents: 200,
  eventsPerHour: 10,
  joinsBurst: 1000,
  boardKeepAliveMs: 15_000,
}

/**
 * The slots of `max` only facilitator, projector and table-host links may take: 2 % (16 at least,
 * a quarter of `max` at most). Participants' identities cost nothing to make, so a few devices could
 * otherwise take every connection and lock the facilitators of every event out of their consoles.
 */
export function staffReserve(max: number): number {
  return Math.min(Math.max(16, Math.floor(max * 0.02)), Math.floor(max / 4))
}

/**
 * The share of the participants' slots the participants of one event may hold: the rest stays open
 * to the other events on the server. A join code is all it takes to make participants, so one
 * event's code (or one script with it) could otherwise fill the server and lock every other event's
 * phones out. @default 0.8
 */
export const EVENT_SHARE = 0.8

/** Open connections counted against `maxConnections`, over both transports, per participant and per event. */
export class ConnectionBudget {
  private open = 0
  private readonly perPerson = new Map<string, number>()
  /** Participants' open connections by event. */
  private readonly perEvent = new Map<string, number>()
  /** Slots kept for staff links (see `staffReserve`). */
  readonly reserve: number
  /** Most participants' connections of one event (see EVENT_SHARE). */
  readonly maxPerEvent: number
  constructor(
    readonly max: number,
    readonly maxPerPerson = DEFAULT_LIMITS.maxConnectionsPerPerson!,
  ) {
    this.reserve = staffReserve(max)
    this.maxPerEvent = Math.max(1, Math.floor((max - this.reserve) * EVENT_SHARE))
  }

  /**
   * Takes a slot for a connection of `person` (see `personOf`; null: not capped per person), a
   * participant's (`participant`: not in the staff reserve, counted for its `event`) or a staff
   * link's; returns its release (call once), or null when the server or the event is full for it or
   * this person is (`fullFor` tells which).
   */
  take(person: string | null = null, participant = false, event: string | null = null): (() => void) | null {
    if (this.fullFor(participant, event)) return null
    const held = person === null ? 0 : (this.perPerson.get(person) ?? 0)
    if (person !== null && held >= this.maxPerPerson) return null
    this.open++
    if (person !== null) this.perPerson.set(person, held + 1)
    const counted = participant ? event : null
    if (counted !== null) this.perEvent.set(counted, (this.perEvent.get(counted) ?? 0) + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.open--
      if (counted !== null) {
        const inEvent = (this.perEvent.get(counted) ?? 1) - 1
        if (inEvent > 0) this.perEvent.set(counted, inEvent)
        else this.perEvent.delete(counted)
      }
      if (person === null) return
      const left = (this.perPerson.get(person) ?? 1) - 1
      if (left > 0) this.perPerson.set(person, left)
      else this.perPerson.delete(person)
    }
  }

  /**
   * Whether the server is full for a participant's connection or a staff link's, or the event for
   * its participants (else a refused `take` was one person's cap).
   */
  fullFor(participant = false, event: string | null = null): boolean {
    if (participant && event !== null && (this.perEvent.get(event) ?? 0) >= this.maxPerEvent) return true
    return this.open >= (participant ? this.max - this.reserve : this.max)
  }

  get count(): number {
    return this.open
  }
}

/** Whose connections count together against `maxConnectionsPerPerson`: a participant's, by event; null for other roles. */
export function personOf(actor: { eventId: string; participantId: string | null }): string | null {
  return actor.participantId === null ? null : `${actor.eventId}\u0000${actor.participantId}`
}
