import { CARDS_PER_BOARD_MAX, CARDS_PER_PARTICIPANT_MAX, WriteRefusal, checkCardChange } from '../doc/board-write-rules.js'
import { boardKind, isNewRecord } from '../kinds/board/board-kind.js'
import type { DocKind } from '../kinds/doc-kind.js'
import type { Card } from '../cards/card.schema.js'
import { layoutBoard } from '../doc/board-doc.js'
import type { Template } from '../template/template.schema.js'
import type { Programme } from './programme.schema.js'
import { bookingKey } from './programme.schema.js'

/*
 * A workshop's own board for its results: the café board's doc (a `cards` map of the same cards,
 * the same write rules, moderation marks and device copies), scoped by workshop instead of table.
 * Participants who booked the workshop write; facilitators write and moderate every card;
 * projectors read. Cards sit in one station with two columns.
 */

/** The one station of a workshop board (cards carry it like a café table's station). */
export const WORKSHOP_STATION_ID = 'workshop'
/** The columns of a workshop board, in order: results and open questions. */
export const WORKSHOP_COLUMN_IDS = ['ergebnisse', 'offene-fragen'] as const
export type WorkshopColumnId = (typeof WORKSHOP_COLUMN_IDS)[number]
/** The columns' titles in the documentation (German, like the rest of it). */
export const WORKSHOP_COLUMN_TITLES_DE: Readonly<Record<WorkshopColumnId, string>> = { ergebnisse: 'Ergebnisse', 'offene-fragen': 'Offene Fragen' }

/** What the server knows of an event's workshops when it judges a workshop board: which exist and who booked which. */
export interface WorkshopSituation {
  exists(workshopId: string): boolean
  booked(participantId: string, workshopId: string): boolean
}

/**
 * The workshop situation of a programme and its bookings (`bookingOf(key)`: the workshop booked
 * under a booking key, or null). Lookups go by workshop → phase, never by scanning the bookings.
 */
export function workshopSituation(programme: Programme | null, bookingOf: (key: string) => string | null): WorkshopSituation {
  const phaseOf = new Map<string, string>()
  for (const item of programme?.items ?? []) for (const w of item.workshops) phaseOf.set(w.id, item.id)
  return {
    exists: (workshopId) => phaseOf.has(workshopId),
    booked: (participantId, workshopId) => {
      const phaseId = phaseOf.get(workshopId)
      return phaseId !== undefined && bookingOf(bookingKey(participantId, phaseId)) === workshopId
    },
  }
}

/** The doc name of a workshop's board: `workshop.<event>.<workshop>`. */
export const workshopBoardDocName = (eventId: string, workshopId: string) => `workshop.${eventId}.${workshopId}`

/** A workshop's board: the café board's doc, opened by the workshop's participants and the event's facilitators. */
export const workshopKind: DocKind = {
  name: 'workshop',
  scopeParts: ['workshopId'],
  roots: boardKind.roots,
  exists: (scope, situation) => situation.workshops?.exists(scope.parts.workshopId ?? '') ?? false,
  forgetAuthor: boardKind.forgetAuthor!,
  audience(actor, scope, situation) {
    switch (actor.role) {
      case 'facilitator':
        return 'write'
      case 'participant':
        return actor.participantId !== null && situation.workshops?.booked(actor.participantId, scope.parts.workshopId ?? '') ? 'write' : 'none'
      case 'projector':
        return 'read'
      case 'host':
        return 'none'
    }
  },
  checkChanges(changes, { actor, doc, situation }) {
    // The day is over: the boards stay as they were left (a facilitator may still tidy them).
    if (actor.role !== 'facilitator' && situation.round.phase === 'closed') return WriteRefusal.STATION_CLOSED
    const writer = { role: actor.role, participantId: actor.participantId ?? undefined }
    const inColumn = (columnId: unknown) => (WORKSHOP_COLUMN_IDS as readonly unknown[]).includes(columnId)
    const places = { writable: (stationId: string) => stationId === WORKSHOP_STATION_ID, hasColumn: (stationId: string, columnId: string) => stationId === WORKSHOP_STATION_ID && inColumn(columnId) }
    let added = false
    for (const change of changes) {
      const refusal = checkCardChange(change, writer, places)
      if (refusal) return refusal
      // Every card of a workshop board, the facilitator's too, is in one of its columns.
      const after = change.after as { columnId?: unknown } | undefined
      if (after !== undefined && !inColumn(after.columnId)) return WriteRefusal.INVALID_CARD
      if (isNewRecord(change)) added = true
    }
    if (added && actor.role !== 'facilitator') {
      let mine = 0
      let all = 0
      doc.forEach('cards', (value) => {
        all++
        if (actor.participantId && (value as { authorId?: unknown } | null)?.authorId === actor.participantId) mine++
      })
      if (mine > CARDS_PER_PARTICIPANT_MAX || all > CARDS_PER_BOARD_MAX) return WriteRefusal.TOO_MANY_CARDS
    }
    return null
  },
  init: boardKind.init!,
  normalize: boardKind.normalize!,
  keepLost: boardKind.keepLost!,
}

/** A workshop board's layout as a café template (one station, its two columns), for the shared layout and export code. */
export const WORKSHOP_TEMPLATE: Template = {
  method: 'world-cafe',
  stations: [{ id: WORKSHOP_STATION_ID, title: 'Workshop', prompt: '', columns: WORKSHOP_COLUMN_IDS.map((id) => ({ id, title: WORKSHOP_COLUMN_TITLES_DE[id] })) }],
}

/** A workshop board's cards as an event file carries them: per column, in board order (ids and authors stay behind). */
export interface WorkshopBoardExport {
  workshopId: string
  columns: { columnId: WorkshopColumnId; cards: { text: string; subPoints: string[] }[] }[]
}

/** The cards of a workshop's board for the event file; null when it has none. */
export function exportWorkshopBoard(workshopId: string, cards: readonly Card[]): WorkshopBoardExport | null {
  const station = layoutBoard(cards, WORKSHOP_TEMPLATE).stations[0]!
  const columns = station.columns
    .filter((c) => c.cards.length > 0)
    .map((c) => ({ columnId: c.id as WorkshopColumnId, cards: c.cards.map((card) => ({ text: card.text, subPoints: card.subPoints.map((p) => p.text) })) }))
  return columns.length > 0 ? { workshopId, columns } : null
}
