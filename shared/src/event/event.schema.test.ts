import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { slugIdSchema, slugify, uniqueId } from '../ids.js'
import { templateSchema } from '../template/template.schema.js'
import { WINNENDEN_TEMPLATE } from '../template/winnenden-template.js'
import { eventSchema } from './event.schema.js'
import { firstFieldIssue } from '../wire/field-issue.js'

describe('events', () => {
  it('accepts an event with three tables and the Winnenden template', () => {
    expect(eventSchema.parse(anEvent()).tables).toHaveLength(3)
  })
  it('rejects two tables with the same id, naming the table', () => {
    const result = eventSchema.safeParse(anEvent({ tables: [{ id: 'a', name: 'A', host: '' }, { id: 'a', name: 'B', host: '' }] }))
    expect(result.success).toBe(false)
    expect(firstFieldIssue(result.error!)).toEqual({ path: ['tables'], issue: 'duplicate', value: 'a' })
  })
  it('rejects an agenda time that is not HH:MM, naming the time format', () => {
    const result = eventSchema.safeParse(anEvent({ agenda: [{ time: '9 Uhr', title: 'Empfang', detail: '' }] }))
    expect(firstFieldIssue(result.error!)).toEqual({ path: ['agenda', 0, 'time'], issue: 'invalid_format', format: 'time' })
  })
})

describe('the default template', () => {
  it('has the three Winnenden stations with two columns each, worded as in the seed', () => {
    expect(templateSchema.parse(WINNENDEN_TEMPLATE).stations.map((s) => s.columns.map((c) => c.title))).toEqual([
      ['Was läuft gut?', 'Wo hakt es?'],
      ['Was sind unsere Ziele?', 'Was soll ein gutes Integrationsmanagement leisten?'],
      ['Wie können wir den Zielen näherkommen? Was können wir vor Ort ändern?', 'Wer kann helfen?'],
    ])
  })
})

describe('ids from titles', () => {
  it.each([
    ['Einzelkämpfer im ländlichen Raum', 'einzelkaempfer-im-laendlichen'],
    ['Arbeitsmarktintegration', 'arbeitsmarktintegration'],
    ['Statusfragen, Zusammenarbeit mit Ausländerbehörde', 'statusfragen-zusammenarbeit-mit'],
    ['Größe & Maß', 'groesse-mass'],
    ['!!!', 'x'],
  ])('makes %s into %s', (title, id) => {
    expect(slugify(title, 32)).toBe(id)
  })
  it('appends a number to a taken id', () => {
    expect(uniqueId('sprache', new Set(['sprache', 'sprache-2']))).toBe('sprache-3')
    // A 63-character id taken already: the number still fits, and the result is a valid id.
    const long = 'a'.repeat(63)
    const next = uniqueId(long, new Set([long]))
    expect(next).toBe(`${'a'.repeat(61)}-2`)
    expect(slugIdSchema.safeParse(next).success).toBe(true)
    expect(uniqueId(`${'b'.repeat(60)}-cd`, new Set([`${'b'.repeat(60)}-cd`]))).toBe(`${'b'.repeat(60)}-2`)
  })
})
