import { describe, expect, it } from 'vitest'
import { LONG_WORD_CHUNK, WORD_MAX, ZERO_WIDTH_SPACE, breakLongWords } from './long-words.js'

describe('break opportunities in long words', () => {
  it.each([
    ['leaves ordinary text alone', 'Integrationsmanagement vor Ort stärken', 'Integrationsmanagement vor Ort stärken'],
    ['leaves long German compounds whole', 'Kinderbetreuungsangebote und Arbeitsmarktintegration', 'Kinderbetreuungsangebote und Arbeitsmarktintegration'],
    ['leaves a run of exactly the longest word alone', '1'.repeat(WORD_MAX), '1'.repeat(WORD_MAX)],
    ['cuts a run of digits one longer than the longest word', '1'.repeat(WORD_MAX + 1), `${'1'.repeat(LONG_WORD_CHUNK)}${ZERO_WIDTH_SPACE}${'1'.repeat(WORD_MAX + 1 - LONG_WORD_CHUNK)}`],
    ['leaves German words of up to 40 letters whole (Word marked and could not find them)', 'Schweigepflichtentbindungserklärung, Finanzierungsmöglichkeiten, Heraufführung', 'Schweigepflichtentbindungserklärung, Finanzierungsmöglichkeiten, Heraufführung'],
    ['leaves words joined by signs whole up to 40 characters', '(Heraufführung/Unterstützung) Quartiers-/Stadtentwicklung', '(Heraufführung/Unterstützung) Quartiers-/Stadtentwicklung'],
    ['breaks a longer run after its sign, not inside a word', 'Datenschutz/Schweigepflichtentbindungserklärung', `Datenschutz/${ZERO_WIDTH_SPACE}Schweigepflichtentbindungserklärung`],
    ['breaks a run of letters longer than any word', 'x'.repeat(WORD_MAX + 1), `${'x'.repeat(LONG_WORD_CHUNK)}${ZERO_WIDTH_SPACE}${'x'.repeat(WORD_MAX + 1 - LONG_WORD_CHUNK)}`],
    ['leaves a short link whole', 'https://www.winnenden.de/integration', 'https://www.winnenden.de/integration'],
    ['breaks a long link after its slashes', 'https://www.example.org/sehr/langer/pfad/ohne/leerzeichen', `https://www.example.org/sehr/langer/${ZERO_WIDTH_SPACE}pfad/ohne/leerzeichen`],
    ['keeps line breaks and spaces', `kurz\n${'ä'.repeat(53)} ende`, `kurz\n${'ä'.repeat(24)}${ZERO_WIDTH_SPACE}${'ä'.repeat(24)}${ZERO_WIDTH_SPACE}${'ä'.repeat(5)} ende`],
  ])('%s', (_name, input, expected) => {
    expect(breakLongWords(input)).toBe(expected)
  })

  it('never splits a character made of two code units', () => {
    const emoji = '🙂'.repeat(46)
    const out = breakLongWords(emoji)
    expect(out.replaceAll(ZERO_WIDTH_SPACE, '')).toBe(emoji)
    expect(out.split(ZERO_WIDTH_SPACE).map((piece) => [...piece].length)).toEqual([24, 22])
  })

  it('is stable: breaking broken text again adds nothing', () => {
    const once = breakLongWords('y'.repeat(280))
    expect(breakLongWords(once)).toBe(once)
    expect(once.split(ZERO_WIDTH_SPACE)).toHaveLength(12)
  })
})
