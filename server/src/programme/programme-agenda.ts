import type { AgendaItem, EventId } from '@tischrunde/shared'
import type { EventService } from '../events/event-service.js'
import type { ProgrammeAgenda } from './programme-service.js'

/**
 * The event's agenda as a view of the programme: read from the setup (events that have only an
 * agenda), written to it when the programme is saved, and then announced like any setup change.
 */
export function programmeAgenda(events: EventService, published: (eventId: EventId) => void): ProgrammeAgenda {
  return {
    async read(eventId) {
      const stored = await events.get(eventId)
      return stored ? { agenda: stored.event.agenda, date: stored.event.date } : undefined
    },
    async write(eventId, agenda: AgendaItem[]) {
      const same = (a: AgendaItem[]) => JSON.stringify(a) === JSON.stringify(agenda)
      const stored = await events.get(eventId)
      if (!stored || same(stored.event.agenda)) return
      const saved = await events.updateSetup(eventId, (event) => ({ ...event, agenda }))
      if (saved) published(eventId)
    },
  }
}
