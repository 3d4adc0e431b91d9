import { z } from 'zod'

/**
 * How far a running export is: what the console shows while a long day's ZIP builds.
 * `done` of `total` steps (files of a ZIP; for one file 0 of 1 until it is ready), the time it has
 * run and the limit after which the server stops it with TIMED_OUT.
 */
export const exportProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  elapsedMs: z.number().int().nonnegative(),
  limitMs: z.number().int().positive(),
})
/** See {@link exportProgressSchema}. */
export type ExportProgress = z.infer<typeof exportProgressSchema>

/**
 * The name a console gives one download, so it can ask how far that download is while it waits
 * (`GET /events/:id/export-progress?job=<id>`): 8–64 letters, digits, `-` or `_`.
 */
export const exportJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
