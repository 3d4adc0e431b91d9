import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { METHOD_TEMPLATES, NEUTRAL_TEMPLATE } from '../template/method-templates.js'
import { templateSchema } from '../template/template.schema.js'
import { createEventRequestSchema } from '../wire/api.schema.js'
import { firstFieldIssue } from '../wire/field-issue.js'
import { eventSchema } from './event.schema.js'

describe('event settings', () => {
  it('an event stored before the settings existed reads as "du" without a per-table maximum', () => {
    const { address: _a, maxPerTable: _m, ...old } = anEvent()
    expect(eventSchema.parse(old)).toMatchObject({ address: 'du', maxPerTable: null })
  })
  it('keeps "Sie" and a maximum of 6 per table', () => {
    expect(eventSchema.parse(anEvent({ address: 'sie', maxPerTable: 6 }))).toMatchObject({ address: 'sie', maxPerTable: 6 })
  })
  it('refuses a maximum of one person per table', () => {
    expect(eventSchema.safeParse(anEvent({ maxPerTable: 1 })).success).toBe(false)
  })
})

describe('creating an event', () => {
  it('refuses two tables of the same name, naming it, also when only the case differs', () => {
    const result = createEventRequestSchema.safeParse({ title: 'Café', date: '2026-11-23', tableNames: ['Sprache', 'Arbeit', 'sprache'] })
    expect(result.success).toBe(false)
    expect(firstFieldIssue(result.error!)).toEqual({ path: ['tableNames', 2], issue: 'duplicate', value: 'sprache' })
  })
  it('accepts different table names', () => {
    expect(createEventRequestSchema.safeParse({ title: 'Café', date: '2026-11-23', tableNames: ['Sprache', 'Arbeit'] }).success).toBe(true)
  })
})

describe('method templates', () => {
  it.each(METHOD_TEMPLATES.map((m) => [m.id, m.template] as const))('%s is a valid template', (_id, template) => {
    expect(templateSchema.safeParse(template).success).toBe(true)
  })
  it('the neutral World Café asks what works, what we want to reach, and what we do and who helps', () => {
    expect(NEUTRAL_TEMPLATE.stations.map((s) => s.prompt)).toEqual(['Was läuft gut? Wo hakt es?', 'Was wollen wir erreichen?', 'Was tun wir, wer hilft?'])
  })
})
