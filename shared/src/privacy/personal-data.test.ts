import { describe, expect, it } from 'vitest'
import { personalDataFields, registerPersonalData } from './personal-data.js'

describe('the personal-data registry', () => {
  it('names display names and card texts, each with purpose, place and audience', () => {
    const ids = personalDataFields().map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['card.authorName', 'card.text', 'event.tables.host']))
    for (const f of personalDataFields()) for (const part of [f.what, f.purpose, f.where, f.visibleTo]) expect(part.length).toBeGreaterThan(5)
  })

  it('refuses a field registered twice', () => {
    expect(() => registerPersonalData({ ...personalDataFields()[0]! })).toThrow(/twice/)
  })
})

describe('the privacy notice', () => {
  it('takes http(s) links only', async () => {
    const { privacyNoticeSchema } = await import('./privacy-notice.js')
    expect(privacyNoticeSchema.safeParse({ privacyUrl: 'https://www.winnenden.de/datenschutz' }).success).toBe(true)
    expect(privacyNoticeSchema.safeParse({ privacyUrl: 'javascript:alert(1)' }).success).toBe(false)
    expect(privacyNoticeSchema.safeParse({ imprintUrl: 'data:text/html,x' }).success).toBe(false)
    expect(privacyNoticeSchema.parse({})).toEqual({ privacyText: '', privacyUrl: '', imprintText: '', imprintUrl: '' })
  })
})
