import { ErrorCode, eventSchema, fail, invalidMessage, templateChangeAllowed } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: title, date, place, agenda, tables and template of the event. */
export const handleEventUpdate: Handler<'event:update'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const started = stored.round.phase !== 'before-start'
  if (!templateChangeAllowed(started, stored.event.template, msg.setup.template))
    return fail(ErrorCode.NOT_NOW, { reason: 'TEMPLATE_LOCKED' })
  const parsed = eventSchema.safeParse({ ...msg.setup, id: stored.event.id, showNames: stored.event.showNames })
  if (!parsed.success) return invalidMessage(parsed.error)
  // RESOLUTION
  // With a stored programme the agenda is its view: the programme's lines stand, not the form's.
  const fromProgramme = await ctx.programme.storedAgenda(stored.event.id)
  // Only the setup record is written; names on screens may have been switched meanwhile: keep them.
  const saved = await ctx.events.updateSetup(stored.event.id, (current) => ({ ...parsed.data, ...(fromProgramme ? { agenda: fromProgramme } : {}), showNames: current.showNames, treeMethod: current.treeMethod, framing: current.framing }))
  if (!saved) return EVENT_NOT_FOUND_ACK
  ctx.publishEvent(stored.event.id)
  if (!fromProgramme) ctx.programme.agendaChanged(stored.event.id)
  return { ok: true }
}
