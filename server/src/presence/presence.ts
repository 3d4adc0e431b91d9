import type { PresenceCounts, Role } from '@tischrunde/shared'

/** Who is connected to an event right now, by socket. Counts only, no names. */
export class Presence {
  private readonly byEvent = new Map<string, Map<string, { role: Role; tableId: string | null }>>()

  join(eventId: string, socketId: string, role: Role): void {
    let sockets = this.byEvent.get(eventId)
    if (!sockets) this.byEvent.set(eventId, (sockets = new Map()))
    sockets.set(socketId, { role, tableId: null })
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
    const counts: PresenceCounts = { byTable: {}, unseated: 0, projectors: 0, facilitators: 0 }
    for (const { role, tableId } of this.byEvent.get(eventId)?.values() ?? []) {
      if (role === 'projector') counts.projectors++
      else if (role === 'facilitator') counts.facilitators++
      else if (tableId) counts.byTable[tableId] = (counts.byTable[tableId] ?? 0) + 1
      else counts.unseated++
    }
    return counts
  }
}
