import { describe, expect, it } from 'vitest'
import { INITIAL_ROUND_STATE } from '../rounds/round.schema.js'
import { WINNENDEN_TEMPLATE } from '../template/winnenden-template.js'
import { EMPTY_EVENT_STORE, composeStoredEvent } from './stored-data.schema.js'
import { parseEventStoreFile } from './stored-data-v1.schema.js'

const event = { id: 'marktplatz', title: 'Marktplatz', date: '2026-11-23', tables: [{ id: 'verkehr', name: 'Verkehr' }], template: WINNENDEN_TEMPLATE }
const v1 = (events: unknown[]) => ({ format: 'tischrunde.store', version: 1, demoSeeded: true, events })

describe('reading the event store file', () => {
  it('migrates a format-1 event into setup, access and round records, keeping every value', () => {
    const round = { ...INITIAL_ROUND_STATE, version: 4, phase: 'station', lockedStations: ['station-1'] }
    const parsed = parseEventStoreFile(v1([{ event, joinCode: 'ABCDEF', createdAt: 7, accessEpoch: 2, round }]))
    if (!parsed.success) throw parsed.error
    expect(parsed.data).toMatchObject({ version: 2, demoSeeded: true })
    expect(composeStoredEvent(parsed.data.events[0]!)).toMatchObject({
      event: { id: 'marktplatz', title: 'Marktplatz' },
      setupVersion: 1,
      joinCode: 'ABCDEF',
      createdAt: 7,
      accessEpoch: 2,
      accessVersion: 1,
      round: { version: 4, lockedStations: ['station-1'] },
    })
  })

  it('fills what format 1 left out with the defaults of that time (epoch 0, the initial round)', () => {
    const parsed = parseEventStoreFile(v1([{ event, joinCode: 'ABCDEF', createdAt: 7 }]))
    if (!parsed.success) throw parsed.error
    expect(parsed.data.events[0]).toMatchObject({ access: { accessEpoch: 0 }, round: INITIAL_ROUND_STATE, records: {} })
  })

  it.each([
    ['a format-1 event without a join code', v1([{ event, createdAt: 7 }])],
    ['an unknown format version', { ...EMPTY_EVENT_STORE, version: 3 }],
    ['a format-2 file with one event twice', { ...EMPTY_EVENT_STORE, events: [0, 1].map(() => ({ event, setupVersion: 1, access: { joinCode: 'A', createdAt: 0, version: 1 }, round: INITIAL_ROUND_STATE })) }],
  ])('refuses %s', (_what, json) => {
    expect(parseEventStoreFile(json).success).toBe(false)
  })

  it('reads back the empty store as it is', () => {
    expect(parseEventStoreFile(EMPTY_EVENT_STORE)).toEqual({ success: true, data: EMPTY_EVENT_STORE })
  })
})
