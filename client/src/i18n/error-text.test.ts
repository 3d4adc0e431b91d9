import { beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, FieldFormat, type FieldIssue, JOIN_CODE_ALPHABET, firstFieldIssue, joinCodeSchema, notNowReasonSchema } from '@tischrunde/shared'
import { errorText, fieldIssueText, fieldLabel, refusalText } from './error-text.js'
import { type Language, type Translate, loadLanguage, translate } from './index.js'
import './framing-wording.js'

const inLanguage = (lang: Language): Translate => (key, params) => translate(lang, key, params)
const de = inLanguage('de')
const en = inLanguage('en')

beforeAll(() => loadLanguage('en'))

describe('error wording', () => {
  it.each(Object.values(ErrorCode))('words %s in German and in English, differently', (code) => {
    const german = errorText(de, { code })
    const english = errorText(en, { code })
    expect(german).not.toBe(`errors.${code}`)
    expect(english).not.toBe(`errors.${code}`)
    expect(english).not.toBe(german)
  })

  it.each(notNowReasonSchema.options)('names the round rule %s in both languages', (reason) => {
    expect(errorText(de, { code: 'NOT_NOW', params: { reason } })).not.toBe(errorText(de, { code: 'NOT_NOW' }))
    expect(errorText(en, { code: 'NOT_NOW', params: { reason } })).not.toBe(errorText(en, { code: 'NOT_NOW' }))
  })

  it.each(Object.values(FieldFormat))('words the format %s in both languages', (format) => {
    const issue: FieldIssue = { path: [], issue: 'invalid_format', format }
    expect(fieldIssueText(de, issue)).not.toBe(fieldIssueText(de, { path: [], issue: 'invalid_format', format: 'regex' }))
    expect(fieldIssueText(en, issue)).not.toBe(fieldIssueText(en, { path: [], issue: 'invalid_format', format: 'regex' }))
  })

  it.each([
    [{ path: ['title'], issue: 'required' }, 'Titel: Bitte ausfüllen.', 'Title: Please fill this in.'],
    [{ path: ['text'], issue: 'too_big', origin: 'string', maximum: 280 }, 'Kartentext: Bitte höchstens 280 Zeichen.', 'Card text: Please use at most 280 characters.'],
    [{ path: ['tables', 2, 'name'], issue: 'too_big', origin: 'string', maximum: 120 }, 'Thementisch 3 – Name: Bitte höchstens 120 Zeichen.', 'Topic table 3 – name: Please use at most 120 characters.'],
    [{ path: ['stationMinutes'], issue: 'not_integer' }, 'Minuten pro Station: Bitte eine ganze Zahl angeben.', 'Minutes per station: Please enter a whole number.'],
    [{ path: ['format'], issue: 'invalid_value', allowed: ['pdf', 'md'] }, 'Format: Bitte eines davon wählen: pdf, md.', 'Format: Please choose one of: pdf, md.'],
    [{ path: ['tableNames'], issue: 'too_small', origin: 'array', minimum: 1 }, 'Thementische: Bitte mindestens einen Eintrag.', 'Topic tables: Please add at least one entry.'],
    [{ path: ['tableNames'], issue: 'too_small', origin: 'array', minimum: 2 }, 'Thementische: Bitte mindestens 2 Einträge.', 'Topic tables: Please add at least 2 entries.'],
    [{ path: ['tableNames'], issue: 'too_big', origin: 'array', maximum: 1 }, 'Thementische: Höchstens ein Eintrag.', 'Topic tables: At most one entry.'],
    [{ path: ['somethingNew', 0], issue: 'invalid' }, 'Diese Angabe ist ungültig.', 'This entry is invalid.'],
  ] satisfies [FieldIssue, string, string][])('words INVALID_MESSAGE %j with the field’s label, not its path', (params, german, english) => {
    expect(errorText(de, { code: 'INVALID_MESSAGE', params })).toBe(german)
    expect(errorText(en, { code: 'INVALID_MESSAGE', params })).toBe(english)
  })

  it.each([
    [{ path: [], issue: 'too_small', origin: 'array', minimum: 1 }, 'Bitte mindestens einen Eintrag.', 'Please add at least one entry.'],
    [{ path: [], issue: 'too_small', origin: 'array', minimum: 3 }, 'Bitte mindestens 3 Einträge.', 'Please add at least 3 entries.'],
    [{ path: [], issue: 'too_big', origin: 'array', maximum: 1 }, 'Höchstens ein Eintrag.', 'At most one entry.'],
    [{ path: [], issue: 'too_big', origin: 'array', maximum: 12 }, 'Höchstens 12 Einträge.', 'At most 12 entries.'],
    [{ path: [], issue: 'too_small', origin: 'string', minimum: 1 }, 'Bitte mindestens 1 Zeichen.', 'Please use at least 1 character.'],
    [{ path: [], issue: 'too_big', origin: 'string', maximum: 1 }, 'Bitte höchstens 1 Zeichen.', 'Please use at most 1 character.'],
  ] satisfies [FieldIssue, string, string][])('words a limit of one in the singular and others in the plural: %j', (params, german, english) => {
    expect(errorText(de, { code: 'INVALID_MESSAGE', params })).toBe(german)
    expect(errorText(en, { code: 'INVALID_MESSAGE', params })).toBe(english)
  })

  it('says what to do when an event holds as many logos as it may', () => {
    const failure = { code: 'LIMIT_REACHED', params: { what: 'logos', maximum: 24 } } as const
    expect(errorText(de, failure)).toMatch(/schon 24 hochgeladene Logos.*Rahmen speichern/)
    expect(errorText(en, failure)).toMatch(/already holds 24 uploaded logos.*Save framing/)
  })

  it('leaves the label out where the form shows the field already', () => {
    expect(errorText(de, { code: 'INVALID_MESSAGE', params: { path: ['title'], issue: 'required' } }, { label: false })).toBe('Bitte ausfüllen.')
  })

  it('words a field path of an older server by its label', () => {
    expect(errorText(de, { code: 'INVALID_MESSAGE', path: ['date'] })).toBe('Datum: Diese Angabe ist ungültig.')
  })

  it('has no label for a path it does not know', () => {
    expect(fieldLabel(de, ['x', 1])).toBeNull()
  })

  it('words the refusals a board sends, and any other generally', () => {
    for (const refusal of ['STATION_CLOSED', 'TOO_MANY_CARDS', 'TOO_FAST', 'STALE_COPY'] as const) {
      expect(refusalText(de, refusal)).not.toBe(refusalText(de, 'READ_ONLY'))
      expect(refusalText(en, refusal)).not.toBe(refusalText(en, 'READ_ONLY'))
    }
  })

  it('says of a code with letters no code uses which ones those are (a walk typed "ZZZZZZ": six letters, and told a code has six letters)', () => {
    const parsed = joinCodeSchema.safeParse('ZZZZZZ')
    expect(parsed.success).toBe(false)
    const issue = firstFieldIssue(parsed.error!)
    for (const t of [de, en]) {
      const text = fieldIssueText(t, issue)
      // Every letter or digit the text names as never used is indeed none of a code's.
      const named = [...text.matchAll(/(\w)\/(\w)(?:\/(\w))?/g)].flatMap((m) => m.slice(1).filter(Boolean))
      expect(named.length).toBeGreaterThanOrEqual(10)
      for (const c of named) expect(JOIN_CODE_ALPHABET).not.toContain(c!)
      expect(text).toContain('Z')
    }
  })
})
