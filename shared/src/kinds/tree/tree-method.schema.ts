import { z } from 'zod'
import { slugify, stationIdSchema } from '../../ids.js'
import { duplicate } from '../../wire/field-issue.js'

/** The municipality sizes the Bremen reflection groups met by (seed 001 names these four). */
export const KOMMUNENGROESSE_VALUES: readonly string[] = ['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt']

/**
 * How an event runs the problem/solution-tree method: participants pick a value of one attribute
 * (by default "Kommunengröße") and meet in a group per value. With `maxGroupSize`, a value with
 * more people than that is split into groups A, B, …
 */
export const treeMethodSchema = z
  .object({
    /** What the groups are formed by, as participants read it. @default "Kommunengröße" */
    attribute: z.string().trim().min(1).max(80).default('Kommunengröße'),
    /** The values participants pick from; each is a group (or several, see `maxGroupSize`). */
    values: z
      .array(z.string().trim().min(1).max(80))
      .min(1)
      .max(40)
      .default(() => [...KOMMUNENGROESSE_VALUES]),
    /** Most people in one group; null: no limit. @default null */
    maxGroupSize: z.number().int().min(2).max(500).nullable().default(null),
    /**
     * The stations of the day that drive the two trees like café stations: the problem tree is
     * written while its station runs (morning), the objective tree while its one does (afternoon),
     * with the same timer, changeover and locks. Absent: both trees stay open until the day closes.
     */
    phaseStations: z.object({ problem: stationIdSchema, objective: stationIdSchema }).optional(),
  })
  .superRefine((m, ctx) => {
    const slugs = new Set<string>()
    for (const [i, v] of m.values.entries()) {
      const slug = slugify(v)
      // Named in the error ("„Kleiner Landkreis“ kommt doppelt vor."), at its line of the list.
      if (slugs.has(slug)) ctx.addIssue({ code: 'custom', path: ['values', i], message: `duplicate value ${v}`, params: duplicate(v.trim()) })
      slugs.add(slug)
    }
  })
export type TreeMethod = z.infer<typeof treeMethodSchema>
