import { describe, expect, it } from 'vitest'
import { normalizeGerman, similarPairs, stemGerman, suggestClusters, textProfile, textSimilarity } from './similarity.js'

const sim = (a: string, b: string) => textSimilarity(textProfile(a), textProfile(b))

describe('German lexical similarity (suggestions only)', () => {
  it('folds case, umlauts, ß and punctuation', () => {
    expect(normalizeGerman('Größere Übersicht – für ALLE!')).toBe('groessere uebersicht fuer alle')
  })

  it.each([
    ['sprachkurse', 'sprachkurs'],
    ['ehrenamtlichen', 'ehrenamtlich'],
    ['beratungen', 'beratung'],
    ['netzwerke', 'netzwerk'],
  ])('stems %s like %s', (a, b) => {
    expect(stemGerman(a)).toBe(stemGerman(b))
  })

  it('finds reworded duplicates and keeps unrelated cards apart', () => {
    expect(sim('Mehr Sprachkurse für Frauen', 'Sprachkurse für Frauen mehr anbieten')).toBeGreaterThan(0.72)
    expect(sim('Kinderbetreuung während der Sprachkurse', 'Sprachkurse mit Kinderbetreuung')).toBeGreaterThan(0.5)
    expect(sim('Mehr Sprachkurse für Frauen', 'Digitalisierung der Ausländerbehörde')).toBeLessThan(0.2)
  })

  it('suggests duplicate pairs, most alike first, and clusters with a shared heading word', () => {
    const cards = [
      { id: 'a', text: 'Mehr Sprachkurse für Frauen' },
      { id: 'b', text: 'Digitalisierung der Ausländerbehörde' },
      { id: 'c', text: 'Sprachkurse für Frauen mit Kinderbetreuung' },
      { id: 'd', text: 'Ausländerbehörde digitalisieren' },
      { id: 'e', text: 'Ehrenamt stärken' },
    ]
    expect(similarPairs(cards, 0.5).map((p) => [p.a, p.b])).toEqual(expect.arrayContaining([['a', 'c'], ['b', 'd']]))
    const clusters = suggestClusters(cards)
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'c'], ['b', 'd']])
    expect(clusters.map((c) => c.heading)).toEqual(['Sprachkurse', 'Ausländerbehörde'])
  })
})
