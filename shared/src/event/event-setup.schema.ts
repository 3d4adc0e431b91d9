import { z } from 'zod'
import { duplicate } from '../wire/field-issue.js'
import { addressFormSchema, agendaItemSchema, eventDateSchema, eventTitleSchema, maxPerTableSchema, themeTableSchema } from './event.schema.js'
import { templateSchema } from '../template/template.schema.js'

/** What a facilitator edits in the console: everything of an event but its id. */
export const eventSetupSchema = z
  .object({
    title: eventTitleSchema,
    date: eventDateSchema,
    place: z.string().trim().max(200),
    agenda: z.array(agendaItemSchema).max(60),
    tables: z.array(themeTableSchema).max(60),
    template: templateSchema,
    address: addressFormSchema.default('du'),
    maxPerTable: maxPerTableSchema.default(null),
  })
  .superRefine((e, ctx) => {
    const ids = new Set<string>()
    e.tables.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `duplicate table ${t.id}`, params: duplicate(t.id) })
      ids.add(t.id)
    })
  })
export type EventSetup = z.infer<typeof eventSetupSchema>

/**
 * Whether a template change may be made now: before the start anything goes; once stations run,
 * only wording may change (same stations and columns in the same order), so no card loses its place.
 */
export function templateChangeAllowed(started: boolean, before: EventSetup['template'], after: EventSetup['template']): boolean {
  if (!started) return true
  const shape = (t: EventSetup['template']) => t.stations.map((s) => `${s.id}:${s.columns.map((c) => c.id).join(',')}`).join('|')
  return shape(before) === shape(after)
}
