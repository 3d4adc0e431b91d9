import { z } from 'zod'

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
const id = z.string().min(1).max(200)
const audience = z.enum(['everyone', 'staff', 'facilitators'])

/** A hub message as it travels between nodes (Redis pub/sub), checked on arrival like any input. */
export const relayedMessageSchema = z.object({
  from: z.string().min(1).max(100),
  message: z.discriminatedUnion('topic', [
    z.object({ eventId: slug, topic: z.enum(['event', 'presence', 'reopened', 'deleted', 'display']), audience }),
    z.object({ eventId: slug, topic: z.literal('revoked'), audience, link: z.union([z.object({ role: z.literal('projector') }), z.object({ role: z.literal('facilitator') }), z.object({ role: z.literal('host'), tableId: id })]) }),
    z.object({ eventId: slug, topic: z.literal('guessing'), audience, wrongCodes: z.number().int().min(0), windowSeconds: z.number().min(0) }),
    z.object({ eventId: slug, topic: z.literal('programme'), audience, what: z.enum(['programme', 'counts']), participantIds: z.array(id).max(5000).optional() }),
    z.object({ eventId: slug, topic: z.literal('votes'), audience, stepId: id, participantId: id.optional() }),
    z.object({ eventId: slug, topic: z.literal('moderation'), audience, tableId: id.optional(), participantId: id.optional() }),
    z.object({ eventId: slug, topic: z.literal('groups'), audience, column: z.object({ tableId: id, stationId: id, columnId: id }) }),
  ]),
})
export type RelayedMessage = z.infer<typeof relayedMessageSchema>
