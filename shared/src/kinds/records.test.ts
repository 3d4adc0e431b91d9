import { describe, expect, it, vi } from 'vitest'
import type { z } from 'zod'
import { cardSchema } from '../cards/card.schema.js'
import { storedCardSchema } from '../doc/board-write-rules.js'
import { parsedRecord, sameRecord } from './records.js'

const card = {
  id: 'karte-0001',
  stationId: 'station-1',
  columnId: 'laeuft-gut',
  text: 'Sprachkurse am Abend',
  subPoints: [],
  authorId: 'participant-1',
  createdAt: 1_562_054_700_000,
  position: 1,
}

/** A schema that counts how often it really parsed (parsedRecord asks a schema for `safeParse` only). */
function counted<T>(schema: z.ZodType<T>) {
  let parses = 0
  const wrapped = {
    safeParse: (value: unknown) => {
      parses++
      return schema.safeParse(value)
    },
  }
  return { schema: wrapped as unknown as z.ZodType<T>, parses: () => parses }
}

describe('a record parsed once per schema', () => {
  it('parses one record object once, however many rules read it, and gives each the same frozen form', () => {
    const { schema, parses } = counted(cardSchema)
    const record = { ...card }
    const first = parsedRecord(schema, record)
    const second = parsedRecord(schema, record)
    expect(first).toEqual(card)
    expect(second).toBe(first)
    expect(parses()).toBe(1)
    expect(Object.isFrozen(first)).toBe(true)
    // A rule that tried to change the shared form would change it for the others: it fails instead.
    expect(() => Object.assign(first as object, { text: 'anders' })).toThrow(TypeError)
    // An equal but different object is parsed for itself.
    expect(parsedRecord(schema, { ...card })).toEqual(card)
    expect(parses()).toBe(2)
  })

  it('answers undefined for an absent record without parsing, and for a refused one every time', () => {
    const { schema, parses } = counted(storedCardSchema)
    expect(parsedRecord(schema, undefined)).toBeUndefined()
    expect(parses()).toBe(0)
    const extraKey = { ...card, hidden: 'nicht im Schema' }
    expect(parsedRecord(schema, extraKey)).toBeUndefined()
    expect(parsedRecord(schema, extraKey)).toBeUndefined()
    expect(parses()).toBe(1)
    // Each schema judges for itself: the card without its extra key is fine for the lenient one.
    expect(parsedRecord(cardSchema, extraKey)).toEqual(card)
    expect(parsedRecord(cardSchema, 'kein Objekt')).toBeUndefined()
  })

  it('parses a stored card once for the strict schema and the card schema it was made from; one the strict schema refuses is read by the other for itself', () => {
    const looser = vi.spyOn(cardSchema, 'safeParse')
    try {
      const record = { ...card }
      const strict = parsedRecord(storedCardSchema, record)
      expect(strict).toEqual(card)
      expect(parsedRecord(cardSchema, record)).toBe(strict)
      expect(looser).not.toHaveBeenCalled()
      const extraKey = { ...card, hidden: 'nicht im Schema' }
      expect(parsedRecord(storedCardSchema, extraKey)).toBeUndefined()
      expect(parsedRecord(cardSchema, extraKey)).toEqual(card)
      expect(looser).toHaveBeenCalledTimes(1)
    } finally {
      looser.mockRestore()
    }
  })

  it('keeps what the write gate compares: the parsed form of a stored card is the card as written', () => {
    const stored = { ...card }
    expect(sameRecord(parsedRecord(storedCardSchema, stored), stored)).toBe(true)
    const untrimmed = { ...card, text: '  Sprachkurse am Abend  ' }
    const parsed = parsedRecord(storedCardSchema, untrimmed)
    expect(parsed === undefined || !sameRecord(parsed, untrimmed)).toBe(true)
  })
})
