import { type Ack, ErrorCode, type LookupAnswer, fail, may, overlappingPhases, unknownReference } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from '../handlers/handler.js'
import type { ProgrammeRefusal } from './programme-service.js'

/** An answer with data (the Ack type of the handlers names none). */
const answer = <T>(data: T): Ack => ({ ok: true, data }) as unknown as Ack

/** The failure for a refused programme command. */
function refused(reason: ProgrammeRefusal, what?: string): Ack {
  if (reason === 'STALE') return fail(ErrorCode.STALE_VERSION)
  // Another node serves the event (an older app's screen reached this one): a reload connects the
  // screen naming its event, and so to the right node. Older apps word CONFLICT "Bitte neu laden".
  if (reason === 'ELSEWHERE') return fail(ErrorCode.CONFLICT, {}, 'another node serves this event; reload the page')
  // No programme yet: no phase or workshop exists.
  if (reason === 'NO_PROGRAMME') return fail(ErrorCode.INVALID_MESSAGE, { path: ['phaseId'], ...unknownReference(what ?? '') })
  if (reason === 'NOT_FOUND') return fail(ErrorCode.NOT_FOUND, { what: 'event' })
  return fail(ErrorCode.INVALID_MESSAGE, { path: [reason === 'UNKNOWN_PHASE' ? 'phaseId' : 'workshopId'], ...unknownReference(what ?? '') })
}

/** Everyone of the event: the programme, the seats taken and, for a participant, their own choices. */
export const handleProgrammeGet: Handler<'programme:get'> = async (ctx, session) => {
  if (!may(session.actor, 'event:view', { eventId: session.actor.eventId })) return FORBIDDEN_ACK
  return answer(await ctx.programme.view(session.actor.eventId, session.actor.role === 'participant' ? session.actor.participantId : null))
}

/** Participant: chooses a workshop of a phase; a full or closed one answers with the free alternatives, an ended day with none. */
export const handleProgrammeChoose: Handler<'programme:choose'> = async (ctx, session, msg) => {
  // AUTH: only a participant chooses, and only for themselves.
  const { participantId } = session.actor
  if (session.actor.role !== 'participant' || !participantId) return fail(ErrorCode.FORBIDDEN, { needs: 'participant' })
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  // VALIDATION + RESOLUTION (in the event's queue); after "Veranstaltung beenden" the lists stay as they are.
  const chosen = await ctx.programme.choose(session.actor.eventId, participantId, msg.phaseId, msg.workshopId, msg.displayName, stored.round.phase === 'closed')
  return chosen.ok ? answer(chosen.value) : refused(chosen.error)
}

/** A participant on another device: the credential of the person whose code this is, with their choices. */
export const handleProgrammeLookup: Handler<'programme:lookup'> = async (ctx, session, msg) => {
  const { participantId } = session.actor
  if (session.actor.role !== 'participant' || !participantId) return fail(ErrorCode.FORBIDDEN, { needs: 'participant' })
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const found = await ctx.programme.lookup(session.actor.eventId, participantId, msg.code)
  if (found === 'RATE_LIMITED') return fail(ErrorCode.RATE_LIMITED, { what: 'personal_codes' }, 'too many personal code look-ups')
  if (!found) return fail(ErrorCode.NOT_FOUND, { what: 'address' }, 'no one has this personal code')
  const body: LookupAnswer = { participantId: found.participantId, token: ctx.events.issue(stored, 'participant', found.participantId), mine: found.mine }
  return answer(body)
}

/** Facilitator: replaces the programme from the version read. */
export const handleProgrammeSave: Handler<'programme:save'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION: the rule the console checks before sending, for every sender.
  const overlap = overlappingPhases(msg.programme)
  if (overlap) return fail(ErrorCode.INVALID_MESSAGE, { path: ['programme', 'items', msg.programme.items.indexOf(overlap[1]), 'start'], issue: 'invalid' }, 'work phases overlap')
  const saved = await ctx.programme.save(session.actor.eventId, msg.programme, msg.expectedVersion)
  return saved.ok ? answer({ version: saved.value }) : refused(saved.error)
}

/** Facilitator: the rest of the day runs later (or earlier). */
export const handleProgrammeShift: Handler<'programme:shift'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const shifted = await ctx.programme.shift(session.actor.eventId, msg.minutes, msg.shiftId)
  return shifted.ok ? answer({ version: shifted.value }) : refused(shifted.error)
}

/** Facilitator: closes or reopens a workshop, or changes its seats. */
export const handleProgrammeWorkshop: Handler<'programme:workshop'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const changed = await ctx.programme.setWorkshop(session.actor.eventId, msg.workshopId, { closed: msg.closed, capacity: msg.capacity })
  return changed.ok ? answer({ version: changed.value }) : refused(changed.error, msg.workshopId)
}

/** Facilitator: moves a person to another workshop of a phase. */
export const handleProgrammeMove: Handler<'programme:move'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const moved = await ctx.programme.move(session.actor.eventId, msg.participantId, msg.phaseId, msg.workshopId)
  return moved.ok ? { ok: true } : refused(moved.error, msg.workshopId ?? msg.phaseId)
}

/** Facilitator: who signed up where. */
export const handleProgrammeRoster: Handler<'programme:roster'> = async (ctx, session) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return answer(await ctx.programme.roster(session.actor.eventId))
}

export const programmeHandlers = {
  'programme:get': handleProgrammeGet,
  'programme:choose': handleProgrammeChoose,
  'programme:lookup': handleProgrammeLookup,
  'programme:save': handleProgrammeSave,
  'programme:shift': handleProgrammeShift,
  'programme:workshop': handleProgrammeWorkshop,
  'programme:move': handleProgrammeMove,
  'programme:roster': handleProgrammeRoster,
}
