import { ErrorCode, type ThemeTable, eventSchema, fail, invalidMessage, resolveDocName, templateChangeAllowed, uniqueId } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
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
  const tables = await withoutOldBoards(ctx.rooms, stored.event.id, stored.event.tables, parsed.data.tables)
  // Only the setup record is written; names on screens may have been switched meanwhile: keep them.
  const saved = await ctx.events.updateSetup(stored.event.id, (current) => ({ ...parsed.data, tables, ...(fromProgramme ? { agenda: fromProgramme } : {}), showNames: current.showNames, treeMethod: current.treeMethod, framing: current.framing }))
  if (!saved) return EVENT_NOT_FOUND_ACK
  ctx.publishEvent(stored.event.id)
  if (!fromProgramme) ctx.programme.agendaChanged(stored.event.id)
  return { ok: true }
}

/**
 * A table added anew never opens the board of a table removed before (same name, same id): its
 * cards would show up under the new table. Such a table gets an id no doc of the event has.
 */
async function withoutOldBoards(rooms: DocRooms, eventId: string, before: readonly ThemeTable[], after: ThemeTable[]): Promise<ThemeTable[]> {
  const kept = new Set(before.map((t) => t.id))
  if (after.every((t) => kept.has(t.id))) return after
  const used = new Set<string>()
  for (const name of await rooms.names()) {
    const resolved = resolveDocName(name, rooms.kinds)
    const tableId = resolved?.scope.eventId === eventId ? resolved.scope.parts.tableId : undefined
    if (tableId && !kept.has(tableId)) used.add(tableId)
  }
  const taken = new Set([...after.map((t) => t.id), ...used])
  return after.map((t) => {
    if (kept.has(t.id) || !used.has(t.id)) return t
    const id = uniqueId(t.id, taken)
    taken.add(id)
    return { ...t, id }
  })
}
