import { type EventActor, type PresenceCounts, presenceGroup } from '@tischrunde/shared'

/** One connected screen as presence knows it. No names. */
export interface PresenceEntry {
  socketId: string
  group: ReturnType<typeof presenceGroup>
  /** The participant behind the socket (stable across reconnects), or the socket id. */
  person: string
  /** A table host, who stays at their table. */
  host: boolean
  tableId: string | null
  /** Where this phone sat at which station, as it reported. */
  visits: Readonly<Record<string, string>>
  /** When it took its table, in the order of seats taken (the latest screen of a person tells where they are). */
  seatedSeq: number
}

/** Who is connected to an event right now, by socket. Counts only, no names. */
export class Presence {
  private readonly byEvent = new Map<string, Map<string, PresenceEntry>>()
  private seats = 0

  join(eventId: string, socketId: string, actor: EventActor): void {
    let sockets = this.byEvent.get(eventId)
    if (!sockets) this.byEvent.set(eventId, (sockets = new Map()))
    const person = actor.participantId ?? socketId
    sockets.set(socketId, { socketId, group: presenceGroup(actor), person, host: actor.role === 'host', tableId: null, visits: {}, seatedSeq: 0 })
  }

  /** Records a phone's table (and its visits); true when the table changed (the counts need sending). */
  seat(eventId: string, socketId: string, tableId: string | null, visits?: Readonly<Record<string, string>>): boolean {
    const entry = this.byEvent.get(eventId)?.get(socketId)
    if (!entry) return false
    if (visits) entry.visits = visits
    if (entry.tableId === tableId) return false
    entry.tableId = tableId
    entry.seatedSeq = ++this.seats
    return true
  }

  /** The phones (participants and hosts) of an event. */
  phones(eventId: string): PresenceEntry[] {
    return [...(this.byEvent.get(eventId)?.values() ?? [])].filter((e) => e.group !== 'projector' && e.group !== 'facilitator')
  }

  leave(eventId: string, socketId: string): void {
    const sockets = this.byEvent.get(eventId)
    sockets?.delete(socketId)
    if (sockets?.size === 0) this.byEvent.delete(eventId)
  }

  counts(eventId: string): PresenceCounts {
    // Table ids are chosen by people: a table called "constructor" must not meet Object.prototype.
    const counts: PresenceCounts = { byTable: Object.create(null) as Record<string, number>, unseated: 0, projectors: 0, facilitators: 0 }
    // People, not screens: one person's phones and tabs (a carried doc socket beside a Socket.IO
    // screen still at the table choice, a second tab) count once, at their table if any screen sits;
    // screens at two tables (a tab left open at the last one) count at the table taken last.
    const seated = new Map<string, { tableId: string; seq: number }>()
    const unseated = new Set<string>()
    for (const { group, tableId, person, seatedSeq } of this.byEvent.get(eventId)?.values() ?? []) {
      if (group === 'projector') counts.projectors++
      else if (group === 'facilitator') counts.facilitators++
      else if (tableId) {
        const latest = seated.get(person)
        if (!latest || seatedSeq > latest.seq) seated.set(person, { tableId, seq: seatedSeq })
      } else unseated.add(person)
    }
    for (const [person, { tableId }] of seated) {
      unseated.delete(person)
      counts.byTable[tableId] = (counts.byTable[tableId] ?? 0) + 1
    }
    counts.unseated = unseated.size
    return counts
  }
}
