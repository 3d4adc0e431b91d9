import { z } from 'zod'
import { duplicate, firstFieldIssue, type FieldIssue, unknownReference } from '../wire/field-issue.js'
import { describeIssue } from '../wire/failure.js'
import { refuseRepeatedKeys } from '../wire/unique-keys.js'
import { cardTextSchema, SUB_POINTS_MAX } from '../cards/card.schema.js'
import { MERGED_MAX, mergedCardSchema } from '../kinds/moderation/card-marks.schema.js'
import { eventSchema } from '../event/event.schema.js'
import { exportTreeSchema } from '../kinds/tree/tree-export.js'
import { actorMapExportSchema } from '../kinds/actors/actor-map.schema.js'
import { columnIdSchema, slugIdSchema, stationIdSchema, tableIdSchema } from '../ids.js'
import { PROGRAMME_ITEMS_MAX, WORKSHOPS_PER_PHASE_MAX, storedProgrammeSchema } from '../programme/programme.schema.js'
import { WORKSHOP_COLUMN_IDS } from '../programme/workshop-board.js'
import { harvestExportSchema, harvestReferenceIssues } from '../harvest/harvest-export.schema.js'
import { FRAMING_ORGANISERS_MAX, exportLogoSchema } from '../framing/framing.schema.js'

/**
 * A card as exported: its words and sub-points, in board order, pinned to the top or struck through
 * by the moderation or not, with the texts of the cards merged into it. Ids and authors stay behind.
 */
export const exportCardSchema = z.object({
  text: cardTextSchema,
  subPoints: z.array(cardTextSchema).max(SUB_POINTS_MAX).default([]),
  pinned: z.literal(true).optional(),
  struck: z.literal(true).optional(),
  merged: z.array(mergedCardSchema.shape.text).max(MERGED_MAX).optional(),
})
export type ExportCard = z.infer<typeof exportCardSchema>

export const exportColumnSchema = z.object({ columnId: columnIdSchema, cards: z.array(exportCardSchema).max(2000) })
// As many as a template can have (8 stations of 6 columns); the superRefine below refuses repeats.
export const exportStationSchema = z.object({ stationId: stationIdSchema, columns: z.array(exportColumnSchema).max(6) })
export const exportBoardSchema = z.object({ tableId: tableIdSchema, stations: z.array(exportStationSchema).max(8) })
export type ExportBoard = z.infer<typeof exportBoardSchema>

/** A workshop's board as exported: its cards by column (the columns every workshop board has). */
export const exportWorkshopBoardSchema = z.object({
  workshopId: slugIdSchema,
  columns: z.array(z.object({ columnId: z.enum(WORKSHOP_COLUMN_IDS), cards: z.array(exportCardSchema).max(2000) })).max(WORKSHOP_COLUMN_IDS.length),
})

export const EVENT_EXPORT_FORMAT = 'tischrunde.event'
export const EVENT_EXPORT_VERSION = 1

/**
 * A whole event as one JSON file: what `npm run export -- --format json` writes and the importer
 * reads. Every board names only tables, stations and columns the event has.
 */
export const eventExportSchema = z
  .object({
    format: z.literal(EVENT_EXPORT_FORMAT),
    version: z.literal(EVENT_EXPORT_VERSION),
    event: eventSchema,
    boards: z.array(exportBoardSchema).max(60),
    /** The groups' problem and objective trees, when the event runs the tree method. */
    trees: z.array(exportTreeSchema).max(200).optional(),
    /** The actor map ("Wer kann helfen?"): actors with hand decisions and alliance columns, bodies. */
    actors: actorMapExportSchema.optional(),
    /** The day's programme with its workshops (sign-ups, personal data, stay behind). */
    programme: storedProgrammeSchema.optional(),
    /** Groups of cards and voting results ("Sichtung"), when the event has any. */
    harvest: harvestExportSchema.optional(),
    /** The organisers' logos named by `event.framing` (their bytes, so the documentation can show them). */
    logos: z.array(exportLogoSchema).max(FRAMING_ORGANISERS_MAX).optional(),
    /** The workshops' own boards (results), per workshop of `programme` with cards. */
    workshopBoards: z.array(exportWorkshopBoardSchema).max(PROGRAMME_ITEMS_MAX * WORKSHOPS_PER_PHASE_MAX).optional(),
  })
  .superRefine((file, ctx) => {
    const tables = new Set(file.event.tables.map((t) => t.id))
    const stations = new Map(file.event.template.stations.map((s) => [s.id, new Set(s.columns.map((c) => c.id))]))
    const seen = new Set<string>()
    file.boards.forEach((board, b) => {
      if (!tables.has(board.tableId))
        ctx.addIssue({ code: 'custom', path: ['boards', b, 'tableId'], message: `unknown table ${board.tableId}`, params: unknownReference(board.tableId) })
      if (seen.has(board.tableId))
        ctx.addIssue({ code: 'custom', path: ['boards', b, 'tableId'], message: `duplicate table ${board.tableId}`, params: duplicate(board.tableId) })
      seen.add(board.tableId)
      // A station or column listed twice would give its cards the ids of the first one's: cards lost.
      refuseRepeatedKeys(ctx, board.stations, (x) => x.stationId, ['boards', b, 'stations'], ['stationId'])
      board.stations.forEach((station, s) => {
        refuseRepeatedKeys(ctx, station.columns, (x) => x.columnId, ['boards', b, 'stations', s, 'columns'], ['columnId'])
        const columns = stations.get(station.stationId)
        if (!columns) {
          ctx.addIssue({ code: 'custom', path: ['boards', b, 'stations', s, 'stationId'], message: `unknown station ${station.stationId}`, params: unknownReference(station.stationId) })
          return
        }
        station.columns.forEach((column, c) => {
          if (!columns.has(column.columnId))
            ctx.addIssue({
              code: 'custom',
              path: ['boards', b, 'stations', s, 'columns', c, 'columnId'],
              message: `unknown column ${column.columnId} in ${station.stationId}`,
              params: unknownReference(column.columnId),
            })
        })
      })
    })
     if (file.harvest) {
      const cardsIn = (t: string, s: string, c: string) => file.boards.find((b) => b.tableId === t)?.stations.find((x) => x.stationId === s)?.columns.find((x) => x.columnId === c)?.cards.length ?? 0
      for (const issue of harvestReferenceIssues(file.harvest, file.event, cardsIn)) ctx.addIssue({ code: 'custom', path: issue.path, message: `unknown card ${issue.key}`, params: unknownReference(issue.key) })
    }
    refuseRepeatedKeys(ctx, file.trees, (t) => `${t.groupId}/${t.phase}`, ['trees'], ['groupId'])
    // A logo listed twice under one id: the import would store both and point the organiser at one.
    refuseRepeatedKeys(ctx, file.logos, (l) => l.id, ['logos'], ['id'])
    // Workshop boards name workshops of the file's programme, each once.
    const workshops = new Set(file.programme?.items.flatMap((i) => i.workshops.map((w) => w.id)) ?? [])
    const seenWorkshops = new Set<string>()
    file.workshopBoards?.forEach((board, b) => {
      refuseRepeatedKeys(ctx, board.columns, (x) => x.columnId, ['workshopBoards', b, 'columns'], ['columnId'])
      if (!workshops.has(board.workshopId) || seenWorkshops.has(board.workshopId))
        ctx.addIssue({ code: 'custom', path: ['workshopBoards', b, 'workshopId'], message: `unknown or repeated workshop ${board.workshopId}`, params: unknownReference(board.workshopId) })
      seenWorkshops.add(board.workshopId)
    })
  })
export type EventExport = z.infer<typeof eventExportSchema>

/** Counts the cards (not sub-points) of an export. */
export function countExportCards(file: EventExport): number {
  let n = 0
  for (const b of file.boards) for (const s of b.stations) for (const c of s.columns) n += c.cards.length
  return n
}

/**
 * The first problem of a failed parse: as a FieldIssue (for the wire; the client words it) and as
 * English text for logs ("tables.2.name: too_big (maximum 120)"). The text is never shown to people.
 */
export function describeFirstIssue(error: z.ZodError): { path: (string | number)[]; message: string; issue: FieldIssue } {
  const issue = firstFieldIssue(error)
  return { path: issue.path, message: describeIssue(issue), issue }
}
