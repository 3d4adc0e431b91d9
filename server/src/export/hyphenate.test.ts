import { describe, expect, it } from 'vitest'
import { hyphenateDe } from './hyphenate.js'

describe('German hyphenation for the PDF', () => {
  it('breaks long words at syllables and never a number from its sign', () => {
    const set = hyphenateDe('Träger der Jugendhilfe arbeiten nebeneinander her; 50 % ohne Absprache, nach § 12')
    expect(set).toContain('Ju\u00adgend\u00adhil\u00adfe')
    expect(set).toContain('50\u00A0% ohne')
    expect(set).toContain('§\u00A012')
  })

  it('leaves web and mail addresses whole (a hyphen drawn at a line\'s end would be copied with them), and the words around them not', () => {
    const set = hyphenateDe('Informationen unter https://www.example.org/integrationsmanagement/leerzeichen oder integration@stadt-winnenden.de – Ansprechpartnerin')
    expect(set).toContain('https://www.example.org/integrationsmanagement/leerzeichen')
    expect(set).toContain('integration@stadt-winnenden.de')
    expect(set).toContain('In\u00adfor\u00adma\u00adtio\u00adnen')
    expect(set).toContain('An\u00adsprech\u00adpart\u00adne\u00adrin')
  })
})
