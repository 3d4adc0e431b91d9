import { z } from 'zod'

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX = 40

/**
 * A participant's optional name, as typed on the phone ("Anna", "Jugendmigrationsdienst").
 * Anonymous is the default; screens show names only when the facilitator turns them on.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Bitte einen Namen eingeben oder das Feld leer lassen.')
  .max(DISPLAY_NAME_MAX, `Höchstens ${DISPLAY_NAME_MAX} Zeichen.`)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'Der Name enthält unsichtbare Steuerzeichen.')

/** The name to write on a card: trimmed, or none for an empty or invalid entry. */
export function cardAuthorName(input: string | null | undefined): string | undefined {
  const parsed = displayNameSchema.safeParse(input ?? '')
  return parsed.success ? parsed.data : undefined
}
