import type { Logger } from 'pino'
import { type Role, audienceRoles } from '@tischrunde/shared'
import type { ProgrammeService } from './programme-service.js'
import { type ScreenRooms, participantRoom } from '../transport/screens.js'

/** Seats taken go out at most this often per event, in ms (a hall signing up at once is one message a beat). */
const COUNTS_INTERVAL_MS = 300

/**
 * Sends `programme:state` to every screen of an event when its programme changed (at once), and
 * `programme:counts` when only the seats taken changed (at most every COUNTS_INTERVAL_MS): a hall
 * signing up at once gets the small message, not the whole programme per beat.
 */
export function createProgrammeBroadcast(io: Pick<ScreenRooms, 'to'>, programme: ProgrammeService, roleRoom: (eventId: string, role: Role) => string, log: Logger) {
  const pending = new Map<string, NodeJS.Timeout>()
  const send = (eventId: string, what: 'programme' | 'counts') => {
    programme.state(eventId).then(
      (state) => {
        const rooms = audienceRoles('everyone').map((role) => roleRoom(eventId, role))
        if (what === 'programme') io.to(rooms).emit('programme:state', state)
        else io.to(rooms).emit('programme:counts', { version: state.version, counts: state.counts, serverNow: state.serverNow })
      },
      (error: unknown) => log.error({ err: error, event: eventId }, 'could not read the programme'),
    )
  }
  /** Each participant's own choices, to every screen of theirs (a second device follows the first). */
  const sendMine = (eventId: string, participantIds: readonly string[]) => {
    for (const participantId of participantIds)
      programme.choicesOf(eventId, participantId).then(
        (mine) => io.to([participantRoom(eventId, participantId)]).emit('programme:mine', mine),
        (error: unknown) => log.error({ err: error, event: eventId }, 'could not read a participant’s choices'),
      )
  }
  return {
    changed(eventId: string, what: 'programme' | 'counts', participantIds: readonly string[] = []) {
      sendMine(eventId, participantIds)
      if (what === 'programme') {
        clearTimeout(pending.get(eventId))
        pending.delete(eventId)
        return send(eventId, 'programme')
      }
      if (pending.has(eventId)) return
      pending.set(
        eventId,
        setTimeout(() => {
          pending.delete(eventId)
          send(eventId, 'counts')
        }, COUNTS_INTERVAL_MS),
      )
    },
    close() {
      for (const t of pending.values()) clearTimeout(t)
      pending.clear()
    },
  }
}
