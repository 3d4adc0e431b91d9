import { describe, expect, it } from 'vitest'
import { cardAuthorName, displayNameSchema, plainName } from './display-name.js'
import { programmeClientEvents } from '../programme/programme-events.js'

describe('a name typed on a phone', () => {
  it('loses only the invisible characters a plain line refuses, and is taken then', () => {
    // A zero-width joiner inside an emoji, a soft hyphen and a zero-width space pasted along.
    const typed = ' Anna 👩\u200d💻 Mül\u00adler\u200b '
    expect(displayNameSchema.safeParse(typed).success).toBe(false)
    expect(plainName(typed)).toBe('Anna 👩💻 Müller')
    expect(cardAuthorName(typed)).toBe('Anna 👩💻 Müller')
    // The workshop choice that carries it is taken (it was refused as an invalid message, every time).
    expect(programmeClientEvents['programme:choose'].safeParse({ phaseId: 'phase-1', workshopId: 'w1', displayName: plainName(typed) }).success).toBe(true)
    expect(plainName('Jugendmigrationsdienst')).toBe('Jugendmigrationsdienst')
  })
})
