import { describe, expect, it } from 'vitest'
import { eventSchema } from '../event/event.schema.js'
import { eventFramingSchema, hasFraming, paragraphs } from './framing.schema.js'

const event = {
  id: 'winnenden',
  title: 'Regionalkonferenz',
  date: '2019-07-02',
  tables: [],
  template: { method: 'world-cafe', stations: [{ id: 'station-1', title: 'Station 1', prompt: 'Was läuft gut?', columns: [{ id: 'gut', title: 'Gut' }] }] },
}

describe('the framing schema', () => {
  it('an event stored before framing existed still loads, with none', () => {
    const parsed = eventSchema.parse(event)
    expect(parsed.framing).toBeUndefined()
    expect(hasFraming(parsed.framing)).toBe(false)
  })

  it('fills what is left out and trims what is typed', () => {
    expect(eventFramingSchema.parse({ subtitle: '  Integrationskonferenz ', organisers: [{ name: ' Stadt Winnenden ' }] })).toEqual({
      subtitle: 'Integrationskonferenz',
      organisers: [{ name: 'Stadt Winnenden', logoId: null }],
      intro: '',
      outlook: '',
    })
  })

  it('refuses an empty organiser name and a logo id the server could not have made', () => {
    expect(eventFramingSchema.safeParse({ organisers: [{ name: '  ' }] }).success).toBe(false)
    expect(eventFramingSchema.safeParse({ organisers: [{ name: 'A', logoId: '../../etc/passwd' }] }).success).toBe(false)
  })

  it('splits texts into paragraphs at blank lines', () => {
    expect(paragraphs('Erster Absatz\nmit Zeile.\n\n  \n\nZweiter.')).toEqual(['Erster Absatz\nmit Zeile.', 'Zweiter.'])
  })
})
