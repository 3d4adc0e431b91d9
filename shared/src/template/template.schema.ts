import { z } from 'zod'
import { duplicate } from '../wire/field-issue.js'
import { columnIdSchema, stationIdSchema } from '../ids.js'

/** One column of a station's board, e.g. "Was läuft gut?". */
export const columnSchema = z.object({
  id: columnIdSchema,
  title: z.string().trim().min(1).max(120),
})
export type Column = z.infer<typeof columnSchema>

/** One World-Café station (round): a title, the prompt shown to the table, and its board columns. */
export const stationSchema = z.object({
  id: stationIdSchema,
  title: z.string().trim().min(1).max(80),
  prompt: z.string().trim().max(400),
  columns: z.array(columnSchema).min(1, 'Eine Station braucht mindestens eine Spalte.').max(6),
})
export type Station = z.infer<typeof stationSchema>

/** A method template: the stations every theme table goes through. */
export const templateSchema = z
  .object({
    method: z.literal('world-cafe'),
    stations: z.array(stationSchema).min(1).max(8),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>()
    for (const s of t.stations) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate station ${s.id}`, params: duplicate(s.id) })
      ids.add(s.id)
      const cols = new Set<string>()
      for (const c of s.columns) {
        if (cols.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate column ${c.id} in ${s.id}`, params: duplicate(c.id) })
        cols.add(c.id)
      }
    }
  })
export type Template = z.infer<typeof templateSchema>

/** Finds a station of a template by id. */
export function findStation(template: Template, stationId: string): Station | undefined {
  return template.stations.find((s) => s.id === stationId)
}

/** Whether a station of the template has the column: where a card may be placed. */
export function stationHasColumn(template: Template, stationId: string, columnId: string): boolean {
  return findStation(template, stationId)?.columns.some((c) => c.id === columnId) ?? false
}
