import { z } from 'zod'
import { PLAIN_LINE } from '../cards/display-name.js'
import { FieldFormat } from '../wire/field-issue.js'
import { participantIdSchema, randomIdSchema, slugIdSchema } from '../ids.js'
import { clientEvents } from '../wire/socket-events.js'
import { type Booking, WORKSHOP_CAPACITY_MAX, personalCodeSchema, programmeSchema, storedProgrammeSchema } from './programme.schema.js'

/*
 * The programme's Socket.IO commands and messages. Answers come as `{ ok: true, data }` acks with the
 * schemas below; refusals of a choice (full, closed) are answers too, with the free alternatives.
 */

/** Display names on sign-up lists: optional, short, one line of plain text (they go into lists and CSV files). */
const displayNameSchema = z.string().trim().max(60).regex(PLAIN_LINE, FieldFormat.PLAIN_TEXT)

export const programmeClientEvents = {
  /** Anyone of the event: the programme, the seats taken, and (participants) their own choices. */
  'programme:get': z.object({}),
  /** Participant: choose a workshop in a work phase (null: take the choice back); a name for the list if wanted. */
  'programme:choose': z.object({ phaseId: slugIdSchema, workshopId: slugIdSchema.nullable(), displayName: displayNameSchema.optional() }),
  /** Participant on another device: take up one's choices again with the personal code. */
  'programme:lookup': z.object({ code: personalCodeSchema }),
  /** Facilitator: replace the programme (from the version read; null: there is none yet). */
  'programme:save': z.object({ programme: programmeSchema, expectedVersion: z.number().int().nonnegative().nullable() }),
  /**
   * Facilitator: the rest of the day runs `minutes` later (negative: earlier), from now on. `shiftId`:
   * chosen by the console, the same when it sends the shift again (its answer was lost): a shift the
   * programme holds already is answered as done, not made twice.
   */
  'programme:shift': z.object({ minutes: z.number().int().min(-240).max(240).refine((m) => m !== 0), shiftId: randomIdSchema.optional() }),
  /** Facilitator: close or reopen a workshop, or change its seats. */
  'programme:workshop': z.object({
    workshopId: slugIdSchema,
    closed: z.boolean().optional(),
    capacity: z.number().int().min(1).max(WORKSHOP_CAPACITY_MAX).nullable().optional(),
  }),
  /** Facilitator: move a person to another workshop of the phase (null: out of the phase). */
  'programme:move': z.object({ participantId: participantIdSchema, phaseId: slugIdSchema, workshopId: slugIdSchema.nullable() }),
  /** Facilitator: who signed up where (ids and display names). */
  'programme:roster': z.object({}),
} as const

/** Seats taken per workshop id. */
export const workshopCountsSchema = z.record(slugIdSchema, z.number().int().nonnegative())

/** What every screen of the event may see of the programme: the day and the seats taken. */
export const programmeStateSchema = z.object({
  programme: storedProgrammeSchema.nullable(),
  /** The programme record's version (0: none yet); the console saves from it. */
  version: z.number().int().nonnegative(),
  counts: workshopCountsSchema,
  /** The programme's clock at sending, in ms, so screens show what is on by the event's clock, not their own. */
  serverNow: z.number().int(),
})
export type ProgrammeState = z.infer<typeof programmeStateSchema>

/** A participant's own choices: phase id → workshop id, and the code to find them again. */
export const myChoicesSchema = z.object({
  choices: z.record(slugIdSchema, slugIdSchema),
  code: personalCodeSchema.nullable(),
  displayName: z.string().max(60),
  /** The phases whose choice the organiser made (moved or placed the person): the phone says so. */
  placed: z.array(slugIdSchema).max(200).optional(),
})
export type MyChoices = z.infer<typeof myChoicesSchema>

/** One participant's choices as their phone sees them, from the event's bookings and their record. */
export function myChoicesOf(bookings: Iterable<Booking>, participantId: string, person: { code: string | null; displayName: string } | undefined): MyChoices {
  const choices: Record<string, string> = {}
  const placed: string[] = []
  for (const b of bookings) {
    if (b.participantId !== participantId || !b.workshopId) continue
    choices[b.phaseId] = b.workshopId
    if (b.by === 'organiser') placed.push(b.phaseId)
  }
  return { choices, code: person?.code ?? null, displayName: person?.displayName ?? '', ...(placed.length > 0 ? { placed } : {}) }
}

/** The answer to `programme:get`. */
export const programmeViewSchema = programmeStateSchema.extend({ mine: myChoicesSchema.nullable() })
export type ProgrammeView = z.infer<typeof programmeViewSchema>

/** The answer to `programme:choose`, with the seats taken right after it (so the chooser sees them at once). */
export const choiceAnswerSchema = z.discriminatedUnion('booked', [
  /** `hint`: the workshop is past its threshold; the least-filled alternatives of its phase (ids). */
  z.object({ booked: z.literal(true), hint: z.array(slugIdSchema).nullable(), mine: myChoicesSchema, counts: workshopCountsSchema.optional() }),
  z.object({ booked: z.literal(false), reason: z.enum(['UNKNOWN_PHASE', 'UNKNOWN_WORKSHOP', 'CLOSED', 'FULL', 'DAY_CLOSED', 'PHASE_OVER']), alternatives: z.array(slugIdSchema), mine: myChoicesSchema, counts: workshopCountsSchema.optional() }),
])
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>

/** The answer to `programme:lookup`: a credential for the participant the code belongs to, and their choices. */
export const lookupAnswerSchema = z.object({ participantId: participantIdSchema, token: z.string().min(10).max(2000), mine: myChoicesSchema })
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>

/** The answer to `programme:roster`: per workshop id, who signed up (display name, '' when none given). */
export const rosterSchema = z.record(
  slugIdSchema,
  z.array(z.object({ participantId: participantIdSchema, displayName: z.string().max(60), by: z.enum(['self', 'organiser']) })),
)
export type Roster = z.infer<typeof rosterSchema>

/** Only the seats taken changed (a sign-up rush sends these, not the whole programme each time). */
export const programmeCountsSchema = programmeStateSchema.pick({ version: true, counts: true, serverNow: true })
export type ProgrammeCounts = z.infer<typeof programmeCountsSchema>

export const programmeServerEvents = {
  /** To every screen of the event: the programme changed (with the seats taken). */
  'programme:state': programmeStateSchema,
  /** To every screen of the event: the seats taken changed, at most a few times a second. */
  'programme:counts': programmeCountsSchema,
  /** To the screens of one participant: their choices changed (on another device, or moved by the organiser). */
  'programme:mine': myChoicesSchema,
} as const

/** Every command's schema by name: the café's (socket-events.ts) and the programme's. The server checks each command with it. */
export const everyClientEvent = { ...clientEvents, ...programmeClientEvents } as const
