import { z } from 'zod'
import { registerPersonalData } from '../privacy/personal-data.js'
import { participantIdSchema, randomIdSchema, slugIdSchema } from '../ids.js'
import { unknownReference } from '../wire/field-issue.js'

/*
 * The day's programme: plenary items, work phases with parallel workshops, breaks and method blocks
 * (a World Café, a tree phase), each with its times, room and people. Stored as one record of the
 * event (collection `programme`), apart from the setup; sign-ups are records of their own.
 */

/** A clock time of the event's day, "09:30" (24 h). */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time')
/** Minutes since midnight of a clock time: "09:30" → 570. */
export function minuteOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}
/** The clock time of a minute of the day, wrapped into 00:00–23:59: 570 → "09:30". */
export function timeOf(minute: number): string {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

const line = (max: number) => z.string().trim().max(max)
/** Most workshops in one work phase. */
export const WORKSHOPS_PER_PHASE_MAX = 30
/** Most items in one day's programme. */
export const PROGRAMME_ITEMS_MAX = 60
/** Most seats one workshop may offer. */
export const WORKSHOP_CAPACITY_MAX = 5000
/**
 * Largest programme, in bytes of UTF-8 JSON: it travels as one Socket.IO message (256 KiB at most)
 * and is sent to every screen when it changes. About 60 pages of text.
 */
export const PROGRAMME_BYTES_MAX = 200 * 1024
/** The share of seats from which a workshop shows the seed's hint, unless the organiser sets another. */
export const DEFAULT_HINT_THRESHOLD = 0.8

/** One workshop of a work phase. */
export const workshopSchema = z.object({
  id: slugIdSchema,
  /** The number participants know it by ("Workshop 5"): unique over the day. */
  number: z.number().int().min(1).max(999),
  title: line(200).min(1),
  subtitle: line(300).default(''),
  description: line(4000).default(''),
  speakers: z.array(line(300).min(1)).max(12).default([]),
  room: line(120).default(''),
  /** Seats; null: no limit. */
  capacity: z.number().int().min(1).max(WORKSHOP_CAPACITY_MAX).nullable().default(null),
  /** From this share of the seats taken, the workshop shows the hint and suggests alternatives. */
  threshold: z.number().min(0.05).max(1).default(DEFAULT_HINT_THRESHOLD),
  /** Closed by the organiser: no new sign-ups; those signed up keep their seat. */
  closed: z.boolean().default(false),
})
export type Workshop = z.infer<typeof workshopSchema>

export const programmeItemKindSchema = z.enum(['plenary', 'work-phase', 'break', 'method'])
export type ProgrammeItemKind = z.infer<typeof programmeItemKindSchema>

/** One item of the day. Only work phases have workshops. */
export const programmeItemSchema = z
  .object({
    id: slugIdSchema,
    kind: programmeItemKindSchema,
    title: line(200).min(1),
    subtitle: line(300).default(''),
    description: line(4000).default(''),
    start: clockTimeSchema,
    end: clockTimeSchema,
    room: line(120).default(''),
    people: z.array(line(300).min(1)).max(12).default([]),
    workshops: z.array(workshopSchema).max(WORKSHOPS_PER_PHASE_MAX).default([]),
  })
  .refine((item) => minuteOf(item.end) > minuteOf(item.start), { path: ['end'], message: 'end before start' })
  .refine((item) => item.kind === 'work-phase' || item.workshops.length === 0, { path: ['workshops'], message: 'workshops outside a work phase' })
export type ProgrammeItem = z.infer<typeof programmeItemSchema>

/** Shifts of the day's times a programme holds at most ("+5 Min" in the console); then they are folded into the items' times. */
export const SHIFTS_MAX = 40

/** "From `from` on, everything is `minutes` later" (negative: earlier). */
/** One shift of the rest of the day; `id`: the console's, so the same shift sent again is made once. */
export const programmeShiftSchema = z.object({ from: clockTimeSchema, minutes: z.number().int().min(-240).max(240), id: randomIdSchema.optional() })
export type ProgrammeShift = z.infer<typeof programmeShiftSchema>

/** The zone a programme's clock times are in unless it says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

/** Whether this runtime's Intl knows `zone` (an IANA name such as "Europe/Berlin", or "UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** The IANA time zone a programme's clock times are in: only zones the runtime knows (else an unknown reference). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(60)
  .superRefine((zone, ctx) => {
    if (!isKnownTimeZone(zone)) ctx.addIssue({ code: 'custom', message: 'unknown time zone', params: unknownReference(zone) })
  })
/**
 * A time zone as stored before zones were checked: an unknown one reads as the default, so such a
 * programme still loads, and saves again from the console.
 */
const storedTimeZoneSchema = z.string().min(1).max(60).transform((zone) => (isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE))

/** The whole day, with the given rule for its time zone. */
const programmeWith = <Z extends z.ZodType<string, string | undefined>>(timeZone: Z) =>
  z
    .object({
      /** The event's day, "2018-06-19"; null: not set yet (the programme then runs every day). */
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
      /** The IANA time zone the clock times are in. */
      timeZone,
      items: z.array(programmeItemSchema).max(PROGRAMME_ITEMS_MAX),
      /** Shifts the facilitator made when the day ran late (or early), in the order made. */
      shifts: z.array(programmeShiftSchema).max(SHIFTS_MAX).default([]),
      /** Ids of shifts folded into the items' times (see `shiftRestOfDay`): one sent again still counts once. */
      foldedShiftIds: z.array(randomIdSchema).max(SHIFTS_MAX).optional(),
    })
    .superRefine((p, ctx) => {
      if (new TextEncoder().encode(JSON.stringify(p)).length > PROGRAMME_BYTES_MAX) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: PROGRAMME_BYTES_MAX, path: ['items'], message: 'programme too large' })
      const ids = new Set<string>()
      const numbers = new Set<number>()
      p.items.forEach((item, i) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicate id' })
        ids.add(item.id)
        item.workshops.forEach((w, j) => {
          if (ids.has(w.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'workshops', j, 'id'], message: 'duplicate id' })
          ids.add(w.id)
          if (numbers.has(w.number)) ctx.addIssue({ code: 'custom', path: ['items', i, 'workshops', j, 'number'], message: 'duplicate number' })
          numbers.add(w.number)
        })
      })
    })

/** The whole day as a client sends it (`programme:save`): its time zone must be one Intl knows. */
export const programmeSchema = programmeWith(timeZoneSchema.default(DEFAULT_TIME_ZONE))
/** The whole day as stored, sent to screens or imported: older records with an unknown zone still read. */
export const storedProgrammeSchema = programmeWith(storedTimeZoneSchema.default(DEFAULT_TIME_ZONE))
export type Programme = z.infer<typeof programmeSchema>
export type ProgrammeInput = z.input<typeof programmeSchema>

/** An empty programme (an event without one yet). */
export const EMPTY_PROGRAMME: Programme = { date: null, timeZone: DEFAULT_TIME_ZONE, items: [], shifts: [] }

/** One participant's choice in one work phase (record key: `<participant>~<phase>`). */
export const bookingSchema = z.object({
  participantId: participantIdSchema,
  phaseId: slugIdSchema,
  /** null: the choice was taken back (records are never deleted). */
  workshopId: slugIdSchema.nullable(),
  /** When it was made, in ms. */
  at: z.number().int().nonnegative(),
  /** Who made it: the participant, or an organiser who moved them. */
  by: z.enum(['self', 'organiser']),
})
export type Booking = z.infer<typeof bookingSchema>
/** The key of a booking record. */
export const bookingKey = (participantId: string, phaseId: string) => `${participantId}~${phaseId}`

/**
 * A short personal code: participants look their choices up with it on another device. Read as
 * people type it: any case, with spaces or dashes between groups ("f4k8 x2", "F4K-8X2").
 */
export const personalCodeSchema = z
  .string()
  .max(40)
  .transform((code) => code.replace(/[\s\-\u2010-\u2015.]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'personal_code'))
/** Letters and digits that cannot be mistaken for one another (no I, O, 0, 1). */
export const PERSONAL_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** What the event knows of a participant who signed up: the personal code and, if given, a display name. */
export const programmePersonSchema = z.object({
  participantId: participantIdSchema,
  code: personalCodeSchema,
  displayName: z.string().trim().max(60).default(''),
})
export type ProgrammePerson = z.infer<typeof programmePersonSchema>

export const PROGRAMME_DISPLAY_NAME = registerPersonalData({
  id: 'programme.displayName',
  what: 'Name, den Teilnehmende bei der Workshop-Anmeldung freiwillig angeben',
  purpose: 'steht auf den Teilnahmelisten der Workshops',
  where: 'Anmeldungen der Veranstaltung (Datensätze des Programms)',
  visibleTo: 'Moderation (Teilnahmelisten)',
  participantDeletes: false,
})

/** The workshops of a programme with the work phase each belongs to. */
export function workshopsOf(programme: Programme): { phase: ProgrammeItem; workshop: Workshop }[] {
  return programme.items.flatMap((phase) => phase.workshops.map((workshop) => ({ phase, workshop })))
}

/** The work phases of a programme (the items participants choose a workshop in). */
export const workPhasesOf = (programme: Programme): ProgrammeItem[] => programme.items.filter((i) => i.kind === 'work-phase' && i.workshops.length > 0)
