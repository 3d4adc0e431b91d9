import { INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as storage from './device-storage.js'

const identity = { eventId: 'cafe-test', participantId: 'p-12345678', token: 'eyJ2IjoxfQ.signature' }
const view = { event: anEvent(), role: 'participant' as const, joinCode: null }

const json = ['', '{"eventId":', 'null', '[1,2,3]', '"text"', '{"__proto__":{"polluted":1}}']

/**
 * Every value the device keeps: its key as earlier versions wrote it, how it reads, what it reads as
 * when nothing usable is stored, and values that are damaged or foreign for it.
 */
const entries: [string, string, () => unknown, unknown, string[]][] = [
  ['a link credential', 'tischrunde.facilitator.cafe-test', () => storage.readLinkToken('cafe-test', 'facilitator'), null, ['', 'eyJ 2"}', 'x'.repeat(5000)]],
  ['the participant identity', 'tischrunde.participant.ABC123', () => storage.readParticipant('ABC123'), null, [...json, JSON.stringify({ ...identity, token: 42 }), JSON.stringify({ ...identity, hostTable: '../admin' })]],
  ['the display name', 'tischrunde.name.cafe-test', () => storage.readName('cafe-test'), '', ['', ' ', 'a\u200bb', 'x'.repeat(41)]],
  ['the chosen table', 'tischrunde.table.cafe-test', () => storage.readTable('cafe-test'), null, ['', '../admin', 'Tisch 1', 'x'.repeat(70)]],
  ['the visits', 'tischrunde.visits.cafe-test', () => storage.readVisits('cafe-test'), {}, [...json, '{"station-1":{"x":1}}', '{"Station 1":"tisch-1"}']],
  ['the tablecloths read', 'tischrunde.tablecloth.cafe-test', () => storage.readTableclothsSeen('cafe-test'), [], ['', 'x'.repeat(30_000), 'station-1|/tisch-1|a/b/c']],
  ['the gong setting', 'tischrunde.projector.muted', () => storage.readMuted(), false, ['', 'true', 'yes', '2']],
  ['the language', 'tischrunde.lang', () => storage.readLanguage(), null, ['', 'fr', 'EN', '"en"']],
  ['the cached event', 'tischrunde.cache.event.cafe-test', () => storage.readCachedEvent('cafe-test'), null, [...json, JSON.stringify({ ...view, role: 'king' })]],
  ['the cached round', 'tischrunde.cache.round.cafe-test', () => storage.readCachedRound('cafe-test'), null, [...json, JSON.stringify({ round: { phase: 'station' }, clockOffsetMs: 0 })]],
  ['the saved state vector', 'tischrunde.saved.board.cafe-test.tisch-1', () => storage.readSavedVector('board.cafe-test.tisch-1'), null, ['', 'not base64!', '{"a":1}']],
  ['the refused texts', 'tischrunde.refused.board.cafe-test.tisch-1', () => storage.readRefusal('board.cafe-test.tisch-1'), null, [...json, JSON.stringify({ reason: 'STALE_COPY', texts: ['x'.repeat(5000)] }), JSON.stringify({ reason: '<b>', texts: ['a'] })]],
]

afterEach(() => {
  window.localStorage.clear()
  vi.restoreAllMocks()
})

describe('what this device keeps in browser storage', () => {
  it.each(entries)('reads %s as its fallback when nothing is stored', (_name, _key, read, fallback) => {
    expect(read()).toEqual(fallback)
  })

  it.each(entries)('never trusts damaged or foreign values for %s', (_name, key, read, fallback, foreign) => {
    for (const value of foreign) {
      window.localStorage.setItem(key, value)
      expect(() => read()).not.toThrow()
      expect(read()).toEqual(fallback)
    }
  })

  it('reads back what it wrote, in the formats earlier versions wrote', () => {
    storage.keepParticipant('ABC123', identity)
    storage.keepName('cafe-test', 'Anna')
    storage.keepTable('cafe-test', 'tisch-2')
    storage.keepVisits('cafe-test', { 'station-1': 'tisch-1' })
    storage.keepTableclothsSeen('cafe-test', ['station-2/tisch-2', 'station-3/tisch-1'])
    storage.keepMuted(true)
    storage.keepLanguage('en')
    storage.cacheEvent('cafe-test', view)
    storage.cacheRound('cafe-test', { round: INITIAL_ROUND_STATE, clockOffsetMs: -42 })
    storage.keepSavedVector('board.cafe-test.tisch-1', 'AQID')
    expect(storage.keepRefusal('board.cafe-test.tisch-1', { reason: 'STATION_CLOSED', texts: ['Elterncafés'] })).toBe(true)

    expect(storage.readParticipant('ABC123')).toEqual(identity)
    expect(storage.readName('cafe-test')).toBe('Anna')
    expect(window.localStorage.getItem('tischrunde.table.cafe-test')).toBe('tisch-2')
    expect(storage.readVisits('cafe-test')).toEqual({ 'station-1': 'tisch-1' })
    expect(window.localStorage.getItem('tischrunde.tablecloth.cafe-test')).toBe('station-2/tisch-2|station-3/tisch-1')
    expect(storage.readTableclothsSeen('cafe-test')).toEqual(['station-2/tisch-2', 'station-3/tisch-1'])
    expect(window.localStorage.getItem('tischrunde.projector.muted')).toBe('1')
    expect(storage.readMuted()).toBe(true)
    expect(storage.readLanguage()).toBe('en')
    expect(storage.readCachedEvent('cafe-test')?.event.id).toBe('cafe-test')
    expect(storage.readCachedRound('cafe-test')).toEqual({ round: INITIAL_ROUND_STATE, clockOffsetMs: -42 })
    expect(storage.readSavedVector('board.cafe-test.tisch-1')).toBe('AQID')
    expect(storage.readRefusal('board.cafe-test.tisch-1')).toEqual({ reason: 'STATION_CLOSED', texts: ['Elterncafés'] })
  })

  it('removes a value written as empty', () => {
    storage.keepName('cafe-test', 'Anna')
    storage.keepName('cafe-test', '')
    storage.keepTable('cafe-test', 'tisch-2')
    storage.keepTable('cafe-test', null)
    storage.keepParticipant('ABC123', identity)
    storage.keepParticipant('ABC123', null)
    expect(window.localStorage.length).toBe(0)
  })

  it('a cached round with a damaged clock offset still starts from the round, with no offset', () => {
    window.localStorage.setItem('tischrunde.cache.round.cafe-test', JSON.stringify({ round: INITIAL_ROUND_STATE, clockOffsetMs: 'soon' }))
    expect(storage.readCachedRound('cafe-test')).toEqual({ round: INITIAL_ROUND_STATE, clockOffsetMs: 0 })
  })

  it('a storage that refuses every access (blocked, full) costs only what it would have kept', () => {
    const refuse = () => {
      throw new DOMException('blocked', 'SecurityError')
    }
    const refusing = { getItem: refuse, setItem: refuse, removeItem: refuse } as unknown as Storage
    for (const blocked of [refuse, () => refusing]) {
      vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked)
      expect(() => storage.keepVisits('cafe-test', { 'station-1': 'tisch-1' })).not.toThrow()
      expect(() => storage.keepName('cafe-test', '')).not.toThrow()
      for (const [, , read, fallback] of entries) expect(read()).toEqual(fallback)
      vi.restoreAllMocks()
    }
  })
})
