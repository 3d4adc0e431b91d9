import type { EventSituation, StoredEvent } from '@tischrunde/shared'
import type { EventService } from '../events/event-service.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import type { TreeMembers } from '../tree/tree-members.js'

/**
 * The situation of each event as this process holds it now — the event, its round, its groups and
 * its workshops — for the access checks of every board message. Asked once per message: the same
 * object is given while none of its parts changed (each is replaced, never changed in place, when
 * it changes), instead of a new one per message.
 */
export function eventSituations(deps: { events: Pick<EventService, 'current'>; treeMembers: Pick<TreeMembers, 'situationOf'>; programme?: Pick<ProgrammeService, 'situationOf'> }) {
  const kept = new Map<string, { stored: StoredEvent; situation: EventSituation }>()
  return {
    /** The event now, or null when this process does not know it (deleted, or being read again). */
    of(eventId: string): EventSituation | null {
      const stored = deps.events.current(eventId)
      if (!stored) return null
      const treeGroupOf = deps.treeMembers.situationOf(eventId)
      const workshops = deps.programme?.situationOf(eventId)
      const last = kept.get(eventId)
      if (last && last.stored === stored && last.situation.treeGroupOf === treeGroupOf && last.situation.workshops === workshops) return last.situation
      const situation = { event: stored.event, round: stored.round, treeGroupOf, workshops }
      kept.set(eventId, { stored, situation })
      return situation
    },
    /** Lets go of a deleted event's situation. */
    forget(eventId: string): void {
      kept.delete(eventId)
    },
  }
}
