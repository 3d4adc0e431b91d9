import { z } from 'zod'
import { eventDateSchema } from '../event/event.schema.js'
import { recordCollection } from '../storage/stored-record.schema.js'

/** Days an event is kept after its date (or after it was created, if later). @default 30 */
export const DEFAULT_RETENTION_DAYS = 30
/** Days before the deletion from which the console warns. @default 7 */
export const RETENTION_WARNING_DAYS = 7
/** Latest deletion date a facilitator may set, in days from today. @default 730 (two years) */
export const MAX_RETENTION_DAYS = 730

const DAY_MS = 86_400_000

/**
 * The deletion date an organiser set (at creation, or later to extend or shorten it). Without one an
 * event keeps the default: DEFAULT_RETENTION_DAYS after its date.
 */
export const retentionRecordSchema = z.object({ deleteOn: eventDateSchema.refine(isCalendarDay) })
export type RetentionRecord = z.infer<typeof retentionRecordSchema>

/** Where an event's own deletion date is stored (key RETENTION_KEY); deleted with the event. */
export const RETENTION_RECORDS = recordCollection('retention', retentionRecordSchema)
export const RETENTION_KEY = 'event'

/** What a facilitator sends to move the deletion date. */
export const setRetentionRequestSchema = z.object({ deleteOn: eventDateSchema.refine(isCalendarDay) })
export type SetRetentionRequest = z.infer<typeof setRetentionRequestSchema>

/** An event's retention, as the console and the admin page show it. */
export const retentionViewSchema = z.object({
  /** The day the event is deleted (from 00:00 UTC of that day). */
  deleteOn: eventDateSchema,
  /** Whether an organiser chose the date (else it is the default). */
  chosen: z.boolean(),
  /** Whole days left until the deletion (0: it is due). */
  daysLeft: z.number().int().min(0),
  /** The console warns: the deletion is RETENTION_WARNING_DAYS away or less. */
  warning: z.boolean(),
})
export type RetentionView = z.infer<typeof retentionViewSchema>

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2026-02-31). */
export function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`)
  return Number.isFinite(ms) && isoDay(ms) === day
}

/** `YYYY-MM-DD` of a UTC instant. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
}

/**
 * The default deletion date: DEFAULT_RETENTION_DAYS after the event's date, or after the day it was
 * created when that is later (an event imported or seeded after its day still gets the full time).
 */
export function defaultDeleteOn(eventDate: string, createdAt: number): string {
  const created = isoDay(createdAt)
  return addDays(eventDate > created ? eventDate : created, DEFAULT_RETENTION_DAYS)
}

/** The event's retention at `now`: its chosen date or the default, days left, and whether to warn. */
export function retentionView(eventDate: string, createdAt: number, record: RetentionRecord | undefined, now: number): RetentionView {
  const deleteOn = record?.deleteOn ?? defaultDeleteOn(eventDate, createdAt)
  const daysLeft = Math.max(0, Math.ceil((Date.parse(`${deleteOn}T00:00:00Z`) - now) / DAY_MS))
  return { deleteOn, chosen: record !== undefined, daysLeft, warning: daysLeft <= RETENTION_WARNING_DAYS }
}

/** Whether the event must be deleted now: its deletion day has begun. */
export function retentionDue(view: Pick<RetentionView, 'deleteOn'>, now: number): boolean {
  return now >= Date.parse(`${view.deleteOn}T00:00:00Z`)
}

/** Why a deletion date is refused: not after today (delete now instead), not after the event's day, or too far away. */
export type RetentionRefusal = 'NOT_IN_FUTURE' | 'BEFORE_EVENT' | 'TOO_LATE'

/**
 * Checks a deletion date a facilitator chose: tomorrow and the day after the event at the earliest
 * (a date before the conference would delete it before it took place), MAX_RETENTION_DAYS at the latest.
 */
export function checkDeleteOn(deleteOn: string, now: number, eventDate: string): RetentionRefusal | null {
  const today = isoDay(now)
  if (deleteOn <= today) return 'NOT_IN_FUTURE'
  if (deleteOn <= eventDate) return 'BEFORE_EVENT'
  if (deleteOn > addDays(today, MAX_RETENTION_DAYS)) return 'TOO_LATE'
  return null
}
