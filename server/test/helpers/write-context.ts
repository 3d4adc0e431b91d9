import { type EventActor, INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import type { WriteContext } from '../../src/boards/write-gate.js'

/** A participant writing to table 1's board while Station 1 is open (a DocRoom's write context in unit tests). */
export function participantAtStation(): WriteContext {
  const event = anEvent()
  const participant: EventActor = { type: 'event', eventId: event.id, role: 'participant', participantId: 'participant-1', tableId: null }
  return {
    actor: participant,
    scope: { kind: 'board', eventId: event.id, parts: { tableId: 'tisch-1' } },
    situation: { event, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 } },
    now: 1_562_054_700_000,
  }
}
