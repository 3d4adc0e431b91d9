import { describe, expect, it } from 'vitest'
import { hyphenateDe } from './hyphenate.js'

describe('German hyphenation for the PDF', () => {
  it('breaks long words at syllables and never a number from its sign', () => {
    const set = hyphenateDe('Träger der Jugendhilfe arbeiten nebeneinander her; 50 % ohne Absprache, nach § 12')
    expect(set).toContain('Ju\u00adgend\u00adhil\u00adfe')
    expect(set).toContain('50\u00A0% ohne')
    expect(set).toContain('§\u00A012')
  })
})
