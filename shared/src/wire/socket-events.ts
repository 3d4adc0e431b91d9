import { z } from 'zod'
import { publicEventViewSchema } from './api.schema.js'
import { slugIdSchema, tableIdSchema, stationIdSchema } from '../ids.js'
import { STATION_MINUTES_MAX, roundSettingsSchema, roundStateSchema } from '../rounds/round.schema.js'
import { projectorDisplayMessageSchema, projectorDisplaySchema } from '../rounds/projector-display.js'
import { eventSetupSchema } from '../event/event-setup.schema.js'
// Types only: the programme's schemas stay out of bundles that do not use them (the phone's main chunk).
import type { programmeClientEvents, programmeServerEvents } from '../programme/programme-events.js'
import { treeMethodSchema } from '../kinds/tree/tree-method.schema.js'
import { cardModerateSchema, stationModerationSchema, stationRevealSchema } from '../kinds/moderation/moderation.schema.js'
import { groupClientEvents, harvestClientEvents, harvestServerEvents } from '../harvest/harvest-wire.js'
import { moderationServerEvents } from '../kinds/moderation/moderation-wire.js'

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
  /**
   * A phone tells which table it sits at (null: none chosen yet), for the presence counts, and where
   * it sat at which station, for the rotation suggestions.
   */
  'presence:table': z.object({
    tableId: tableIdSchema.nullable(),
    visits: z
      .record(stationIdSchema, tableIdSchema)
      .refine((v) => Object.keys(v).length <= 8)
      .default({}),
  }),
  /** Facilitator: next step (start → Station 1 → … → review → closed). */
  'round:advance': versioned,
  /** Facilitator: one step back. */
  'round:back': versioned,
  /** Facilitator: the day ends at once (a day of workshops alone has no stations to step through). */
  'round:end': versioned,
  'round:pause': versioned,
  'round:resume': versioned,
  /** Facilitator: add (or, negative, take) minutes on the running station's timer. */
  'timer:extend': versioned.extend({ minutes: z.number().int().min(-60).max(60).refine((m) => m !== 0) }),
  /** Facilitator: set the running station's timer to exactly this many minutes from now. */
  'timer:set': versioned.extend({ minutes: z.number().int().min(0).max(STATION_MINUTES_MAX) }),
  /** Facilitator: end the changeover early; the station's timer starts now. */
  'timer:start': versioned,
  /** Facilitator: what the projectors show (view, table, review position, spotlight). */
  'projector:show': z.object({ display: projectorDisplaySchema, only: z.literal('language').optional() }),
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
  /** Facilitator: read every table's actor columns into the event's actor map again. */
  'actors:refresh': z.object({}),
  /** Participant: their value of the tree method's attribute; the server places them in a group (ack data: `{ groupId }`). */
  'tree:join': z.object({ value: z.string().trim().min(1).max(80) }),
  /** Facilitator: how the event runs the tree method (groups by an attribute, phases by stations). */
  'tree:configure': z.object({ method: treeMethodSchema }),
  /** Facilitator or the table's host: hide, restore, approve or refuse one card. */
  'card:moderate': cardModerateSchema,
  /** Facilitator: approval and collect-then-reveal modes of a station (null: approval for the whole event). */
  'station:moderation': stationModerationSchema,
  /** Facilitator: reveal a station's collected cards on every table at once. */
  'station:reveal': stationRevealSchema,
  /** Dot voting: open/freeze a step (facilitator), place or take back a dot (participant). */
  ...harvestClientEvents,
  ...groupClientEvents,
} as const
/** Every command, also the programme's (programme-events.ts; the server checks them with `everyClientEvent`). */
type AllClientEvents = typeof clientEvents & typeof programmeClientEvents
export type ClientEventName = keyof AllClientEvents
export type ClientEventPayload<N extends ClientEventName> = z.infer<AllClientEvents[N]>

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

/**
 * To facilitators: someone is trying join codes that open no event (wrong codes answered in the
 * last `windowSeconds`, over every event of the installation). Right codes still get in.
 */
export const joinGuessingSchema = z.object({
  wrongCodes: z.number().int().nonnegative(),
  windowSeconds: z.number().int().positive(),
})
export type JoinGuessing = z.infer<typeof joinGuessingSchema>
/** To one phone: the table suggested to it for the station that starts (a suggestion, not a rule). */
export const rotationSuggestionSchema = z.object({ stationId: stationIdSchema, tableId: tableIdSchema })
export type RotationSuggestion = z.infer<typeof rotationSuggestionSchema>

export const serverEvents = {
  'event:state': publicEventViewSchema,
  'round:state': roundMessageSchema,
  'presence:counts': presenceCountsSchema,
  'access:guessing': joinGuessingSchema,
  'rotation:suggestion': rotationSuggestionSchema,
  /** To projectors and facilitators: what the console asks the projectors to show. */
  'projector:display': projectorDisplayMessageSchema,
  /** To every screen of an event just before it is disconnected: the event was deleted. */
  'event:deleted': z.object({}),
  ...harvestServerEvents,
  ...moderationServerEvents,
} as const
type AllServerEvents = typeof serverEvents & typeof programmeServerEvents
export type ServerEventName = keyof AllServerEvents
export type ServerEventPayload<N extends ServerEventName> = z.infer<AllServerEvents[N]>
