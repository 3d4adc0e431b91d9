import { describe, expect, it } from 'vitest'
import { bremenEvent } from '../../../fixtures/src/bremen/bremen-event.js'
import { buildEventDocumentation } from './result-sheet.js'
import { documentationToMarkdown } from './to-markdown.js'

/** The Bremen tree day (seed 001): small groups by municipality size, no theme tables. */
describe('the documentation of a tree day', () => {
  const doc = buildEventDocumentation(bremenEvent())
  const markdown = documentationToMarkdown(doc, ['## Problem- und Zielbäume\n\n### Gruppe: kleiner Landkreis\n'])

  it('tells how the day worked, not "World Café an 0 Thementischen"', () => {
    expect(doc.summary).toBe('4 Kleingruppen')
    expect(markdown).toContain('Die Veranstaltung arbeitete mit Problem- und Lösungsbäumen in 4 Kleingruppen (nach Kommunengröße).')
    expect(markdown).not.toMatch(/Thementisch|0 Karten/)
  })

  it('has no empty contents and thanks the participants after the trees', () => {
    expect(markdown).not.toContain('## Inhalt')
    expect(markdown.indexOf('## Problem- und Zielbäume')).toBeLessThan(markdown.indexOf('Vielen Dank für Ihre Mitwirkung!'))
    expect(markdown.trimEnd().endsWith('Vielen Dank für Ihre Mitwirkung!')).toBe(true)
  })
})
