import { describe, expect, it } from 'vitest'
import { LONG_WORD_CHUNK, WORD_MAX, ZERO_WIDTH_SPACE, breakLongWords } from './long-words.js'

describe('break opportunities in long words', () => {
  it.each([
    ['leaves ordinary text alone', 'Integrationsmanagement vor Ort stärken', 'Integrationsmanagement vor Ort stärken'],
    ['leaves long German compounds whole', 'Kinderbetreuungsangebote und Arbeitsmarktintegration', 'Kinderbetreuungsangebote und Arbeitsmarktintegration'],
    ['leaves a run of exactly the chunk length alone', '1'.repeat(LONG_WORD_CHUNK), '1'.repeat(LONG_WORD_CHUNK)],
    ['breaks a run of digits one longer than the chunk', '1'.repeat(LONG_WORD_CHUNK + 1), `${'1'.repeat(LONG_WORD_CHUNK)}${ZERO_WIDTH_SPACE}1`],
    ['leaves German words of up to 40 letters whole (Word marked and could not find them)', 'Schweigepflichtentbindungserklärung, Finanzierungsmöglichkeiten, Heraufführung', 'Schweigepflichtentbindungserklärung, Finanzierungsmöglichkeiten, Heraufführung'],
    ['breaks a run of letters longer than any word', 'x'.repeat(WORD_MAX + 1), `${'x'.repeat(LONG_WORD_CHUNK)}${ZERO_WIDTH_SPACE}${'x'.repeat(WORD_MAX + 1 - LONG_WORD_CHUNK)}`],
    ['breaks a link', 'https://www.example.org/integration/ablauf', `https://www.example.org/${ZERO_WIDTH_SPACE}integration/ablauf`],
    ['keeps line breaks and spaces', `kurz\n${'ä'.repeat(53)} ende`, `kurz\n${'ä'.repeat(24)}${ZERO_WIDTH_SPACE}${'ä'.repeat(24)}${ZERO_WIDTH_SPACE}${'ä'.repeat(5)} ende`],
  ])('%s', (_name, input, expected) => {
    expect(breakLongWords(input)).toBe(expected)
  })

  it('never splits a character made of two code units', () => {
    const emoji = '🙂'.repeat(36)
    const out = breakLongWords(emoji)
    expect(out.replaceAll(ZERO_WIDTH_SPACE, '')).toBe(emoji)
    expect(out.split(ZERO_WIDTH_SPACE).map((piece) => [...piece].length)).toEqual([24, 12])
  })

  it('is stable: breaking broken text again adds nothing', () => {
    const once = breakLongWords('y'.repeat(280))
    expect(breakLongWords(once)).toBe(once)
    expect(once.split(ZERO_WIDTH_SPACE)).toHaveLength(12)
  })
})
