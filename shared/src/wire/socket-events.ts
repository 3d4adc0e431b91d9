import { z } from 'zod'
import { publicEventViewSchema } from './api.schema.js'
import { slugIdSchema, tableIdSchema, stationIdSchema } from '../ids.js'
import { roundSettingsSchema, roundStateSchema } from '../rounds/round.schema.js'
import { eventSetupSchema } from '../event/event-setup.schema.js'

/** Bumped when a message changes incompatibly; clients send it in the handshake. */
export const WIRE_VERSION = 1

/** The Socket.IO handshake: a credential for one event. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(10).max(2000),
  wire: z.literal(WIRE_VERSION),
})
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>

/** Every command a client may send over Socket.IO (board contents travel over Yjs). */
const versioned = z.object({ expectedVersion: z.number().int().nonnegative() })

export const clientEvents = {
  /** A phone tells which table it sits at, for the presence counts. null: none chosen yet. */
  'presence:table': z.object({ tableId: tableIdSchema.nullable() }),
  /** Facilitator: next step (start → Station 1 → … → review → closed). */
  'round:advance': versioned,
  /** Facilitator: one step back. */
  'round:back': versioned,
  'round:pause': versioned,
  'round:resume': versioned,
  /** Facilitator: add minutes to the running station's timer. */
  'timer:extend': versioned.extend({ minutes: z.number().int().min(1).max(60) }),
  /** Facilitator: minutes per station and grace period before boards lock. */
  'round:configure': z.object({ settings: roundSettingsSchema }),
  /** Facilitator: lock or unlock one station's boards for participants. */
  'station:lock': z.object({ stationId: stationIdSchema, locked: z.boolean() }),
  /** Facilitator: title, date, place, agenda, tables and template. */
  'event:update': z.object({ setup: eventSetupSchema }),
  /** Facilitator: show participants' names on the projector and phones, or keep everyone anonymous. */
  'event:display': z.object({ showNames: z.boolean() }),
  /** Facilitator: create (or extend) a group's objective tree from its problem tree. */
  'tree:objectives': z.object({ groupId: slugIdSchema }),
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
/** The round state with the server's clock at sending, so screens can correct their own clock. */
export const roundMessageSchema = z.object({ round: roundStateSchema, serverNow: z.number().int() })
export type RoundMessage = z.infer<typeof roundMessageSchema>

export const serverEvents = {
  'event:state': publicEventViewSchema,
  'round:state': roundMessageSchema,
  'presence:counts': presenceCountsSchema,
} as const
export type ServerEventName = keyof typeof serverEvents
export type ServerEventPayload<N extends ServerEventName> = z.infer<(typeof serverEvents)[N]>
