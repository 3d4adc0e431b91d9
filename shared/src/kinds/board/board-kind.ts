import { CARDS_PER_BOARD_MAX, CARDS_PER_PARTICIPANT_MAX, WriteRefusal, checkCardChange, storedCardSchema } from '../../doc/board-write-rules.js'
import { stampBoardDoc } from '../../doc/board-doc.js'
import { findTable } from '../../event/event.schema.js'
import { stationWritable } from '../../rounds/round-machine.js'
import { stationHasColumn } from '../../template/template.schema.js'
import { z } from 'zod'
import { type DocKind, type RecordChange, countRecords } from '../doc-kind.js'
import { keepLostCardVersion, normalizeCard } from './card-order.js'
import { forgetRecordsOf } from '../../privacy/forget-author.js'
import { forgetMergedOf, keepCardMarks } from '../moderation/card-marks.js'
import { nameKeptOff } from '../../privacy/hidden-names.js'
import { namesShown } from '../../access/event-view.js'

/**
 * One theme table's board (`board.<event>.<table>`): every station's cards in one `cards` map,
 * the layout version in `meta` (written by the server). Facilitators write to every board, a
 * table host to their own table's, participants to any table they sit at; projectors read.
 */
export const boardKind: DocKind = {
  name: 'board',
  scopeParts: ['tableId'],
  roots: {
    cards: { record: storedCardSchema, keyField: 'id', refusal: WriteRefusal.INVALID_CARD, tombstones: true, countBy: ['authorId'], maxBy: { field: 'position', groupBy: ['stationId', 'columnId'] } },
    meta: { record: z.unknown(), writers: 'server' },
  },
  exists: (scope, { event }) => findTable(event, scope.parts.tableId ?? '') !== undefined,
  forgetAuthor: (doc, participantId) => [...forgetRecordsOf('cards')(doc, participantId), ...forgetMergedOf('cards')(doc, participantId)],
  audience(actor, scope) {
    switch (actor.role) {
      case 'facilitator':
      case 'participant':
        return 'write'
      case 'host':
        // A host link writes for one table only, and opens no other.
        return actor.tableId === scope.parts.tableId ? 'write' : 'none'
      case 'projector':
        return 'read'
    }
  },
  checkChanges(changes, { actor, situation, doc }) {
    const writer = { role: actor.role, participantId: actor.participantId ?? undefined }
    const { round, event } = situation
    const places = { writable: (stationId: string) => stationWritable(round, event.template, stationId), hasColumn: (stationId: string, columnId: string) => stationHasColumn(event.template, stationId, columnId) }
    let added = false
    for (const change of changes) {
      const refusal = checkCardChange(change, writer, places)
      if (refusal) return refusal
      if (isNewRecord(change)) added = true
    }
    if (added && actor.role !== 'facilitator') {
      // Counted by the server as cards change (not by reading the board on every new card).
      if (countRecords(doc, 'cards') > CARDS_PER_BOARD_MAX) return WriteRefusal.TOO_MANY_CARDS
      const mine = actor.participantId ? countRecords(doc, 'cards', { field: 'authorId', value: actor.participantId }) : 0
      if (mine > CARDS_PER_PARTICIPANT_MAX) return WriteRefusal.TOO_MANY_CARDS
    }
    return null
  },
  init: stampBoardDoc,
  // Moderation marks (pin, strike-through, merge) are the server's: kept as they are on every client
  // write. A name arrives only while names are shown.
  normalize: (change, ctx) =>
    nameKeptOff(keepCardMarks(change, ctx.actor.role === 'facilitator' ? null : normalizeCard(change, ctx.doc, ctx.now, ctx.addedTogether)), change.after, namesShown(ctx.situation.event)),
  keepLost: keepLostCardVersion,
}

/** Whether a change adds a record that was not there before. */
export function isNewRecord(change: RecordChange): boolean {
  return change.before === undefined && change.after !== undefined
}
