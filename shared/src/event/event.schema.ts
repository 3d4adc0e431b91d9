import { z } from 'zod'
import { FieldFormat, duplicate } from '../wire/field-issue.js'
import { eventIdSchema, tableIdSchema } from '../ids.js'
import { templateSchema } from '../template/template.schema.js'
import { treeMethodSchema } from '../kinds/tree/tree-method.schema.js'
import { eventFramingSchema } from '../framing/framing.schema.js'
import { columnHeadingsSchema } from './column-headings.js'

/** One line of the Tagesprogramm, e.g. 10:45 "Erfahrungsaustausch – Station 1". */
export const agendaItemSchema = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, FieldFormat.TIME),
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(600).default(''),
})
export type AgendaItem = z.infer<typeof agendaItemSchema>

/** A theme table (Thementisch) with its host, who stays while participants rotate. */
export const themeTableSchema = z.object({
  id: tableIdSchema,
  name: z.string().trim().min(1).max(120),
  host: z.string().trim().max(120).default(''),
  /** Headings this table's sheet shows over columns instead of the template's titles (absent: none). */
  columnHeadings: columnHeadingsSchema.optional(),
})
export type ThemeTable = z.infer<typeof themeTableSchema>

/**
 * How the phone's German wording addresses participants: "du" or "Sie" (English has one form).
 * @default 'du', the wording the app always had; an organiser of a municipal conference picks 'sie'
 */
export const addressFormSchema = z.enum(['du', 'sie'])
export type AddressForm = z.infer<typeof addressFormSchema>

/** Most people the rotation suggests to one table; null: only the balance limits. */
export const maxPerTableSchema = z.number().int().min(2).max(100).nullable()

export const eventTitleSchema = z.string().trim().min(1).max(200)
export const eventDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, FieldFormat.DATE)

/** What an event is, as facilitators set it up and everyone sees it. Holds no secrets. */
export const eventSchema = z
  .object({
    id: eventIdSchema,
    title: eventTitleSchema,
    date: eventDateSchema,
    place: z.string().trim().max(200).default(''),
    agenda: z.array(agendaItemSchema).max(60).default([]),
    tables: z.array(themeTableSchema).max(60),
    template: templateSchema,
    /** Whether projectors and phones show the names participants gave (off: anonymous). */
    showNames: z.boolean().default(false),
    address: addressFormSchema.default('du'),
    maxPerTable: maxPerTableSchema.default(null),
    /** The problem/solution-tree method, when the event runs it (absent: a World Café only). */
    treeMethod: treeMethodSchema.optional(),
    /** The documentation's framing (subtitle, organisers, introduction, Ausblick); absent: none written. */
    framing: eventFramingSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const ids = new Set<string>()
    for (const t of e.tables) {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tables'], message: `duplicate table ${t.id}`, params: duplicate(t.id) })
      ids.add(t.id)
    }
  })
export type TischEvent = z.infer<typeof eventSchema>

/** Finds a theme table of an event by id. */
export function findTable(event: TischEvent, tableId: string): ThemeTable | undefined {
  return event.tables.find((t) => t.id === tableId)
}
