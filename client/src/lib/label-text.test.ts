import { describe, expect, it } from 'vitest'
import { labelText } from './label-text.js'

describe("a card's text in a button's name", () => {
  it('stays whole when short, and is cut at a word with "…" when long', () => {
    expect(labelText('Sprachkurse am Abend')).toBe('Sprachkurse am Abend')
    const long = 'Fehlende KiTa-Plätze, zu wenig Eltern-integrationskurse → geringe Teilnahme an Sprachkursen'
    expect(labelText(long)).toBe('Fehlende KiTa-Plätze, zu wenig Eltern-integrationskurse → …')
    expect(labelText(long).length).toBeLessThanOrEqual(62)
    // One word longer than the limit is cut inside it, still marked.
    expect(labelText('x'.repeat(80))).toBe(`${'x'.repeat(60)} …`)
  })
})
