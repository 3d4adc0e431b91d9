import { describe, expect, it } from 'vitest'
import { countingRuns, isLabel, readList, typedNumber } from './list-items.js'

describe('typed numbers', () => {
  it.each([
    ['3. Frauen stärken', { number: 3, body: 'Frauen stärken' }],
    ['12) Zwölftens', { number: 12, body: 'Zwölftens' }],
    ['1. Zeile\nzweite Zeile', { number: 1, body: 'Zeile\nzweite Zeile' }],
    ['3.5 Stunden', undefined],
    ['2019.', undefined],
    ['1.Kein Abstand', undefined],
    ['Frauen 3. Reihe', undefined],
  ])('reads %j', (text, expected) => expect(typedNumber(text)).toEqual(expected))
})

describe('a list of cards', () => {
  it('is numbered when every point starts with a number; labels do not count; numbers stay as typed', () => {
    const list = readList(['Mindeststandard:', '3. Kita', '1. Sprache', '1. Arbeit'])
    expect(list.numbered).toBe(true)
    expect(list.items.map((i) => [i.number, i.body, i.label])).toEqual([
      [null, 'Mindeststandard:', true],
      [3, 'Kita', false],
      [1, 'Sprache', false],
      [1, 'Arbeit', false],
    ])
  })

  it('is a bullet list, typed text untouched, when one point has no number', () => {
    const list = readList(['1. Gründung', 'Wer macht mit?'])
    expect(list.numbered).toBe(false)
    expect(list.items.map((i) => [i.number, i.body])).toEqual([
      [null, '1. Gründung'],
      [null, 'Wer macht mit?'],
    ])
  })

  it('is no numbered list with labels alone', () => expect(readList(['Winnenden:']).numbered).toBe(false))

  it('tells labels: one line ending with a colon', () => {
    expect(isLabel('Kulturprogramme:')).toBe(true)
    expect(isLabel('Wer hilft?')).toBe(false)
    expect(isLabel('zwei\nZeilen:')).toBe(false)
  })

  it('splits numbers into runs that count up by one', () => {
    expect(countingRuns([3, 1, 2, 4, 4, 5, 5, 5])).toEqual([[0], [1, 2], [3], [4, 5], [6], [7]])
    expect(countingRuns([1, 2, null, 3])).toEqual([[0, 1], [3]])
  })
})
