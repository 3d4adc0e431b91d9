import type { EventId, Programme } from '@tischrunde/shared'
import type { ProgrammeService } from './programme-service.js'

/** Puts a fixture's programme in place of the event's (the seed step; `--reset` restores it). */
export async function seedProgramme(service: ProgrammeService, eventId: EventId, programme: Programme): Promise<void> {
  const { version } = await service.state(eventId)
  const saved = await service.save(eventId, programme, version === 0 ? null : version)
  if (!saved.ok) throw new Error(`the programme of ${eventId} could not be stored: ${saved.error}`)
}
