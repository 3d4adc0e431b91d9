import { z } from 'zod'
import { fencingTokenSchema } from './lease-value.schema.js'

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
const id = z.string().min(1).max(200)
const audience = z.enum(['everyone', 'staff', 'facilitators'])

/**
 * A hub message as it travels between nodes (Redis pub/sub), checked on arrival like any input.
 * `deleted` names the event's fence as its deletion raised it: a message that arrives late must
 * not touch a later event of the same id (made, or imported, since), whose lease is taken under a
 * higher token. Without it (a node of an older version) only the event's absence is checked.
 */
export const relayedMessageSchema = z.object({
  from: z.string().min(1).max(100),
  message: z.discriminatedUnion('topic', [
    z.object({ eventId: slug, topic: z.enum(['event', 'presence', 'reopened', 'display']), audience }),
    z.object({ eventId: slug, topic: z.literal('deleted'), audience, fence: fencingTokenSchema.optional() }),
    z.object({ eventId: slug, topic: z.literal('revoked'), audience, link: z.union([z.object({ role: z.literal('projector') }), z.object({ role: z.literal('facilitator') }), z.object({ role: z.literal('host'), tableId: id })]) }),
    z.object({ eventId: slug, topic: z.literal('guessing'), audience, wrongCodes: z.number().int().min(0), windowSeconds: z.number().min(0) }),
    z.object({ eventId: slug, topic: z.literal('programme'), audience, what: z.enum(['programme', 'counts']), participantIds: z.array(id).max(5000).optional() }),
    z.object({ eventId: slug, topic: z.literal('votes'), audience, stepId: id, participantId: id.optional() }),
    z.object({ eventId: slug, topic: z.literal('moderation'), audience, tableId: id.optional(), participantId: id.optional() }),
    z.object({ eventId: slug, topic: z.literal('groups'), audience, column: z.object({ tableId: id, stationId: id, columnId: id }) }),
  ]),
})
export type RelayedMessage = z.infer<typeof relayedMessageSchema>
