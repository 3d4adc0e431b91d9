import { type Programme, type ProgrammeItem, SHIFTS_MAX, type Workshop, minuteOf, timeOf } from './programme.schema.js'

/** A moment of the event's day as its clocks show it: the date and the minute since midnight. */
export interface DayClock {
  date: string
  minute: number
}

/**
 * The date and minute of `epochMs` in `timeZone` (the event's wall clock, whatever the device's zone).
 * @example localDayClock(Date.UTC(2018, 5, 19, 9, 45), 'Europe/Berlin') // { date: '2018-06-19', minute: 705 }
 */
export function localDayClock(epochMs: number, timeZone: string): DayClock {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(epochMs)
  } catch {
    // An unknown zone (a hand-edited record): UTC rather than nothing.
    return localDayClock(epochMs, 'UTC')
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return { date: `${part('year')}-${part('month')}-${part('day')}`, minute: Number(part('hour')) * 60 + Number(part('minute')) }
}

/** A planned minute after every shift that applies to it (shifts count from their planned time on). */
export function shiftedMinute(programme: Pick<Programme, 'shifts'>, planned: number): number {
  let minute = planned
  for (const shift of programme.shifts) if (planned >= minuteOf(shift.from)) minute += shift.minutes
  return minute
}

/** An item with the times it runs at today, after the shifts (minutes since midnight). */
export interface ScheduledItem {
  item: ProgrammeItem
  start: number
  end: number
}

/** Every item with its shifted times, in the order they start. */
export function schedule(programme: Programme): ScheduledItem[] {
  return programme.items
    .map((item) => ({ item, start: shiftedMinute(programme, minuteOf(item.start)), end: Math.max(shiftedMinute(programme, minuteOf(item.start)) + 1, shiftedMinute(programme, minuteOf(item.end))) }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
}

/** What is on: before the day, during it (what runs now and what comes next), or after it. */
export type WhatIsOn =
  | { state: 'empty' }
  | { state: 'before'; next: ScheduledItem }
  | { state: 'day'; now: ScheduledItem[]; next: ScheduledItem | null }
  | { state: 'after' }

/**
 * What is on at `clock`: the items running now (several when they overlap) and the next one to start.
 * Between two items `now` is empty and `next` is the coming one. A programme without a date runs on any day.
 * `closed`: the facilitator ended the event ("Veranstaltung beenden"); the day is over whatever the
 * clock says (a day ended early, or before its date, announces no start and no next item).
 */
export function whatIsOn(programme: Programme, clock: DayClock, closed = false): WhatIsOn {
  const items = schedule(programme)
  if (items.length === 0) return { state: 'empty' }
  if (closed) return { state: 'after' }
  if (programme.date && clock.date < programme.date) return { state: 'before', next: items[0]! }
  if (programme.date && clock.date > programme.date) return { state: 'after' }
  const now = items.filter((s) => s.start <= clock.minute && clock.minute < s.end)
  const next = items.find((s) => s.start > clock.minute) ?? null
  if (now.length === 0 && !next) return { state: 'after' }
  if (now.length === 0 && next === items[0]) return { state: 'before', next }
  return { state: 'day', now, next }
}

/**
 * Whether a work phase is over at `clock`: on the programme's day, once the phase (after the shifts)
 * has ended. Only on that day: a programme without a date runs on any day (the sign-up often opens
 * days before), and after the day "Veranstaltung beenden" closes the lists, while a programme of a
 * past day can still be tried out (the seeded Köln day, a rehearsal).
 */
export function phaseOver(programme: Programme, phaseId: string, clock: DayClock): boolean {
  if (!programme.date || clock.date !== programme.date) return false
  const phase = schedule(programme).find((s) => s.item.id === phaseId)
  return phase !== undefined && clock.minute >= phase.end
}

/**
 * The programme with the rest of the day moved by `minutes` from `atMinute` (the wall-clock minute
 * it is made at): items that have not started move, and a running item ends that much later.
 * Earlier shifts stay; the new one is counted from the planned time that corresponds to now.
 * A shift with an `id` the programme holds already (the same shift sent again) returns it unchanged.
 * A day that holds SHIFTS_MAX shifts has them folded into its items' times first: every time shown
 * depends on all of them, so none is dropped, and the day can be shifted on.
 */
export function shiftRestOfDay(source: Programme, atMinute: number, minutes: number, id?: string): Programme {
  if (id !== undefined && (source.shifts.some((s) => s.id === id) || source.foldedShiftIds?.includes(id))) return source
  const programme = source.shifts.length >= SHIFTS_MAX ? foldShifts(source) : source
  // The planned minute that runs now: undo the shifts already in force at this wall-clock minute.
  let planned = atMinute
  for (const shift of programme.shifts) if (shiftedMinute(programme, minuteOf(shift.from)) <= atMinute) planned -= shift.minutes
  planned = Math.max(0, Math.min(1439, planned))
  return { ...programme, shifts: [...programme.shifts, { from: timeOf(planned), minutes, ...(id === undefined ? {} : { id }) }] }
}

/**
 * The programme with every shift folded into its items' times (the day as it runs now), no shifts
 * left; the folded shifts' ids are kept so that one sent again still counts once.
 */
export function foldShifts(programme: Programme): Programme {
  const items = programme.items.map((item) => {
    const start = Math.max(0, Math.min(1438, shiftedMinute(programme, minuteOf(item.start))))
    const end = Math.min(1439, Math.max(start + 1, shiftedMinute(programme, minuteOf(item.end))))
    return { ...item, start: timeOf(start), end: timeOf(end) }
  })
  const ids = [...(programme.foldedShiftIds ?? []), ...programme.shifts.flatMap((s) => (s.id ? [s.id] : []))].slice(-SHIFTS_MAX)
  return { ...programme, items, shifts: [], ...(ids.length > 0 ? { foldedShiftIds: ids } : {}) }
}

/**
 * Two work phases of the day that run at the same time (the later-starting one second), or null: a
 * person could then hold a seat in two rooms at once. The console does not save such a day.
 */
export function overlappingPhases(programme: Pick<Programme, 'items'>): [ProgrammeItem, ProgrammeItem] | null {
  const phases = programme.items.filter((i) => i.kind === 'work-phase').sort((a, b) => minuteOf(a.start) - minuteOf(b.start))
  for (let i = 1; i < phases.length; i++) if (minuteOf(phases[i]!.start) < minuteOf(phases[i - 1]!.end)) return [phases[i - 1]!, phases[i]!]
  return null
}

/** "11:30" for a scheduled minute. */
export const clockText = (minute: number) => timeOf(minute)

/** The workshop a participant chose in the work phase that runs now, with its phase. */
export function myWorkshopNow(on: WhatIsOn, mine: ReadonlyMap<string, string>): { phase: ScheduledItem; workshop: Workshop } | null {
  if (on.state !== 'day') return null
  for (const phase of on.now) {
    const chosen = mine.get(phase.item.id)
    const workshop = chosen ? phase.item.workshops.find((w) => w.id === chosen) : undefined
    if (workshop) return { phase, workshop }
  }
  return null
}

/** Every workshop a participant booked, with its phase's times after the shifts, in the order of the day. */
export function myWorkshops(programme: Programme, mine: ReadonlyMap<string, string>): { phase: ScheduledItem; workshop: Workshop }[] {
  return schedule(programme).flatMap((phase) => {
    const chosen = mine.get(phase.item.id)
    const workshop = chosen === undefined ? undefined : phase.item.workshops.find((w) => w.id === chosen)
    return workshop ? [{ phase, workshop }] : []
  })
}
