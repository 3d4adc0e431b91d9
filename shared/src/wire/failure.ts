import { z } from 'zod'
import { roleSchema } from '../access/role.schema.js'
import type { RoundError } from '../rounds/round-machine.js'
import { ErrorCode } from './errors.js'
import { VOTE_REFUSALS } from '../harvest/vote-refusals.js'
import { type FieldIssue, fieldIssueSchema, firstFieldIssue } from './field-issue.js'

/** Every round rule's refusal (see round-machine.ts), as a list for the schema. */
const ROUND_ERRORS = ['ALREADY_CLOSED', 'NOT_STARTED', 'NOT_AT_STATION', 'NO_TIMER', 'NOT_PAUSED', 'ALREADY_PAUSED', 'UNKNOWN_STATION', 'NOT_IN_CHANGEOVER'] as const
// Fails to compile when round-machine.ts gains a refusal this list lacks.
const everyRoundError: Record<RoundError, true> = Object.fromEntries(ROUND_ERRORS.map((e) => [e, true])) as Record<(typeof ROUND_ERRORS)[number], true>
void everyRoundError

/**
 * Why NOT_NOW: a round rule (RoundError), or `TEMPLATE_LOCKED` — stations and columns can only be
 * renamed once the stations have started —, `TREE_GROUPS_IN_USE` — a setup of the tree method that
 * would leave groups with trees or people behind —, `TREE_OBJECTIVES_BROKEN` — a solution tree holding a
 * misplaced entry that the server does not extend —, `TREE_NO_CORE` — a problem tree without its core
 * problem, of which no solution tree can be made yet — or a voting rule (VoteRefusal: budget spent, frozen…).
 */
export const notNowReasonSchema = z.enum([...ROUND_ERRORS, 'TEMPLATE_LOCKED', 'TREE_GROUPS_IN_USE', 'TREE_OBJECTIVES_BROKEN', 'TREE_NO_CORE', ...VOTE_REFUSALS])
export type NotNowReason = z.infer<typeof notNowReasonSchema>

const none = z.object({})

/**
 * The typed parameters of each error code: what the client needs to word it, and nothing it shows
 * as is. Codes without parameters take an empty object (or none at all).
 */
export const errorParamsSchemas = {
  /** The first problem of the message, by field. */
  INVALID_MESSAGE: fieldIssueSchema,
  /** Which key was missing or wrong: an event's link, or the instance's admin key. */
  UNAUTHORIZED: z.object({ credential: z.enum(['link', 'admin_key']) }),
  /** The role the action needs. */
  FORBIDDEN: z.object({ needs: roleSchema }),
  /** `deleted`: the event existed and was deleted (its retention ended, or it was deleted by hand). */
  NOT_FOUND: z.object({ what: z.enum(['event', 'table', 'group', 'address']), deleted: z.boolean().optional() }),
  CONFLICT: none,
  /** What came too often: wrong join codes from one network, commands from one screen, exports at once, new events. */
  RATE_LIMITED: z.object({ what: z.enum(['join_codes', 'personal_codes', 'commands', 'exports', 'board_messages', 'event_creation', 'joins']) }),
  /** `unknown`: no event has this code; `malformed`: it cannot be a code (see the INVALID_MESSAGE-like `issue`); `deleted`: its event was deleted. */
  BAD_JOIN_CODE: z.object({ reason: z.enum(['unknown', 'malformed', 'deleted']) }),
  STORAGE_FAILED: none,
  STALE_VERSION: none,
  NOT_NOW: z.object({ reason: notNowReasonSchema }),
  SERVER_FULL: none,
  BAD_ORIGIN: none,
  /** Which cap, and its value: `events` — events on this installation (TISCHRUNDE_MAX_EVENTS); `logos` — logo files one event keeps. */
  LIMIT_REACHED: z.object({ what: z.enum(['events', 'logos']), maximum: z.number().int().nonnegative() }),
  /** What was stopped, and after how many seconds (the configured limit). */
  TIMED_OUT: z.object({ what: z.enum(['export']), seconds: z.number().int().positive() }),
  INTERNAL: none,
  NETWORK: none,
} as const satisfies Record<ErrorCode, z.ZodType>

/** The parameters of each code. */
export type ErrorParams = { [C in ErrorCode]: z.output<(typeof errorParamsSchemas)[C]> }

/** A named failure with its parameters: what every refusal, acknowledgement and API error carries. */
export type Failure = { [C in ErrorCode]: { code: C; params?: ErrorParams[C] } }[ErrorCode]

const wireFailureSchema = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  params: z.unknown().optional(),
  message: z.string().max(2000).optional(),
})

function toFailure(raw: { code: ErrorCode; params?: unknown }): Failure {
  const params = errorParamsSchemas[raw.code].safeParse(raw.params)
  return (params.success && raw.params !== undefined ? { code: raw.code, params: params.data } : { code: raw.code }) as Failure
}

/** Checks a failure from the wire: the code must be known; parameters that do not fit are dropped. */
export const failureSchema: z.ZodType<Failure> = wireFailureSchema.transform(toFailure)

/**
 * A failed answer as sent: the failure, and optionally English text for logs (never shown).
 * `path` is the field path of older servers; new code puts it in INVALID_MESSAGE's params.
 */
export type AckFailure = Failure & { ok: false; message?: string; /** @deprecated use `params.path` of INVALID_MESSAGE */ path?: (string | number)[] }

/**
 * Builds a failed answer.
 * @example fail(ErrorCode.NOT_NOW, { reason: 'ALREADY_CLOSED' })
 * @example fail(ErrorCode.STALE_VERSION, undefined, 'version 7 expected, 8 current')
 */
export function fail<C extends ErrorCode>(code: C, params?: ErrorParams[C], log?: string): AckFailure {
  return { ok: false, code, ...(params === undefined ? {} : { params }), ...(log ? { message: log } : {}) } as AckFailure
}

/** INVALID_MESSAGE for a failed parse, naming its first problem by field. */
export function invalidMessage(error: { readonly issues: readonly z.core.$ZodIssue[] }): AckFailure {
  const issue: FieldIssue = firstFieldIssue(error)
  return fail(ErrorCode.INVALID_MESSAGE, issue, describeIssue(issue))
}

/** English one-line description of a field issue, for logs: "tables.2.name: too_big (maximum 120)". */
export function describeIssue(issue: FieldIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  const limit = issue.maximum !== undefined ? ` (maximum ${issue.maximum})` : issue.minimum !== undefined ? ` (minimum ${issue.minimum})` : ''
  const detail = issue.format ? ` (${issue.format})` : issue.value !== undefined ? ` (${issue.value})` : ''
  return `${where}${issue.issue}${limit}${detail}`
}

/** An error body of the JSON API: a failure, with English text for logs. */
export type ApiError = Failure & { message?: string }

/** Checks an error body of the JSON API (see failureSchema). */
export const apiErrorSchema: z.ZodType<ApiError> = wireFailureSchema.transform((raw) => ({
  ...toFailure(raw),
  ...(raw.message ? { message: raw.message } : {}),
}))

/** An answer to a command: ok (with data, for commands that return some), or a failure. */
export type Ack<T = undefined> = (T extends undefined ? { ok: true } : { ok: true; data: T }) | AckFailure
