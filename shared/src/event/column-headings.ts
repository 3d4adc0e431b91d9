import { z } from 'zod'
import { columnIdSchema, stationIdSchema } from '../ids.js'
import { refuseRepeatedKeys } from '../wire/unique-keys.js'

/**
 * A heading one table's sheet shows over a column instead of the template's column title. At
 * Winnenden three tables wrote their goals and what a good IntMan should do on one board headed
 * "Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?": the cards stand in the `ziele`
 * column, and the documentation heads them with the table's own words.
 */
export const columnHeadingSchema = z.object({
  stationId: stationIdSchema,
  columnId: columnIdSchema,
  /** As long as a column title may be. */
  title: z.string().trim().min(1).max(120),
})
export type ColumnHeading = z.infer<typeof columnHeadingSchema>

/** As many as a template has columns (8 stations of 6). */
export const COLUMN_HEADINGS_MAX = 48

/** A table's own column headings, at most one per station and column. */
export const columnHeadingsSchema = z
  .array(columnHeadingSchema)
  .max(COLUMN_HEADINGS_MAX)
  .superRefine((headings, ctx) => refuseRepeatedKeys(ctx, headings, (h) => `${h.stationId}/${h.columnId}`, [], ['columnId']))

/**
 * The title a table's sheet shows over a column: the table's own heading for it where it has one,
 * else the template's title. A heading naming a column the template no longer has is never shown.
 */
export function columnTitleFor(table: { columnHeadings?: readonly ColumnHeading[] | undefined } | undefined, stationId: string, column: { id: string; title: string }): string {
  return table?.columnHeadings?.find((h) => h.stationId === stationId && h.columnId === column.id)?.title ?? column.title
}

/**
 * The table with its own heading for one column set to `title`, or removed when `title` is blank
 * (the column then shows the template's title again); without any left, the field is gone.
 * An existing heading is replaced where it stands.
 */
export function withColumnHeading<T extends { columnHeadings?: ColumnHeading[] | undefined }>(table: T, stationId: string, columnId: string, title: string): T {
  const before = table.columnHeadings ?? []
  const same = (h: ColumnHeading) => h.stationId === stationId && h.columnId === columnId
  // Replaced where it stands, so a heading being typed keeps its place (and its field's key).
  const kept =
    title.trim() === '' ? before.filter((h) => !same(h)) : before.some(same) ? before.map((h) => (same(h) ? { ...h, title } : h)) : [...before, { stationId, columnId, title }]
  const { columnHeadings: _old, ...rest } = table
  return (kept.length > 0 ? { ...rest, columnHeadings: kept } : rest) as T
}
