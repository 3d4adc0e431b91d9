import { z } from 'zod'
import { eventIdSchema, participantIdSchema, tableIdSchema } from '../ids.js'
import { roleSchema } from './role.schema.js'

/**
 * What a signed credential says: for which event, which role, which participant, which table (a
 * table host's), and the event's access epoch when it was issued (bumping the epoch revokes every
 * older credential).
 */
export const credentialClaimsSchema = z.object({
  event: eventIdSchema,
  role: roleSchema,
  participant: participantIdSchema.optional(),
  epoch: z.number().int().nonnegative(),
  /** A table host's table: the credential opens only this table's board. */
  table: tableIdSchema.optional(),
})
export type CredentialClaims = z.infer<typeof credentialClaimsSchema>

/** The signed body as issued now: the claims with a format version. */
export const credentialBodySchema = credentialClaimsSchema.extend({ v: z.literal(2) })

/**
 * The first format (single-letter fields), still accepted so links already handed out keep
 * working; read into the named claims.
 */
const legacyCredentialBodySchema = z
  .object({
    v: z.literal(1),
    e: eventIdSchema,
    r: roleSchema,
    p: participantIdSchema.optional(),
    n: z.number().int().nonnegative(),
    t: tableIdSchema.optional(),
  })
  .transform(({ e, r, p, n, t }): CredentialClaims => ({ event: e, role: r, epoch: n, ...(p ? { participant: p } : {}), ...(t ? { table: t } : {}) }))

/** Reads a verified credential body of either format into named claims. */
export const anyCredentialBodySchema = z.union([
  credentialBodySchema.transform(({ v: _v, ...claims }): CredentialClaims => claims),
  legacyCredentialBodySchema,
])
