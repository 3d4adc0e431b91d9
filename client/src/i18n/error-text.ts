import type { Failure, FieldIssue, WriteRefusal } from '@tischrunde/shared'
import type { Translate } from './index.js'

/*
 * The one place where codes become words. Servers send codes and parameters (shared/src/wire);
 * schemas report FieldIssues; this module words both in the reader's language from the wording
 * files (keys `errors.*`, `fields.*`). Nothing a server or zod wrote is ever shown.
 */

/** A failure as the client may hold it: from the wire, or an older server's field path. */
export type ShownFailure = Failure & { path?: (string | number)[] | undefined }

/** The path's shape without list positions, joined with `_`: ['tables', 2, 'name'] → 'tables_name'. */
const shapeOf = (path: readonly (string | number)[]) => path.filter((p) => typeof p === 'string').join('_')

/**
 * The label of the field at `path`, as people call it ("Thementisch 3 – Name"), or null when the
 * path names nothing with a label (then the text stands alone).
 */
export function fieldLabel(t: Translate, path: readonly (string | number)[]): string | null {
  const shape = shapeOf(path)
  if (!shape) return null
  const index = path.find((p): p is number => typeof p === 'number')
  const key = `fields.${shape}`
  const label = t(key, { n: index === undefined ? '' : index + 1 })
  return label === key ? null : label
}

const LIMIT_KEY = { string: 'Chars', array: 'Entries', number: 'Value', file: 'File' } as const

/** Words one field issue. With `label`, the field's name goes first ("Titel: Bitte ausfüllen."). */
export function fieldIssueText(t: Translate, issue: FieldIssue, options: { label?: boolean } = {}): string {
  const text = issueWords(t, issue)
  const label = options.label ? fieldLabel(t, issue.path) : null
  return label ? t('errors.withField', { field: label, text }) : text
}

function issueWords(t: Translate, issue: FieldIssue): string {
  const origin = LIMIT_KEY[issue.origin ?? 'string']
  switch (issue.issue) {
    case 'required':
      return t('errors.field.required')
    case 'too_small':
      if (issue.exact) return t('errors.field.exactChars', { count: issue.minimum ?? 0 })
      // `count` picks the singular ("Bitte mindestens einen Eintrag.") where the wording has one.
      return t(`errors.field.min${origin}`, { min: issue.minimum ?? 0, count: issue.minimum ?? 0 })
    case 'too_big':
      if (issue.exact) return t('errors.field.exactChars', { count: issue.maximum ?? 0 })
      if (issue.origin === 'file') return t('errors.field.maxFile', { mb: Math.round(((issue.maximum ?? 0) / 1024 / 1024) * 10) / 10 })
      return t(`errors.field.max${origin}`, { max: issue.maximum ?? 0, count: issue.maximum ?? 0 })
    case 'not_integer':
      return t('errors.field.notInteger')
    case 'invalid_format': {
      const key = `errors.format.${issue.format ?? ''}`
      const text = t(key)
      return text === key ? t('errors.format.other') : text
    }
    case 'invalid_value':
      return issue.allowed?.length ? t('errors.field.oneOf', { allowed: issue.allowed.join(', ') }) : t('errors.field.invalid')
    case 'duplicate':
      return t('errors.field.duplicate', { value: issue.value ?? '' })
    case 'unknown_reference':
      return t('errors.field.unknownReference', { value: issue.value ?? '' })
    default:
      return t('errors.field.invalid')
  }
}

/**
 * A failure's number and text parameters, for wordings that name them ("länger als {{seconds}} Sekunden").
 * The number a wording counts (`maximum`, `seconds`) is also its `count`, which picks the singular for 1.
 */
function wordingParams(params: object): Record<string, string | number> {
  const words = Object.fromEntries(Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'))
  const counted = words.maximum ?? words.seconds
  return typeof counted === 'number' ? { count: counted, ...words } : words
}

/** Sub-keys of codes whose parameters pick a more precise wording. */
const DETAIL: Partial<Record<Failure['code'], string>> = {
  NOT_NOW: 'reason',
  UNAUTHORIZED: 'credential',
  FORBIDDEN: 'needs',
  NOT_FOUND: 'what',
  RATE_LIMITED: 'what',
  TIMED_OUT: 'what',
  BAD_JOIN_CODE: 'reason',
  LIMIT_REACHED: 'what',
}

/**
 * Words a failure: the most precise wording its parameters allow, else the code's own.
 * INVALID_MESSAGE names its field unless `label: false` (the form shows it at the field already).
 * @example errorText(t, { code: 'STALE_VERSION' }) // "Das wurde gerade schon geändert – vielleicht in einem anderen Tab. Der neue Stand wird jetzt angezeigt: bitte prüfen und bei Bedarf noch einmal auslösen."
 */
export function errorText(t: Translate, failure: ShownFailure, options: { label?: boolean } = {}): string {
  if (failure.code === 'INVALID_MESSAGE') {
    const issue: FieldIssue | undefined = failure.params ?? (failure.path ? { path: failure.path, issue: 'invalid' } : undefined)
    if (issue) return fieldIssueText(t, issue, { label: options.label ?? true })
  }
  const detailName = DETAIL[failure.code]
  const detail = detailName && failure.params ? (failure.params as Record<string, unknown>)[detailName] : undefined
  if (typeof detail === 'string') {
    const key = `errors.${failure.code}_${detail}`
    const text = t(key, wordingParams(failure.params ?? {}))
    if (text !== key) return text
  }
  return t(`errors.${failure.code}`)
}

/** Why the phone's last card was not taken (a refusal from the board, or a replaced device copy). */
export type BoardRefusal = WriteRefusal | 'STALE_COPY'

/** Words a refusal of a board write, for the banner above the texts to copy. */
export function refusalText(t: Translate, refusal: BoardRefusal): string {
  const key = `board.refusedBecause.${refusal}`
  const text = t(key)
  return text === key ? t('board.refusedBecause.other') : text
}
