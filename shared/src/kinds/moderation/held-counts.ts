import { z } from 'zod'
import { tableIdSchema } from '../../ids.js'
import type { HeldCard } from './moderation.schema.js'

/**
 * Per table, the cards not on its board yet that the day's results would miss: waiting for approval
 * and collected but not revealed (`GET /events/:id/moderation/waiting`, the facilitator's, asked
 * before "Veranstaltung beenden").
 */
export const heldCountsSchema = z
  .object({
    tables: z.array(z.object({ tableId: tableIdSchema, pending: z.number().int().nonnegative(), collected: z.number().int().nonnegative() }).strict()),
  })
  .strict()
export type HeldCounts = z.infer<typeof heldCountsSchema>

/** The counts of some tables' held cards (tables with none left out). */
export function heldCountsOf(heldByTable: ReadonlyMap<string, readonly HeldCard[]>): HeldCounts {
  const tables: HeldCounts['tables'] = []
  for (const [tableId, held] of heldByTable) {
    const pending = held.filter((h) => h.status === 'pending').length
    const collected = held.filter((h) => h.status === 'collected').length
    if (pending + collected > 0) tables.push({ tableId, pending, collected })
  }
  return { tables }
}
