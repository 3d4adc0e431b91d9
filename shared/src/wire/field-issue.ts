import { z } from 'zod'

/**
 * What is wrong with one field of a message, independent of zod's issue format, so the client can
 * word it in the reader's language. Schemas in shared/ carry no wording: where a check needs a
 * name (a regex, a custom rule), its message is one of the codes below.
 */
export const FieldIssueKind = {
  /** An empty text where one is needed. */
  REQUIRED: 'required',
  /** Shorter, fewer or smaller than `minimum` (`exact`: must be exactly `minimum`). */
  TOO_SMALL: 'too_small',
  /** Longer, more or larger than `maximum` (`exact`: must be exactly `maximum`). */
  TOO_BIG: 'too_big',
  /** A number that must be whole. */
  NOT_INTEGER: 'not_integer',
  /** Text in the wrong shape; `format` names the shape (see FieldFormat). */
  INVALID_FORMAT: 'invalid_format',
  /** Not one of the `allowed` values. */
  INVALID_VALUE: 'invalid_value',
  /** The wrong kind of value (a text where a number belongs, a missing object). */
  INVALID_TYPE: 'invalid_type',
  /** The same `value` twice where each must be unique (two tables of one name). */
  DUPLICATE: 'duplicate',
  /** A `value` that names something that does not exist (a table id in an import file). */
  UNKNOWN_REFERENCE: 'unknown_reference',
  /** Anything else. */
  INVALID: 'invalid',
} as const
export type FieldIssueKind = (typeof FieldIssueKind)[keyof typeof FieldIssueKind]

/**
 * Named text shapes. Used as the message of a schema's regex check, so the shape survives into the
 * issue; the client words each one ("Uhrzeit als HH:MM").
 */
export const FieldFormat = {
  /** A calendar date, YYYY-MM-DD. */
  DATE: 'date',
  /** A time of day, HH:MM. */
  TIME: 'time',
  /** A join code: six characters of the join-code alphabet. */
  JOIN_CODE: 'join_code',
  /** Text without invisible control characters. */
  PLAIN_TEXT: 'plain_text',
  /** An id: a slug (lower-case letters, digits, dashes) or a random id. */
  ID: 'id',
  /** A request body that is JSON. */
  JSON: 'json',
} as const
export type FieldFormat = (typeof FieldFormat)[keyof typeof FieldFormat]

/** What a limit counts: characters of a text, entries of a list, a number's value, a file's bytes. */
export const limitOriginSchema = z.enum(['string', 'array', 'number', 'file'])
export type LimitOrigin = z.infer<typeof limitOriginSchema>

const pathSchema = z.array(z.union([z.string().max(80), z.number().int()])).max(32)

/**
 * One field problem as it travels on the wire (the params of INVALID_MESSAGE).
 * @example { path: ['text'], issue: 'too_big', origin: 'string', maximum: 280 }
 */
export const fieldIssueSchema = z.object({
  /** Where in the message: ['tables', 2, 'name']; empty for the message as a whole. */
  path: pathSchema.default([]),
  issue: z.enum(Object.values(FieldIssueKind) as [FieldIssueKind, ...FieldIssueKind[]]),
  origin: limitOriginSchema.optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  /** The limit is an exact length (a join code has exactly six characters). */
  exact: z.boolean().optional(),
  /** A FieldFormat, or another format name (shown generically). */
  format: z.string().max(40).optional(),
  /** The offending value where it helps (a duplicate id). */
  value: z.string().max(200).optional(),
  allowed: z.array(z.string().max(40)).max(20).optional(),
})
export type FieldIssue = z.output<typeof fieldIssueSchema>

/** Parameters a schema's own `ctx.addIssue({ code: 'custom', params })` may carry to name its issue. */
export type CustomIssueParams = { issue: typeof FieldIssueKind.DUPLICATE | typeof FieldIssueKind.UNKNOWN_REFERENCE; value?: string }

/** Params of a custom issue: `value` is there twice. */
export const duplicate = (value: string): CustomIssueParams => ({ issue: FieldIssueKind.DUPLICATE, value })
/** Params of a custom issue: `value` names something that does not exist. */
export const unknownReference = (value: string): CustomIssueParams => ({ issue: FieldIssueKind.UNKNOWN_REFERENCE, value })

const KNOWN_FORMATS = new Set<string>(Object.values(FieldFormat))
const KNOWN_KINDS = new Set<string>(Object.values(FieldIssueKind))

function originOf(origin: unknown): LimitOrigin | undefined {
  if (origin === 'string' || origin === 'array' || origin === 'number') return origin
  if (origin === 'int' || origin === 'bigint') return 'number'
  if (origin === 'set') return 'array'
  return undefined
}

/** The path without symbols (zod allows them; the wire does not). */
export function plainPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== 'symbol')
}

/**
 * Turns one zod issue into a FieldIssue. Known shapes (required, limits, named formats, duplicates)
 * keep their meaning; anything else becomes `invalid` or `invalid_type` — never zod's wording.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue): FieldIssue {
  const path = plainPath(issue.path)
  const origin = 'origin' in issue ? originOf(issue.origin) : undefined
  const exact = 'exact' in issue && issue.exact === true ? { exact: true } : {}
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string' && Number(issue.minimum) <= 1 && !issue.exact) return { path, issue: 'required' }
      return { path, issue: 'too_small', ...(origin ? { origin } : {}), minimum: Number(issue.minimum), ...exact }
    case 'too_big':
      return { path, issue: 'too_big', ...(origin ? { origin } : {}), maximum: Number(issue.maximum), ...exact }
    case 'invalid_format':
      return { path, issue: 'invalid_format', format: KNOWN_FORMATS.has(issue.message) ? issue.message : issue.format }
    case 'invalid_type':
      return { path, issue: issue.expected === 'int' ? 'not_integer' : 'invalid_type' }
    case 'invalid_value':
      return { path, issue: 'invalid_value', allowed: issue.values.slice(0, 20).map((v) => String(v).slice(0, 40)) }
    case 'custom': {
      const named = issue.params as Partial<CustomIssueParams> | undefined
      if (named?.issue && KNOWN_KINDS.has(named.issue))
        return { path, issue: named.issue, ...(named.value !== undefined ? { value: String(named.value).slice(0, 200) } : {}) }
      return { path, issue: 'invalid' }
    }
    default:
      return { path, issue: 'invalid' }
  }
}

/** The first problem of a failed parse as a FieldIssue (a bare `invalid` if zod reported none). */
export function firstFieldIssue(error: { readonly issues: readonly z.core.$ZodIssue[] }): FieldIssue {
  const first = error.issues[0]
  return first ? fieldIssueOf(first) : { path: [], issue: 'invalid' }
}
