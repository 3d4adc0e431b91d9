import { z } from 'zod'
import { FieldFormat } from '../wire/field-issue.js'

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX = 40

/**
 * One line of plain text: no control or format characters (line breaks, escape sequences, bidi
 * overrides, zero-width marks) and no lone surrogate halves, which would reach lists, exports and
 * other people's screens as they are.
 */
export const PLAIN_LINE = /^[^\p{Cc}\p{Cf}\p{Cs}]*$/u

/**
 * A participant's optional name, as typed on the phone ("Anna", "Jugendmigrationsdienst").
 * Anonymous is the default; screens show names only when the facilitator turns them on.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(DISPLAY_NAME_MAX)
  .regex(PLAIN_LINE, FieldFormat.PLAIN_TEXT)

/**
 * A typed name as it can be sent: the invisible characters a plain line refuses taken out (the
 * zero-width joiner inside an emoji like 👩‍💻, a soft hyphen or zero-width space pasted along), trimmed.
 * Refused as they were, they made every workshop choice fail and put cards under no name.
 * @example plainName(' Anna 👩\u200d💻 ') // "Anna 👩💻"
 */
export function plainName(input: string): string {
  return input.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '').trim()
}

/** The name to write on a card: trimmed, without invisible characters, or none for an empty or invalid entry. */
export function cardAuthorName(input: string | null | undefined): string | undefined {
  const parsed = displayNameSchema.safeParse(plainName(input ?? ''))
  return parsed.success ? parsed.data : undefined
}
