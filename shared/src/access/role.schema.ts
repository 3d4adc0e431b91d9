import { z } from 'zod'

/**
 * Who is speaking to the server. Facilitators run the event; table hosts write on behalf of a table;
 * participants write cards; projectors only read.
 */
export const roleSchema = z.enum(['facilitator', 'host', 'participant', 'projector'])
export type Role = z.infer<typeof roleSchema>

/** Roles that may write cards to a board. */
export const WRITER_ROLES: readonly Role[] = ['facilitator', 'host', 'participant']

/** Whether a role may change board contents at all. */
export function mayWriteBoards(role: Role): boolean {
  return WRITER_ROLES.includes(role)
}
