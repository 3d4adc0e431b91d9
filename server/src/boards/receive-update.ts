import {
  type BoardCloseReason,
  type DocKind,
  type DocScope,
  type EventActor,
  type EventSituation,
  PERSON_UPDATE_STRUCTS_MAX,
  SOFT_REFUSALS,
  type UpdateProblem,
  WriteRefusal,
  checkDocUpdate,
  waitsForMissing,
  docAccess,
  encodeRefused,
  writerKeyOf,
} from '@tischrunde/shared'
import type { BoardPeer, DocRoom } from './doc-room.js'

/** What became of one update a peer sent. */
export type UpdateOutcome =
  /** Stored (or nothing to store). */
  | { type: 'taken' }
  /** Taken and undone (a station closed meanwhile, a pace): the reply tells the sender, keeping its texts. */
  | { type: 'refused'; refusal: WriteRefusal; reply: Uint8Array }
  /** Hostile or impossible: nothing of it applied; the socket closes with this reason. */
  | { type: 'close'; reason: BoardCloseReason; detail?: UpdateProblem }

/** Who sends an update to which doc, and what the server knows at that moment. */
export interface UpdateSender {
  peer: BoardPeer
  actor: EventActor
  kind: DocKind
  scope: DocScope
  roots: ReadonlySet<string>
  /** The event now, or null when it is gone. */
  situation: EventSituation | null
  now: number
  /** A person's pace for new records; undefined: unpaced. */
  admitNewRecords: ((added: number) => boolean) | undefined
  /** A person's pace for structs (every version and deleted run); undefined: unpaced. */
  admitStructs?: ((structs: number) => boolean) | undefined
  /** The update answers the server's sync request (what the peer holds that the server lacks), not a new write. */
  syncReply?: boolean
}

/**
 * The write path of one update, in order: the byte-level pre-check (before Yjs sees a byte; a
 * participant's or host's update no larger than one person writes), the access policy, the writers
 * check (only the sender's own Yjs client ids), an update waiting for a missing one answered with a
 * sync request, then the write gate with the kind's rules. Writers are bound only once the update is taken.
 */
export function receiveUpdate(room: DocRoom, update: Uint8Array, from: UpdateSender): UpdateOutcome {
  const checked = checkDocUpdate(update, from.roots)
  if (!checked.ok) return { type: 'close', reason: 'MALFORMED_UPDATE', detail: checked.problem }
  // More than one person ever writes at once: closed before Yjs decodes a byte of it.
  if (from.actor.role !== 'facilitator' && checked.structs > PERSON_UPDATE_STRUCTS_MAX) return { type: 'close', reason: WriteRefusal.TOO_MANY_AT_ONCE }
  // A reader's empty sync reply carries nothing to check.
  if (checked.structs === 0 && checked.deletions === 0) return { type: 'taken' }
  // The event not known now (being read again): the peer comes back later; a deletion closes it with its own message.
  if (!from.situation) return { type: 'close', reason: 'LOAD_FAILED' }
  // Asked again for every message: readers never write, and rights follow the event.
  const right = docAccess(from.actor, { kind: from.kind, scope: from.scope, situation: from.situation })
  if (right === 'none') return { type: 'close', reason: WriteRefusal.OUTSIDE_SCHEMA }
  // A reader's sync reply can hold what the server lost (a power cut after the fan-out) or a copy of
  // an earlier board: it is no write. Nothing of it is taken, and the reader is not closed for it.
  if (right === 'read' && from.syncReply) return { type: 'taken' }
  // Nothing of it is taken: the sender comes back and sends it again when its pace allows.
  if (checked.structs > 0 && from.admitStructs && !from.admitStructs(checked.structs)) return { type: 'close', reason: WriteRefusal.TOO_FAST }
  const writers = room.admitWriters(checked, right === 'write' ? writerKeyOf(from.actor) : null, from.actor.role !== 'participant')
  if ('refusal' in writers) return { type: 'close', reason: writers.refusal }
  // An update that waits for one the server never got cannot be judged: Yjs would keep it aside, and
  // trying it meant a copy of the whole doc per message (one small message, sent again and again,
  // kept the server busy). Nothing of it is taken (its writers are not bound); the sender is asked
  // for all the server lacks, and its answer holds this update too.
  if (waitsForMissing(checked, (client) => room.stateOf(client))) {
    room.resync([from.peer])
    return { type: 'taken' }
  }
  const ctx = { actor: from.actor, scope: from.scope, situation: from.situation, now: from.now, readOnly: right === 'read' }
  // A write under new client ids is followed by their binding: it does not go out on its own.
  const refusal = room.applyFromPeer(update, from.peer, ctx, from.admitNewRecords, writers.binds)
  // A participant whose updates keep needing a copy of the whole doc is cut off (what was taken stays).
  const flooding: UpdateOutcome | null = from.actor.role === 'participant' && room.copiedTooOften(writerKeyOf(from.actor)) ? { type: 'close', reason: 'TOO_MANY_MESSAGES' } : null
  if (!refusal) {
    writers.bind()
    return flooding ?? { type: 'taken' }
  }
  if (!SOFT_REFUSALS.has(refusal)) return { type: 'close', reason: refusal }
  const reply = encodeRefused(refusal, room.takeAndRevert(update, from.peer))
  writers.bind()
  return flooding ?? { type: 'refused', refusal, reply }
}
