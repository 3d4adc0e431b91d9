import { z } from 'zod'
import { WriteRefusal } from '../../doc/board-write-rules.js'
import { findTable } from '../../event/event.schema.js'
import type { DocKind, DocScope } from '../doc-kind.js'
import { HELD_ROOT, MODSTATE_COUNTS, MODSTATE_EVENT, MODSTATE_STATIONS, eventModerationSchema, heldCardSchema, stationModeSchema } from './moderation.schema.js'

const PARTICIPANT = /^[A-Za-z0-9_-]{8,40}$/
const tableExists: DocKind['exists'] = (scope, { event }) => findTable(event, scope.parts.tableId ?? '') !== undefined
/** Nobody writes these docs but the server: every client change is refused. */
const serverOnly: DocKind['checkChanges'] = () => WriteRefusal.READ_ONLY
const held = { [HELD_ROOT]: { record: heldCardSchema, keyField: 'id', writers: 'server' as const } }

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
}

/** Cards of a station not revealed yet, of one table (`collect.<event>.<table>`): facilitators only. */
export const collectKind: DocKind = {
  name: 'collect',
  scopeParts: ['tableId'],
  roots: held,
  exists: tableExists,
  audience: (actor) => (actor.role === 'facilitator' ? 'read' : 'none'),
  checkChanges: serverOnly,
}

/**
 * One participant's own held cards at one table (`own.<event>.<table>.<participant>`): waiting,
 * collected or refused. Only that participant (and facilitators) open it.
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
