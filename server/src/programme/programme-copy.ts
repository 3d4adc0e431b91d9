import type { EventId, Programme } from '@tischrunde/shared'
import type { ProgrammeService } from './programme-service.js'
import { seedProgramme } from './seed-programme.js'

/** How event files (export, import, seed) carry the programme: read it, and put one in place. */
export interface ProgrammeCopy {
  read(eventId: EventId): Promise<Programme | null>
  write(eventId: EventId, programme: Programme): Promise<void>
  /** Drops what is kept in memory of an event's programme (an event taken away after a failed import). */
  forget?(eventId: EventId): void
}

/** The programme service as event files see it. Sign-ups stay behind: they are personal data. */
export function programmeCopy(service: ProgrammeService): ProgrammeCopy {
  return {
    read: (eventId) => service.storedProgramme(eventId),
    write: (eventId, programme) => seedProgramme(service, eventId, programme),
    forget: (eventId) => service.forget(eventId),
  }
}
