import { describe, expect, it } from 'vitest'
import { gluedUnits } from './glued-units.js'

describe('numbers and their signs stay on one line', () => {
  it.each([
    ['50 % ohne Absprache', '50\u00A0% ohne Absprache'],
    ['kostet 120 € im Jahr', 'kostet 120\u00A0€ im Jahr'],
    ['nach § 12 und §§ 3 ff.', 'nach §\u00A012 und §§\u00A03 ff.'],
    ['Nr. 5 der Liste, 30 Prozent', 'Nr.\u00A05 der Liste, 30\u00A0Prozent'],
  ])('%s', (text, glued) => expect(gluedUnits(text)).toBe(glued))

  it('leaves other spaces, and numbers without a sign, as they are', () => {
    for (const text of ['Station 1 läuft gut', '2 Gruppen, 3 Tische', 'Prozente sind % ohne Zahl', 'Ursache 1.1']) expect(gluedUnits(text)).toBe(text)
  })
})
