import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import { MESSAGE_CONTROL_ACK, MESSAGE_CONTROL_COMMAND, readControlAck } from '@tischrunde/shared'

/* What the hostile suite of the carried control plane sends: the commands by who may send them, and raw frames. */

/** The commands a phone may send (each still judged by the policy). */
export const PHONE_COMMANDS = new Set(['presence:table', 'tree:join', 'vote:cast', 'programme:get', 'programme:choose', 'programme:lookup'])

/** Every command only the facilitator may send, with a well-formed payload (event:update's setup is checked first). */
export const FACILITATOR_COMMANDS: Record<string, unknown> = {
  'round:advance': { expectedVersion: 0 },
  'round:back': { expectedVersion: 0 },
  'round:end': { expectedVersion: 0 },
  'round:pause': { expectedVersion: 0 },
  'round:resume': { expectedVersion: 0 },
  'timer:extend': { expectedVersion: 0, minutes: 5 },
  'timer:set': { expectedVersion: 0, minutes: 7 },
  'timer:start': { expectedVersion: 0 },
  'projector:show': { display: { view: 'review', tableId: null, station: 0, spotlight: null } },
  'round:configure': { settings: { stationMinutes: 1, graceSeconds: 0 } },
  'station:lock': { stationId: 'station-1', locked: true },
  'event:update': null,
  'event:display': { showNames: true },
  'tree:objectives': { groupId: 'kleiner-landkreis' },
  'actors:refresh': {},
  'tree:configure': { method: { attribute: 'Kommunengröße', values: ['kleiner Landkreis'], maxGroupSize: null } },
  'card:moderate': { tableId: 'sprache', cardId: 'card-0001', action: 'hide' },
  'station:moderation': { stationId: 'station-1', collect: true },
  'station:reveal': { stationId: 'station-1' },
  'vote:open': { setup: { question: 'Welche Maßnahmen zuerst?', scope: {}, budget: 3, perCardMax: 1 } },
  'vote:freeze': { stepId: 'step-abcdef', frozen: true },
  'vote:show': { stepId: 'step-abcdef', shown: true },
  'vote:order': { stepId: 'step-abcdef' },
  'groups:edit': { column: { tableId: 'sprache', stationId: 'station-1', columnId: 'laeuft-gut' }, change: { type: 'create', id: 'gruppe-0001', title: 'Sprache', cardIds: [] } },
  'cards:move': { column: { tableId: 'sprache', stationId: 'station-1', columnId: 'laeuft-gut' }, cardId: 'karte-00001', beforeCardId: null },
  'programme:shift': { minutes: 10 },
  'programme:workshop': { workshopId: 'workshop-1', closed: true },
  'programme:move': { participantId: 'person-00001', phaseId: 'phase-1', workshopId: null },
  'programme:roster': {},
  'programme:save': { programme: { items: [] }, expectedVersion: null },
}

/** A command frame with any id, name and body text (the encoder's JSON step left out). */
export function rawCommand(id: number, name: string, text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_CONTROL_COMMAND)
  encoding.writeVarUint(encoder, id)
  encoding.writeVarString(encoder, name)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

/** Every answer a socket gets, in order, ids as sent (the helper keeps one answer per id). */
export function answersOf(ws: WebSocket) {
  const answers: { id: number; ok: boolean; code?: string }[] = []
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (decoding.readVarUint(decoder) !== MESSAGE_CONTROL_ACK) return
    const ack = readControlAck(decoder)
    if (ack) answers.push({ id: ack.id, ok: ack.ack.ok, code: ack.ack.ok ? undefined : ack.ack.code })
  })
  return answers
}
