import { z } from 'zod'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import { findTable } from '../../event/event.schema.js'
import type { DocKind, DocScope } from '../doc-kind.js'
import type { ForgetAuthor, ForgetWrite } from '../../privacy/forget-author.js'
import { withoutMergedOf } from './card-marks.js'
import { HELD_ROOT, MODSTATE_COUNTS, MODSTATE_EVENT, MODSTATE_STATIONS, eventModerationSchema, heldCardSchema, stationModeSchema } from './moderation.schema.js'

const PARTICIPANT = /^[A-Za-z0-9_-]{8,40}$/
const tableExists: DocKind['exists'] = (scope, { event }) => findTable(event, scope.parts.tableId ?? '') !== undefined
/** Nobody writes these docs but the server: every client change is refused. */
const serverOnly: DocKind['checkChanges'] = () => WriteRefusal.READ_ONLY
const held = { [HELD_ROOT]: { record: heldCardSchema, keyField: 'id', writers: 'server' as const } }

/**
 * "Meine Beiträge löschen" in the docs of held cards: the participant's hidden, waiting, collected,
 * refused and merged-away cards are deleted; duplicates of theirs merged into someone else's held
 * card leave that card's history.
 */
export const forgetHeldCards: ForgetAuthor = (doc, participantId) => {
  const writes: ForgetWrite[] = []
  doc.forEach(HELD_ROOT, (value, key) => {
    const parsed = heldCardSchema.safeParse(value)
    if (!parsed.success) return
    if (parsed.data.card.authorId === participantId) writes.push({ root: HELD_ROOT, key, value: undefined })
    else {
      const card = withoutMergedOf(parsed.data.card, participantId)
      if (card !== parsed.data.card) writes.push({ root: HELD_ROOT, key, value: { ...parsed.data, card } })
    }
  })
  return writes
}

/**
 * Hidden cards and cards waiting for approval of one table (`moderation.<event>.<table>`): read by
 * facilitators and that table's host, never opened by participants or projectors.
 */
export const moderationKind: DocKind = {
  name: 'moderation',
  scopeParts: ['tableId'],
  roots: held,
  exists: tableExists,
  audience(actor, scope) {
    if (actor.role === 'facilitator') return 'read'
    if (actor.role === 'host' && actor.tableId === scope.parts.tableId) return 'read'
    return 'none'
  },
  checkChanges: serverOnly,
  forgetAuthor: forgetHeldCards,
}

/** Cards of a station not revealed yet, of one table (`collect.<event>.<table>`): facilitators only. */
export const collectKind: DocKind = {
  name: 'collect',
  scopeParts: ['tableId'],
  roots: held,
  exists: tableExists,
  audience: (actor) => (actor.role === 'facilitator' ? 'read' : 'none'),
  checkChanges: serverOnly,
  forgetAuthor: forgetHeldCards,
}

/**
 * One participant's own held cards at one table (`own.<event>.<table>.<participant>`): hidden,
 * waiting, collected or refused. Only that participant (and facilitators) open it.
 */
export const ownKind: DocKind = {
  name: 'own',
  scopeParts: ['tableId', 'participantId'],
  partPattern: { participantId: PARTICIPANT },
  roots: held,
  exists: tableExists,
  audience(actor, scope) {
    if (actor.role === 'facilitator') return 'read'
    return actor.participantId !== null && actor.participantId === scope.parts.participantId ? 'read' : 'none'
  },
  checkChanges: serverOnly,
  forgetAuthor: forgetHeldCards,
}

/** The event's moderation modes and counts (`modstate.<event>`): every screen of the event reads it. */
export const modstateKind: DocKind = {
  name: 'modstate',
  scopeParts: [],
  roots: {
    [MODSTATE_STATIONS]: { record: stationModeSchema, keyField: 'stationId', writers: 'server' },
    [MODSTATE_EVENT]: { record: eventModerationSchema, writers: 'server' },
    [MODSTATE_COUNTS]: { record: z.number().int().nonnegative(), writers: 'server' },
  },
  exists: () => true,
  audience: () => 'read',
  checkChanges: serverOnly,
}

export const MODERATION_KINDS: readonly DocKind[] = [moderationKind, collectKind, ownKind, modstateKind]

const nameOf = (kind: DocKind, eventId: string, parts: Record<string, string>) => [kind.name, eventId, ...kind.scopeParts.map((p) => parts[p] ?? '')].join('.')
export const moderationDocName = (eventId: string, tableId: string) => nameOf(moderationKind, eventId, { tableId })
export const collectDocName = (eventId: string, tableId: string) => nameOf(collectKind, eventId, { tableId })
export const ownDocName = (eventId: string, tableId: string, participantId: string) => nameOf(ownKind, eventId, { tableId, participantId })
export const modstateDocName = (eventId: string) => nameOf(modstateKind, eventId, {})
export type { DocScope }
