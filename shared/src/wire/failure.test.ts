import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { cardTextSchema } from '../cards/card.schema.js'
import { displayNameSchema } from '../cards/display-name.js'
import { joinCodeSchema } from '../access/join-code.js'
import { eventSetupSchema } from '../event/event-setup.schema.js'
import { roundSettingsSchema } from '../rounds/round.schema.js'
import { WINNENDEN_TEMPLATE } from '../template/winnenden-template.js'
import { apiErrorSchema, fail, failureSchema, invalidMessage } from './failure.js'
import { firstFieldIssue } from './field-issue.js'

const aSetup = () => ({
  title: 'Integrationsdialog',
  date: '2019-07-02',
  place: 'Winnenden',
  agenda: [],
  tables: [{ id: 'sprache', name: 'Sprache', host: '' }],
  template: WINNENDEN_TEMPLATE,
})
const issueOf = (result: { success: boolean; error?: { issues: readonly z.core.$ZodIssue[] } }) => firstFieldIssue(result.error!)

describe('field issues', () => {
  it.each([
    ['an empty card', cardTextSchema.safeParse('  '), { path: [], issue: 'required' }],
    ['a card over 280 characters', cardTextSchema.safeParse('x'.repeat(281)), { path: [], issue: 'too_big', origin: 'string', maximum: 280 }],
    ['a name with a control character', displayNameSchema.safeParse('An\u200bna'), { path: [], issue: 'invalid_format', format: 'plain_text' }],
    ['a join code of five characters', joinCodeSchema.safeParse('ACDEF'), { path: [], issue: 'too_small', origin: 'string', minimum: 6, exact: true }],
    ['a join code with a letter codes never use', joinCodeSchema.safeParse('ACDEF0'), { path: [], issue: 'invalid_format', format: 'join_code' }],
    ['a station of 2.5 minutes', roundSettingsSchema.safeParse({ stationMinutes: 2.5, graceSeconds: 0 }), { path: ['stationMinutes'], issue: 'not_integer' }],
    ['a station of 0 minutes', roundSettingsSchema.safeParse({ stationMinutes: 0, graceSeconds: 0 }), { path: ['stationMinutes'], issue: 'too_small', origin: 'number', minimum: 1 }],
  ])('names %s without zod wording', (_name, result, expected) => {
    expect(result.success).toBe(false)
    expect(issueOf(result)).toEqual(expected)
  })

  it('names a table that is there twice, with its id', () => {
    const setup = aSetup()
    const result = eventSetupSchema.safeParse({ ...setup, tables: [setup.tables[0], setup.tables[0]] })
    expect(issueOf(result)).toMatchObject({ issue: 'duplicate', value: setup.tables[0]!.id })
  })

  it('names a missing agenda time as a time of day', () => {
    const result = eventSetupSchema.safeParse({ ...aSetup(), agenda: [{ time: '9 Uhr', title: 'Begrüßung', detail: '' }] })
    expect(issueOf(result)).toEqual({ path: ['agenda', 0, 'time'], issue: 'invalid_format', format: 'time' })
  })
})

describe('failures on the wire', () => {
  it('builds INVALID_MESSAGE from a parse, with English text for logs only', () => {
    const ack = invalidMessage(cardTextSchema.safeParse('x'.repeat(300)).error!)
    expect(ack).toEqual({ ok: false, code: 'INVALID_MESSAGE', params: { path: [], issue: 'too_big', origin: 'string', maximum: 280 }, message: 'too_big (maximum 280)' })
  })

  it('keeps a known code and its fitting params, and drops params that do not fit', () => {
    expect(failureSchema.parse(fail('NOT_NOW', { reason: 'ALREADY_CLOSED' }))).toEqual({ code: 'NOT_NOW', params: { reason: 'ALREADY_CLOSED' } })
    expect(failureSchema.parse({ code: 'NOT_NOW', params: { reason: 'Die Runde ist vorbei' } })).toEqual({ code: 'NOT_NOW' })
    expect(failureSchema.parse({ code: 'STALE_VERSION', message: 'old text' })).toEqual({ code: 'STALE_VERSION' })
  })

  it('refuses an unknown code', () => {
    expect(failureSchema.safeParse({ code: 'SOMETHING_ELSE' }).success).toBe(false)
    expect(apiErrorSchema.safeParse({ message: 'Fehler' }).success).toBe(false)
  })

  it('reads an API error with its log text', () => {
    expect(apiErrorSchema.parse({ code: 'UNAUTHORIZED', params: { credential: 'admin_key' }, message: 'admin key required' })).toEqual({
      code: 'UNAUTHORIZED',
      params: { credential: 'admin_key' },
      message: 'admin key required',
    })
  })
})
