import { INITIAL_ROUND_STATE, type RoundState } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { describe, expect, it } from 'vitest'
import { type PhoneStepInput, phoneStep, tableclothKey, visitToRecord } from './phone-step.js'

// Three tables (tisch-1..3) and the three Winnenden stations (station-1..3).
const event = anEvent()
const at = (stationIndex: number, more: Partial<RoundState> = {}): RoundState => ({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex, ...more })
const before: RoundState = INITIAL_ROUND_STATE
const review: RoundState = { ...INITIAL_ROUND_STATE, phase: 'review', stationIndex: 2 }
const closed: RoundState = { ...INITIAL_ROUND_STATE, phase: 'closed', stationIndex: 2 }

const phone = (more: Partial<PhoneStepInput> = {}): PhoneStepInput => ({
  event,
  round: at(0),
  host: false,
  tableId: 'tisch-1',
  visits: {},
  tableclothsSeen: [],
  ...more,
})
/** A participant who sat at tisch-1 in station 1 and moved to tisch-2 for station 2, having read its tablecloth. */
const rotated = phone({ round: at(1), tableId: 'tisch-2', visits: { 'station-1': 'tisch-1', 'station-2': 'tisch-2' }, tableclothsSeen: ['station-2/tisch-2'] })

describe('which screen a phone shows', () => {
  it.each<[string, PhoneStepInput, string]>([
    ['a phone waits while the event has not arrived', phone({ event: null }), 'loading'],
    ['a phone without a table picks one', phone({ tableId: null }), 'pick-table'],
    ['a phone whose table no longer exists picks again', phone({ tableId: 'tisch-9' }), 'pick-table'],
    ['before the start a phone at a table sees the board', phone({ round: before }), 'board'],
    ['without any round state a phone at a table sees the board', phone({ round: null }), 'board'],
    ['at the first station a participant goes straight to the board', phone({ round: at(0) }), 'board'],
    ['at a new station a participant who sat elsewhere before is asked to move', phone({ round: at(1), visits: { 'station-1': 'tisch-1' } }), 'rotation'],
    ['a host never sees the rotation prompt', phone({ round: at(1), host: true, visits: { 'station-1': 'tisch-1' } }), 'board'],
    ['a host never reads the tablecloth', phone({ round: at(2), host: true }), 'board'],
    ['a participant who joins late (no visits) is not asked to move but reads the tablecloth', phone({ round: at(1) }), 'tablecloth'],
    ['after choosing a table for the new station a participant reads its tablecloth', phone({ round: at(1), visits: { 'station-1': 'tisch-1', 'station-2': 'tisch-2' }, tableId: 'tisch-2' }), 'tablecloth'],
    ['a participant who already read this station’s tablecloth goes straight to the board', rotated, 'board'],
    ['a tablecloth read at another table does not count for this one', phone({ ...rotated, tableId: 'tisch-3', visits: { ...rotated.visits, 'station-2': 'tisch-3' } }), 'tablecloth'],
    ['in the review nobody is asked to move or reads a tablecloth', phone({ round: review, visits: { 'station-1': 'tisch-1' } }), 'board'],
    ['after the close a phone still sees the board', phone({ round: closed }), 'board'],
  ])('%s', (_sentence, input, expected) => {
    expect(phoneStep(input).step).toBe(expected)
  })

  it('asks to move at a station whose id is a prototype key like "constructor", as at any other', () => {
    const stations = event.template.stations.map((s, i) => (i === 1 ? { ...s, id: 'constructor' } : s))
    const odd = { ...event, template: { ...event.template, stations } }
    expect(phoneStep(phone({ event: odd, round: at(1), visits: { 'station-1': 'tisch-1' } })).step).toBe('rotation')
  })

  it('the rotation prompt names the new station and the tables visited at other stations', () => {
    const step = phoneStep(phone({ round: at(2), tableId: 'tisch-2', visits: { 'station-1': 'tisch-1', 'station-2': 'tisch-2' } }))
    expect(step).toMatchObject({ step: 'rotation', station: { id: 'station-3' }, table: { id: 'tisch-2' } })
    expect(step.step === 'rotation' && [...step.visited].sort()).toEqual(['tisch-1', 'tisch-2'])
  })

  it('the tablecloth shows the stations before the current one and names itself by station and table', () => {
    const step = phoneStep(phone({ round: at(2), tableId: 'tisch-3' }))
    expect(step.step).toBe('tablecloth')
    if (step.step !== 'tablecloth') return
    expect(step.earlier.map((s) => s.id)).toEqual(['station-1', 'station-2'])
    expect(step.key).toBe(tableclothKey('station-3', 'tisch-3'))
  })
})

describe('the board a phone shows', () => {
  const board = (input: PhoneStepInput) => {
    const step = phoneStep(input)
    if (step.step !== 'board') throw new Error(`expected the board, got ${step.step}`)
    return step
  }

  it('a participant at the running station writes there and edits only their own cards', () => {
    expect(board(rotated)).toMatchObject({ writable: true, station: { id: 'station-2' }, prompt: { id: 'station-2' }, view: { kind: 'station', station: { id: 'station-2' }, ownEdits: true, editsAll: false } })
  })
  it('a host at the running station may edit every card at the table', () => {
    expect(board(phone({ round: at(1), host: true })).view).toMatchObject({ kind: 'station', ownEdits: true, editsAll: true })
  })
  it('a locked station is read-only, for hosts too', () => {
    const step = board(phone({ round: at(0, { lockedStations: ['station-1'] }), host: true }))
    expect(step).toMatchObject({ writable: false, view: { kind: 'station', ownEdits: false, editsAll: false } })
  })
  it('before the start the first station is shown and nothing is writable', () => {
    expect(board(phone({ round: before }))).toMatchObject({ station: null, writable: false, prompt: { id: 'station-1' } })
  })
  it('review shows every station, read-only, with the last station reached as the prompt', () => {
    const step = board(phone({ round: review }))
    expect(step).toMatchObject({ station: null, writable: false, prompt: { id: 'station-3' } })
    expect(step.view.kind === 'review' && step.view.stations.map((s) => s.id)).toEqual(['station-1', 'station-2', 'station-3'])
  })
  it('a closed event shows every station like the review', () => {
    expect(board(phone({ round: closed })).view.kind).toBe('review')
  })
})

describe('the visit a phone records without asking', () => {
  it.each<[string, PhoneStepInput, { stationId: string; tableId: string } | null]>([
    ['at the first station the chosen table counts', phone({ round: at(0) }), { stationId: 'station-1', tableId: 'tisch-1' }],
    ['a phone that joins late counts its table for the current station', phone({ round: at(2), tableId: 'tisch-3' }), { stationId: 'station-3', tableId: 'tisch-3' }],
    ['a phone that sat elsewhere before must choose (the rotation prompt records it)', phone({ round: at(1), visits: { 'station-1': 'tisch-1' } }), null],
    ['a visit already recorded for the station stays', phone({ round: at(0), visits: { 'station-1': 'tisch-2' } }), null],
    ['nothing is recorded without a table', phone({ tableId: null }), null],
    ['nothing is recorded before the start', phone({ round: before }), null],
    ['nothing is recorded in the review', phone({ round: review }), null],
  ])('%s', (_sentence, input, expected) => {
    expect(visitToRecord(input)).toEqual(expected)
  })

  it('tells a phone whose table was removed, not one that stood up', () => {
    expect(phoneStep(phone({ tableId: 'tisch-9' }))).toMatchObject({ step: 'pick-table', gone: true })
    expect(phoneStep(phone({ tableId: null }))).toMatchObject({ step: 'pick-table', gone: false })
  })
})
