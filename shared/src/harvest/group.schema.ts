import { z } from 'zod'
import { cardIdSchema, columnIdSchema, randomIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'

/** Longest heading of a group of cards, in characters. */
export const GROUP_TITLE_MAX = 120
/** Most groups in one column of one table. */
export const GROUPS_PER_COLUMN_MAX = 60
/** Most cards in one group. */
export const GROUP_CARDS_MAX = 400

/** One column of one table's board: where groups live. */
export const groupColumnSchema = z.object({ tableId: tableIdSchema, stationId: stationIdSchema, columnId: columnIdSchema })
export type GroupColumn = z.infer<typeof groupColumnSchema>

/** The record key of a column's groups: `<tableId>/<stationId>/<columnId>`. */
export const groupColumnKey = (c: GroupColumn): string => `${c.tableId}/${c.stationId}/${c.columnId}`

/**
 * Cards gathered under a heading within a column ("Sprache", "Arbeit"). Order among groups is by
 * `position`; the cards keep their board order inside. A card is in at most one group.
 */
export const cardGroupSchema = z.object({
  id: randomIdSchema,
  title: z.string().trim().min(1).max(GROUP_TITLE_MAX),
  position: z.number().finite(),
  collapsed: z.boolean().default(false),
  cardIds: z.array(cardIdSchema).max(GROUP_CARDS_MAX),
})
export type CardGroup = z.infer<typeof cardGroupSchema>

/** Every group of one column, as stored (one record per column: a card moves between groups in one write). */
export const columnGroupsSchema = groupColumnSchema.extend({ groups: z.array(cardGroupSchema).max(GROUPS_PER_COLUMN_MAX) })
export type ColumnGroups = z.infer<typeof columnGroupsSchema>

/** What a facilitator or the table's host changes about the groups of a column. */
export const groupChangeSchema = z.discriminatedUnion('type', [
  /** A new group under `title`, with these cards (taken out of any other group). */
  z.object({ type: z.literal('create'), id: randomIdSchema, title: cardGroupSchema.shape.title, cardIds: z.array(cardIdSchema).max(GROUP_CARDS_MAX) }),
  z.object({ type: z.literal('rename'), groupId: randomIdSchema, title: cardGroupSchema.shape.title }),
  z.object({ type: z.literal('collapse'), groupId: randomIdSchema, collapsed: z.boolean() }),
  /**
   * Moves a group one place up (-1) or down (1) among the column's groups. `from`: its place (1, 2, …)
   * when the move was asked; a group no longer there (the move sent again after a lost answer, or
   * someone moved it meanwhile) stays where it is.
   */
  z.object({ type: z.literal('move'), groupId: randomIdSchema, by: z.union([z.literal(-1), z.literal(1)]), from: z.number().int().min(1).max(GROUPS_PER_COLUMN_MAX).optional() }),
  /** "zu Gruppe …": a card into a group, or out of every group (`groupId` null). */
  z.object({ type: z.literal('assign'), cardId: cardIdSchema, groupId: randomIdSchema.nullable() }),
  /** Dissolves a group; its cards stay on the board, ungrouped. */
  z.object({ type: z.literal('dissolve'), groupId: randomIdSchema }),
])
export type GroupChange = z.infer<typeof groupChangeSchema>
