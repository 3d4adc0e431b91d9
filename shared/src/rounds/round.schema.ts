import { z } from 'zod'
import { stationIdSchema } from '../ids.js'

/** Where the day stands: before the start, at a station, reviewing results, or closed. */
export const phaseSchema = z.enum(['before-start', 'station', 'review', 'closed'])
export type Phase = z.infer<typeof phaseSchema>

/**
 * The round timer. Running: `endsAt` is the server's clock time when it ends. Paused: `endsAt`
 * is null and `remainingMs` holds what is left. Screens compute the remaining time from the
 * server's clock (sent with every state), never from their own.
 */
export const timerSchema = z.object({
  endsAt: z.number().int().nullable(),
  remainingMs: z.number().int().nonnegative().nullable(),
  durationMs: z.number().int().positive(),
  /**
   * Server time when the station's work begins after a changeover ("Wechselzeit"); until then
   * people move tables and the timer shows the station's full time. Null or absent: no changeover.
   */
  startsAt: z.number().int().nullable().optional(),
})
export type Timer = z.infer<typeof timerSchema>

/** Longest station the timer accepts, in minutes. */
export const STATION_MINUTES_MAX = 240

/** Longest changeover between stations, in seconds. */
export const CHANGEOVER_SECONDS_MAX = 1800

/** The facilitator's settings for rounds. */
export const roundSettingsSchema = z.object({
  /** Minutes per station; the timer starts with this when a station opens. */
  stationMinutes: z.number().int().min(1).max(STATION_MINUTES_MAX),
  /** Seconds after the timer ends until the station's boards lock for participants; null: never by itself. */
  graceSeconds: z.number().int().min(0).max(3600).nullable(),
  /** Seconds for moving between stations before the next station's timer starts. @default 120 */
  changeoverSeconds: z.number().int().min(0).max(CHANGEOVER_SECONDS_MAX).default(120),
})
export type RoundSettings = z.infer<typeof roundSettingsSchema>

/** The round state of an event, held and changed only by the server. */
export const roundStateSchema = z.object({
  /** Bumped by every change; commands name the version they saw, so a double click acts once. */
  version: z.number().int().nonnegative(),
  phase: phaseSchema,
  /** The current station (0-based) while `phase` is 'station'; the last one reached otherwise. */
  stationIndex: z.number().int().nonnegative(),
  paused: z.boolean(),
  timer: timerSchema.nullable(),
  /** Stations whose boards are read-only for participants (still editable by the facilitator). */
  lockedStations: z.array(stationIdSchema),
  settings: roundSettingsSchema,
  /**
   * Time left on each station's timer when the day moved on from it (by station index), so going
   * back one step restores that station with the time it had, not a fresh full timer.
   */
  leftMs: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /**
   * The timer end (`timer.endsAt`) at which the facilitator unlocked the current station after its
   * time and grace had run out: it stays open, not locking by itself again, until its timer changes.
   */
  keptOpenAt: z.number().int().nullable().optional(),
})
export type RoundState = z.infer<typeof roundStateSchema>

export const DEFAULT_ROUND_SETTINGS: RoundSettings = { stationMinutes: 20, graceSeconds: 60, changeoverSeconds: 120 }

export const INITIAL_ROUND_STATE: RoundState = {
  version: 0,
  phase: 'before-start',
  stationIndex: 0,
  paused: false,
  timer: null,
  lockedStations: [],
  settings: DEFAULT_ROUND_SETTINGS,
}
