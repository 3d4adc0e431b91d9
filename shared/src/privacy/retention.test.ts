import { describe, expect, it } from 'vitest'
import { addDays, checkDeleteOn, defaultDeleteOn, retentionDue, retentionView } from './retention.js'

const at = (iso: string) => Date.parse(iso)

describe('retention', () => {
  it.each([
    // event date, created, default deletion date
    ['2026-11-23', '2026-10-01T09:00:00Z', '2026-12-23'],
    ['2026-02-15', '2026-01-20T09:00:00Z', '2026-03-17'],
    // an event created after its day (a seeded or imported past day) keeps the full 30 days from its creation
    ['2019-07-02', '2026-11-30T09:00:00Z', '2026-12-30'],
  ])('an event on %s created %s is deleted on %s by default', (date, created, expected) => {
    expect(defaultDeleteOn(date, at(created))).toBe(expected)
  })

  it('counts the days left and warns from seven days before', () => {
    const created = at('2026-10-01T00:00:00Z')
    expect(retentionView('2026-11-23', created, undefined, at('2026-12-15T12:00:00Z'))).toEqual({ deleteOn: '2026-12-23', chosen: false, daysLeft: 8, warning: false })
    expect(retentionView('2026-11-23', created, undefined, at('2026-12-16T12:00:00Z'))).toMatchObject({ daysLeft: 7, warning: true })
    expect(retentionView('2026-11-23', created, { deleteOn: '2027-03-01' }, at('2026-12-16T12:00:00Z'))).toMatchObject({ deleteOn: '2027-03-01', chosen: true, warning: false })
  })

  it('is due from the start of the deletion day, not a moment before', () => {
    expect(retentionDue({ deleteOn: '2026-12-23' }, at('2026-12-22T23:59:59Z'))).toBe(false)
    expect(retentionDue({ deleteOn: '2026-12-23' }, at('2026-12-23T00:00:00Z'))).toBe(true)
  })

  it('accepts a chosen date from tomorrow up to two years ahead', () => {
    const now = at('2026-11-30T10:00:00Z')
    expect(checkDeleteOn('2026-11-30', now, '2026-11-01')).toBe('NOT_IN_FUTURE')
    expect(checkDeleteOn('2026-12-01', now, '2026-11-01')).toBeNull()
    expect(checkDeleteOn(addDays('2026-11-30', 730), now, '2026-11-01')).toBeNull()
    expect(checkDeleteOn(addDays('2026-11-30', 731), now, '2026-11-01')).toBe('TOO_LATE')
    // An event still ahead: not deleted before (or on) its day.
    expect(checkDeleteOn('2026-12-07', now, '2026-12-10')).toBe('BEFORE_EVENT')
    expect(checkDeleteOn('2026-12-10', now, '2026-12-10')).toBe('BEFORE_EVENT')
    expect(checkDeleteOn('2026-12-11', now, '2026-12-10')).toBeNull()
  })

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })
})

describe('the deletion date a facilitator sends', () => {
  it('must be a day of the calendar', async () => {
    const { setRetentionRequestSchema } = await import('./retention.js')
    expect(setRetentionRequestSchema.safeParse({ deleteOn: '2027-02-28' }).success).toBe(true)
    expect(setRetentionRequestSchema.safeParse({ deleteOn: '2027-02-31' }).success).toBe(false)
    expect(setRetentionRequestSchema.safeParse({ deleteOn: '2027-2-3' }).success).toBe(false)
  })
})
