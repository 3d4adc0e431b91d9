import { z } from 'zod'
import { publicEventViewSchema } from './api.schema.js'
import { tableIdSchema } from '../ids.js'

/** Bumped when a message changes incompatibly; clients send it in the handshake. */
export const WIRE_VERSION = 1

/** The Socket.IO handshake: a credential for one event. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(10).max(2000),
  wire: z.literal(WIRE_VERSION),
})
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>

/** Every command a client may send over Socket.IO (board contents travel over Yjs). */
export const clientEvents = {
  /** A phone tells which table it sits at, for the presence counts. null: none chosen yet. */
  'presence:table': z.object({ tableId: tableIdSchema.nullable() }),
} as const
export type ClientEventName = keyof typeof clientEvents
export type ClientEventPayload<N extends ClientEventName> = z.infer<(typeof clientEvents)[N]>

/** Connected participants per table; `unseated` counts phones that have not picked a table. */
export const presenceCountsSchema = z.object({
  byTable: z.record(z.string(), z.number().int().nonnegative()),
  unseated: z.number().int().nonnegative(),
  projectors: z.number().int().nonnegative(),
  facilitators: z.number().int().nonnegative(),
})
export type PresenceCounts = z.infer<typeof presenceCountsSchema>

/** Every message the server sends over Socket.IO. */
export const serverEvents = {
  'event:state': publicEventViewSchema,
  'presence:counts': presenceCountsSchema,
} as const
export type ServerEventName = keyof typeof serverEvents
export type ServerEventPayload<N extends ServerEventName> = z.infer<(typeof serverEvents)[N]>
