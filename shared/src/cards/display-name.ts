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

/** The name to write on a card: trimmed, or none for an empty or invalid entry. */
export function cardAuthorName(input: string | null | undefined): string | undefined {
  const parsed = displayNameSchema.safeParse(input ?? '')
  return parsed.success ? parsed.data : undefined
}
