import { describe, expect, it } from 'vitest'
import { bremenEvent } from '@tischrunde/fixtures'
import { buildEventDocumentation, slugify } from '@tischrunde/shared'
import { renderEvent } from './export-service.js'

/** The Bremen tree day (seed 001) with one group's problem tree begun: small groups, no theme tables. */
function bremenWithATree() {
  const file = bremenEvent()
  const node = { id: 'kern-0001', kind: 'core' as const, parentId: null, order: 0, text: 'Kooperation bleibt punktuell' }
  return { ...file, trees: [{ groupId: slugify('kleiner Landkreis'), phase: 'problem' as const, nodes: [node] }] }
}

describe('the documentation of a tree day', () => {
  it('tells how the day worked in its groups, not "World Café an 0 Thementischen" or "0 Karten"', async () => {
    const file = bremenWithATree()
    expect(buildEventDocumentation(file).summary).toBe('1 Kleingruppe')
    expect(buildEventDocumentation(bremenEvent()).summary).toBe('4 Kleingruppen')
    const markdown = new TextDecoder().decode((await renderEvent(file, 'md')).bytes)
    expect(markdown).toContain('Die Veranstaltung arbeitete mit Problem- und Lösungsbäumen in einer Kleingruppe (nach Kommunengröße).')
    expect(markdown).not.toMatch(/Thementisch|0 Karten/)
    // The programme's items as the day had them, without a marker on each.
    expect(markdown).toContain('Impulsvortrag „Externe Kooperation“')
    expect(markdown).not.toContain('(Zeit geplant)')
  })

  it('has no empty contents, and thanks the participants after the trees', async () => {
    const markdown = new TextDecoder().decode((await renderEvent(bremenWithATree(), 'md')).bytes)
    expect(markdown).toContain('Kernproblem: Kooperation bleibt punktuell')
    expect(markdown).not.toContain('## Inhalt')
    expect(markdown.indexOf('## Problem- und Zielbäume')).toBeGreaterThan(0)
    expect(markdown.trimEnd().endsWith('Vielen Dank für Ihre Mitwirkung!')).toBe(true)
  })
})
