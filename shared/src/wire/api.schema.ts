import { z } from 'zod'
import { joinCodeSchema } from '../access/join-code.js'
import { roleSchema } from '../access/role.schema.js'
import { addressFormSchema, agendaItemSchema, eventDateSchema, eventSchema, eventTitleSchema, maxPerTableSchema, themeTableSchema } from '../event/event.schema.js'
import { duplicate } from './field-issue.js'
import { eventIdSchema, participantIdSchema, tableIdSchema } from '../ids.js'
import { templateSchema } from '../template/template.schema.js'
import { roundStateSchema } from '../rounds/round.schema.js'
import { treeMethodSchema } from '../kinds/tree/tree-method.schema.js'

/** POST /api/events: a new event. Tables are given by name; ids are made from them. */
export const createEventRequestSchema = z.object({
  title: eventTitleSchema,
  date: eventDateSchema,
  place: z.string().trim().max(200).default(''),
  agenda: z.array(agendaItemSchema).max(60).default([]),
  tableNames: z.array(z.string().trim().min(1).max(120)).max(60).default([]),
  template: templateSchema.optional(),
  address: addressFormSchema.default('du'),
  maxPerTable: maxPerTableSchema.default(null),
  /** Runs the problem/solution-tree method with these groups. */
  treeMethod: treeMethodSchema.optional(),
}).superRefine((r, ctx) => {
  // Two tables of one name (or names that differ only in case or accents) could not be told apart.
  const seen = new Map<string, string>()
  r.tableNames.forEach((name, i) => {
    const key = name.toLocaleLowerCase('de')
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tableNames', i], message: `duplicate table ${name}`, params: duplicate(name) })
    seen.set(key, name)
  })
})
export type CreateEventRequest = z.input<typeof createEventRequestSchema>

/** Links to hand out for one event. Tokens sit in the URL fragment, so they never reach server logs. */
export const eventLinksSchema = z.object({
  facilitator: z.string(),
  projector: z.string(),
  participant: z.string(),
  /** Per theme table: the host's link (writes for the table from one device). */
  hosts: z.record(tableIdSchema, z.string()).default({}),
})
export type EventLinks = z.infer<typeof eventLinksSchema>

/** What a facilitator gets for an event: the event, its join code and its links. */
export const facilitatorEventViewSchema = z.object({
  event: eventSchema,
  joinCode: z.string(),
  projectorToken: z.string(),
  links: eventLinksSchema,
})
export type FacilitatorEventView = z.infer<typeof facilitatorEventViewSchema>

export const createEventResponseSchema = facilitatorEventViewSchema.extend({ facilitatorToken: z.string() })
export type CreateEventResponse = z.infer<typeof createEventResponseSchema>

/** A device key: random, URL-safe, kept by the app per device (see joinRequestSchema). */
export const deviceKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** POST /api/join: a phone joins with the code from the slide or QR code. */
export const joinRequestSchema = z.object({
  code: joinCodeSchema,
  displayName: z.string().trim().max(40).default(''),
  /**
   * A random key the app keeps per device, so wrong codes are slowed per device and not only per
   * address (a hall shares one). Optional: a missing or odd key never keeps a right code out.
   */
  device: deviceKeySchema.optional().catch(undefined),
})
export type JoinRequest = z.input<typeof joinRequestSchema>

export const joinResponseSchema = z.object({
  eventId: eventIdSchema,
  participantId: participantIdSchema,
  token: z.string(),
})
export type JoinResponse = z.infer<typeof joinResponseSchema>

/** The public view of an event that phones and projectors get (no secrets). */
export const publicEventViewSchema = z.object({
  event: eventSchema,
  role: roleSchema,
  /** Shown on projectors and to facilitators; null for participants. */
  joinCode: z.string().nullable(),
  /**
   * Where the day stands, as `round:state` says it, in the API's answer only: a phone at the table
   * choice shows the right screen (the day over, a station open) before its socket connects.
   */
  round: z.object({ round: roundStateSchema, serverNow: z.number().int() }).optional(),
})
export type PublicEventView = z.infer<typeof publicEventViewSchema>

/** One row of the instance's event list (admin console). */
export const eventListItemSchema = z.object({
  id: eventIdSchema,
  title: z.string(),
  date: z.string(),
  place: z.string(),
  tableCount: z.number().int(),
  /** What the event is made of (see eventContents); absent from older servers: its theme tables. */
  contents: z.object({ kind: z.enum(['tables', 'groups', 'workshops']), count: z.number().int() }).optional(),
  facilitatorLink: z.string(),
})
export type EventListItem = z.infer<typeof eventListItemSchema>

export { themeTableSchema, tableIdSchema }

/**
 * GET /api/instance: how this installation is set up, as the start page needs it. `eventCreation`:
 * `admin_key` — creating an event needs the admin link the server printed; `open` — anyone may.
 */
export const instanceInfoSchema = z.object({ eventCreation: z.enum(['admin_key', 'open']) })
export type InstanceInfo = z.infer<typeof instanceInfoSchema>

/** GET /api/credential: what a link's credential opens, so a host link can start a phone. */
export const credentialInfoSchema = z.object({
  eventId: eventIdSchema,
  role: roleSchema,
  participantId: participantIdSchema.optional(),
  tableId: tableIdSchema.optional(),
  /** The event's join code, for the roles that may see it (null for a participant). */
  joinCode: z.string().nullable(),
})
export type CredentialInfo = z.infer<typeof credentialInfoSchema>
