import { z } from 'zod'
import { eventIdSchema, participantIdSchema, tableIdSchema } from '../ids.js'
import { roleSchema } from './role.schema.js'

/**
 * What a signed credential says: for which event, which role, which participant, and the event's
 * access epoch when it was issued (bumping the epoch revokes every older credential).
 */
export const credentialClaimsSchema = z.object({
  v: z.literal(1),
  e: eventIdSchema,
  r: roleSchema,
  p: participantIdSchema.optional(),
  n: z.number().int().nonnegative(),
  /** A table host's table: the credential opens only this table's board. */
  t: tableIdSchema.optional(),
})
export type CredentialClaims = z.infer<typeof credentialClaimsSchema>
