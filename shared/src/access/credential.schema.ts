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
  /**
   * The generation of this one link (a projector's or a table host's) when it was issued; absent
   * means 0. Renewing that link bumps its generation and revokes only the older copies of it.
   */
  gen: z.number().int().nonnegative().optional(),
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

/**
 * Generations of the links a facilitator can renew one by one, kept in the event's access record.
 * Missing entries are 0, so records written before this field existed need no migration.
 */
export const credentialGenerationsSchema = z.object({
  /** The projector link (every projector screen shares it). */
  projector: z.number().int().nonnegative().default(0),
  /** The facilitator link (every console opened with it). */
  facilitator: z.number().int().nonnegative().default(0),
  /** Each table host's link, by table. */
  hosts: z.record(tableIdSchema, z.number().int().nonnegative()).default(() => ({})),
})
export type CredentialGenerations = z.infer<typeof credentialGenerationsSchema>

/** A fresh event's generations: every link at 0. */
export const INITIAL_GENERATIONS = (): CredentialGenerations => ({ projector: 0, facilitator: 0, hosts: {} })

/**
 * The generation a credential must carry to be valid now: the projector's, the facilitators' or its
 * table host's; 0 for participants (they are revoked with the whole access epoch).
 */
export function currentGeneration(generations: CredentialGenerations, claims: Pick<CredentialClaims, 'role' | 'table'>): number {
  if (claims.role === 'projector') return generations.projector
  if (claims.role === 'facilitator') return generations.facilitator
  if (claims.role === 'host' && claims.table !== undefined) return Object.hasOwn(generations.hosts, claims.table) ? (generations.hosts[claims.table] ?? 0) : 0
  return 0
}

/**
 * What a facilitator renews on its own (POST /api/events/:id/revoke): the projector link, one
 * table host's link, or the participants' join code. Everything else keeps working.
 */
export const revokeRequestSchema = z.discriminatedUnion('credential', [
  z.object({ credential: z.literal('projector') }),
  z.object({ credential: z.literal('facilitator') }),
  z.object({ credential: z.literal('host'), tableId: tableIdSchema }),
  z.object({ credential: z.literal('join-code') }),
])
export type RevokeRequest = z.infer<typeof revokeRequestSchema>

/** A revoked link whose open sockets are to be closed: the projector's, the facilitators', or one table host's. */
export type RevokedLink = { role: 'projector' } | { role: 'facilitator' } | { role: 'host'; tableId: string }

/** The link a renewal (other than the join code's) revokes. */
export function revokedLinkOf(which: Exclude<RevokeRequest, { credential: 'join-code' }>): RevokedLink {
  return which.credential === 'host' ? { role: 'host', tableId: which.tableId } : { role: which.credential }
}

/** Whether a connection of `holder` (role and table) was opened with the link `revoked`. */
export function openedWith(holder: { role: string; tableId: string | null }, revoked: RevokedLink): boolean {
  if (revoked.role === 'projector' || revoked.role === 'facilitator') return holder.role === revoked.role
  return holder.role === 'host' && holder.tableId === revoked.tableId
}

/** The generations after renewing `link`: its number one higher, every other one unchanged. */
export function bumpGeneration(generations: CredentialGenerations, link: RevokedLink): CredentialGenerations {
  if (link.role === 'projector') return { ...generations, projector: generations.projector + 1 }
  if (link.role === 'facilitator') return { ...generations, facilitator: generations.facilitator + 1 }
  const had = Object.hasOwn(generations.hosts, link.tableId) ? (generations.hosts[link.tableId] ?? 0) : 0
  return { ...generations, hosts: { ...generations.hosts, [link.tableId]: had + 1 } }
}
