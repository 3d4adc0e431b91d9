import { describe, expect, it } from 'vitest'
import { formatEventDate } from './dates.js'

describe('event dates as people write them', () => {
  it.each([
    ['2019-07-02', 'de', '2. Juli 2019'],
    ['2019-07-02', 'en', '2 July 2019'],
    ['2026-01-01', 'de', '1. Januar 2026'],
    ['2026-12-31', 'en', '31 December 2026'],
    ['nächste Woche', 'de', 'nächste Woche'],
  ] as const)('%s in %s reads “%s”', (iso, lang, expected) => {
    expect(formatEventDate(iso, lang)).toBe(expected)
  })
})
