import { z } from 'zod'
import { FieldFormat } from '../wire/field-issue.js'

/** Letters and digits of join codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B to misread from a slide. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'
export const JOIN_CODE_LENGTH = 6

/** Upper-cases and strips spaces and dashes, so "ab3 d-ef" reads as "AB3DEF". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

export const joinCodeSchema = z
  .string()
  .transform(normalizeJoinCode)
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), FieldFormat.JOIN_CODE),
  )

/** Builds a join code from random bytes (passed in: shared/ draws no randomness itself). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new Error('need at least JOIN_CODE_LENGTH random bytes')
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length]
  return code
}
