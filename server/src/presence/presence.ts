import { type EventActor, type PresenceCounts, presenceGroup } from '@tischrunde/shared'

/** Who is connected to an event right now, by socket. Counts only, no names. */
export class Presence {
  private readonly byEvent = new Map<string, Map<string, { group: ReturnType<typeof presenceGroup>; tableId: string | null }>>()

  join(eventId: string, socketId: string, actor: EventActor): void {
    let sockets = this.byEvent.get(eventId)
    if (!sockets) this.byEvent.set(eventId, (sockets = new Map()))
    sockets.set(socketId, { group: presenceGroup(actor), tableId: null })
  }

  seat(eventId: string, socketId: string, tableId: string | null): boolean {
    const entry = this.byEvent.get(eventId)?.get(socketId)
    if (!entry || entry.tableId === tableId) return false
    entry.tableId = tableId
    return true
  }

  leave(eventId: string, socketId: string): void {
    const sockets = this.byEvent.get(eventId)
    sockets?.delete(socketId)
    if (sockets?.size === 0) this.byEvent.delete(eventId)
  }

  counts(eventId: string): PresenceCounts {
    // Table ids are chosen by people: a table called "constructor" must not meet Object.prototype.
    const counts: PresenceCounts = { byTable: Object.create(null) as Record<string, number>, unseated: 0, projectors: 0, facilitators: 0 }
    for (const { group, tableId } of this.byEvent.get(eventId)?.values() ?? []) {
      if (group === 'projector') counts.projectors++
      else if (group === 'facilitator') counts.facilitators++
      else if (tableId) counts.byTable[tableId] = (counts.byTable[tableId] ?? 0) + 1
      else counts.unseated++
    }
    return counts
  }
}
