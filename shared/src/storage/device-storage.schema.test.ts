import { describe, expect, it } from 'vitest'
import {
  deviceIdentitySchema,
  deviceMutedSchema,
  deviceTokenSchema,
  deviceVisitsSchema,
  keptTextsSchema,
  parseStored,
  parseStoredText,
  savedVectorSchema,
  tableclothsSeenSchema,
} from './device-storage.schema.js'

const identity = { eventId: 'winnenden', participantId: 'p-12345678', token: 'eyJ2IjoxfQ.signature' }

describe('what a phone keeps in its browser storage', () => {
  it('reads back a stored identity, with or without a host table', () => {
    expect(parseStored(deviceIdentitySchema, JSON.stringify(identity), null)).toEqual(identity)
    expect(parseStored(deviceIdentitySchema, JSON.stringify({ ...identity, hostTable: 'sprache' }), null)).toMatchObject({ hostTable: 'sprache' })
  })
  it.each([
    ['nothing stored', null],
    ['damaged JSON', '{"eventId":'],
    ['a token that is not a string', JSON.stringify({ ...identity, token: 42 })],
    ['a host table that is not an id', JSON.stringify({ ...identity, hostTable: '../admin' })],
  ])('ignores %s', (_name, raw) => {
    expect(parseStored(deviceIdentitySchema, raw, null)).toBeNull()
  })
  it('keeps only valid visits and text lists', () => {
    expect(parseStored(deviceVisitsSchema, '{"station-1":"sprache"}', {})).toEqual({ 'station-1': 'sprache' })
    expect(parseStored(deviceVisitsSchema, '{"station-1":{"x":1}}', {})).toEqual({})
    expect(parseStored(keptTextsSchema, '["Elterncafés","Sprachkurse"]', [])).toEqual(['Elterncafés', 'Sprachkurse'])
    expect(parseStored(keptTextsSchema, '[1,2]', [])).toEqual([])
  })
  it('reads plain-text values as earlier versions wrote them, and ignores foreign ones', () => {
    expect(parseStoredText(deviceTokenSchema, 'eyJ2IjoxfQ.c2lnbmF0dXJl', null)).toBe('eyJ2IjoxfQ.c2lnbmF0dXJl')
    expect(parseStoredText(deviceTokenSchema, '<script>', null)).toBeNull()
    expect(parseStoredText(deviceMutedSchema, '1', false)).toBe(true)
    expect(parseStoredText(deviceMutedSchema, 'true', false)).toBe(false)
    expect(parseStoredText(tableclothsSeenSchema, 'station-2/sprache|junk|station-3/arbeit', [])).toEqual(['station-2/sprache', 'station-3/arbeit'])
    expect(parseStoredText(savedVectorSchema, 'AQID', null)).toBe('AQID')
    expect(parseStoredText(savedVectorSchema, 'not base64!', null)).toBeNull()
  })
})
