import type * as Y from 'yjs'
import type { EventActor } from '../../access/actor.js'
import { may } from '../../access/policy.js'
import type { Card } from '../../cards/card.schema.js'
import { parsedRecord } from '../records.js'
import {
  type EventModeration,
  HELD_ROOT,
  type HeldCard,
  type HeldStatus,
  MODSTATE_COUNTS,
  MODSTATE_EVENT,
  MODSTATE_STATIONS,
  type StationMode,
  countKey,
  eventModerationSchema,
  heldCardSchema,
  stationModeSchema,
} from './moderation.schema.js'

/** The moderation modes of an event as read from its `modstate` doc. */
export interface ModerationModes {
  event: EventModeration
  stations: ReadonlyMap<string, StationMode>
  counts: ReadonlyMap<string, number>
}

export const NO_MODES: ModerationModes = { event: { approval: false }, stations: new Map(), counts: new Map() }

/** Reads the modes from a `modstate` doc; damaged records count as "off". */
export function readModes(doc: Y.Doc): ModerationModes {
  const stations = new Map<string, StationMode>()
  doc.getMap(MODSTATE_STATIONS).forEach((value, key) => {
    const parsed = parsedRecord(stationModeSchema, value)
    if (parsed?.stationId === key) stations.set(key, parsed)
  })
  const counts = new Map<string, number>()
  doc.getMap(MODSTATE_COUNTS).forEach((value, key) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) counts.set(key, value)
  })
  const event = parsedRecord(eventModerationSchema, doc.getMap(MODSTATE_EVENT).get('settings')) ?? { approval: false }
  return { event, stations, counts }
}

/** Whether a station's cards are still collected out of sight (collect mode, not revealed yet). */
export function collecting(modes: ModerationModes, stationId: string): boolean {
  const mode = modes.stations.get(stationId)
  return mode !== undefined && mode.collect && mode.revealedAt === null
}

/**
 * Whether a card the moderation hid was never on the board: it was hidden while its station still
 * collected (before the reveal), so nobody but its author saw it. Its author is told so, not that
 * it was "taken off the board".
 */
export function hiddenBeforeReveal(modes: ModerationModes, held: Pick<HeldCard, 'status' | 'at'> & { card: Pick<Card, 'stationId'> }): boolean {
  const mode = modes.stations.get(held.card.stationId)
  // Hidden while the station collected: not before collecting began (everyone saw it), not after the reveal.
  return held.status === 'hidden' && mode !== undefined && mode.collect && held.at >= (mode.collectingSince ?? 0) && (mode.revealedAt === null || held.at < mode.revealedAt)
}

/** Whether new participant cards of a station wait for approval (per station, or for the whole event). */
export function approving(modes: ModerationModes, stationId: string): boolean {
  return modes.event.approval || modes.stations.get(stationId)?.approval === true
}

/**
 * Where a new card goes instead of the board, or null for the board. Facilitators always write to
 * the board. While a station collects, every other card is collected, a table host's too (no text
 * of another person on any phone before the reveal); approval holds participants' cards only (the
 * host approves). Collecting comes first: a collected card appears with all the others at the reveal.
 */
export function holdNewCard(card: Pick<Card, 'stationId'>, actor: Pick<EventActor, 'role'>, modes: ModerationModes): Extract<HeldStatus, 'pending' | 'collected'> | null {
  if (actor.role === 'facilitator' || actor.role === 'projector') return null
  if (collecting(modes, card.stationId)) return 'collected'
  if (actor.role === 'participant' && approving(modes, card.stationId)) return 'pending'
  return null
}

/**
 * Where a card already on the board goes when a person changes it, or null when it stays: a card
 * moved into a station that collects or asks for approval, or reworded there, is held again as a
 * new card would be (its new text reaches no other phone before the reveal or the approval). A
 * change of place within its station (order, column) or of marks keeps it on the board.
 */
export function holdChangedCard(before: Pick<Card, 'stationId' | 'text' | 'subPoints'>, after: Pick<Card, 'stationId' | 'text' | 'subPoints'>, actor: Pick<EventActor, 'role'>, modes: ModerationModes): Extract<HeldStatus, 'pending' | 'collected'> | null {
  const status = holdNewCard(after, actor, modes)
  if (!status) return null
  const moved = before.stationId !== after.stationId
  const reworded = before.text !== after.text || JSON.stringify(before.subPoints) !== JSON.stringify(after.subPoints)
  return moved || reworded ? status : null
}

/**
 * Where a station's collected cards go at its reveal: onto the board, or, where the station (or the
 * event) asks for approval, a participant's into the approval queue (pending, as if written then);
 * a table host's go to the board, as their cards do without collecting.
 */
export function revealedCards(collected: readonly HeldCard[], modes: ModerationModes, stationId: string, now: number): { toBoard: HeldCard[]; toApprove: HeldCard[] } {
  const approve = approving(modes, stationId)
  const waits = (h: HeldCard) => approve && h.writer !== 'host'
  return {
    toBoard: collected.filter((h) => !waits(h)),
    toApprove: collected.filter(waits).map(({ writer: _writer, ...h }) => ({ ...h, status: 'pending' as const, at: now })),
  }
}

/**
 * A waiting or collected card as its author changed it meanwhile (offline, or before it shows):
 * the held card with the new text and sub-points, all else as held; null when nothing is kept (a
 * hidden card, a card of someone else, nothing changed).
 */
export function editedHeld(held: HeldCard | undefined, edited: Card | undefined, actor: Pick<EventActor, 'participantId'>): HeldCard | null {
  if (!held || !edited || (held.status !== 'pending' && held.status !== 'collected')) return null
  if (actor.participantId === null || edited.authorId !== held.card.authorId || actor.participantId !== held.card.authorId) return null
  if (edited.text === held.card.text && JSON.stringify(edited.subPoints) === JSON.stringify(held.card.subPoints)) return null
  return { ...held, card: { ...held.card, text: edited.text, subPoints: edited.subPoints } }
}

/** How many collected cards of others a participant's phone may count (the total minus their own). */
export function othersCollected(modes: ModerationModes, tableId: string, stationId: string, own: number): number {
  return Math.max(0, (modes.counts.get(countKey(tableId, stationId)) ?? 0) - own)
}

/** Whether an actor moderates a table's cards: facilitators everywhere, a table host at their table. */
export function mayModerate(actor: EventActor, tableId: string): boolean {
  if (!may(actor, 'cards:moderate', { eventId: actor.eventId })) return false
  return actor.role === 'facilitator' || actor.tableId === tableId
}

/** The held cards of a moderation, collect or own doc, oldest first; damaged records are left out. */
export function readHeld(doc: Y.Doc): HeldCard[] {
  const cards: HeldCard[] = []
  doc.getMap(HELD_ROOT).forEach((value, key) => {
    const parsed = heldCardSchema.safeParse(value)
    if (parsed.success && parsed.data.id === key) cards.push(parsed.data)
  })
  return cards.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}
