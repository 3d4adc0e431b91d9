import type { Booking, Programme, ProgrammeItem, Workshop } from './programme.schema.js'

/** Seats taken per workshop id. */
export type WorkshopCounts = ReadonlyMap<string, number>

/** Counts the seats taken: one per booking that names a workshop. */
export function countSeats(bookings: Iterable<Booking>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const b of bookings) if (b.workshopId) counts.set(b.workshopId, (counts.get(b.workshopId) ?? 0) + 1)
  return counts
}

const taken = (counts: WorkshopCounts, w: Workshop) => counts.get(w.id) ?? 0

/** Seats left (never below 0); null for a workshop without a limit. */
export function seatsLeft(w: Workshop, count: number): number | null {
  return w.capacity === null ? null : Math.max(0, w.capacity - count)
}

/** Whether no seat is left. */
export const isFull = (w: Workshop, count: number): boolean => w.capacity !== null && count >= w.capacity

/**
 * Whether the workshop has reached the share of seats from which it shows the hint. Below a
 * threshold of 100 % the hint comes one seat before the last at the latest: 80 % of 4 seats rounds
 * up to all 4, and a small workshop went from free to "ausgebucht" without ever being "sehr gefragt".
 */
export function pastThreshold(w: Workshop, count: number): boolean {
  if (w.capacity === null) return false
  const from = Math.ceil(w.threshold * w.capacity)
  return count >= (w.threshold < 1 && w.capacity >= 2 ? Math.min(from, w.capacity - 1) : Math.max(1, from))
}

/** How full a workshop is, 0..1 (a workshop without a limit counts as empty). */
const fill = (w: Workshop, count: number) => (w.capacity === null ? 0 : count / w.capacity)

/**
 * The workshops of the same phase one can still choose instead of `exceptId`: open, with a free seat,
 * the least filled first (then by number). At most `limit`.
 */
export function alternativesIn(phase: ProgrammeItem, counts: WorkshopCounts, exceptId: string | null, limit = 3): Workshop[] {
  return phase.workshops
    .filter((w) => w.id !== exceptId && !w.closed && !isFull(w, taken(counts, w)))
    .sort((a, b) => fill(a, taken(counts, a)) - fill(b, taken(counts, b)) || a.number - b.number)
    .slice(0, limit)
}

/** Why a choice was refused: no such phase or workshop, closed by the organiser, full, the day ended, or the phase is over. */
export type ChoiceRefusal = 'UNKNOWN_PHASE' | 'UNKNOWN_WORKSHOP' | 'CLOSED' | 'FULL' | 'DAY_CLOSED' | 'PHASE_OVER'

/** What a choice comes to. */
export type ChoiceOutcome =
  /** Taken (or kept). `hint`: the workshop is past its threshold; these are the least-filled alternatives. */
  | { ok: true; changed: boolean; hint: Workshop[] | null }
  /** Refused; `alternatives`: the free workshops of the phase, least filled first. */
  | { ok: false; reason: ChoiceRefusal; alternatives: Workshop[] }

/**
 * A participant's choice of `workshopId` (null: none) in `phaseId`, given the seats taken now and
 * their current choice there. One workshop per phase: choosing another one moves the seat. A seat
 * one holds is kept even when the workshop has filled or closed since. `byOrganiser` may seat a
 * person beyond the capacity and into a closed workshop (moving people is the organiser's call).
 * Once the day is over (`dayClosed`: the facilitator ended the event) participants change nothing
 * any more, nor in a phase that is over (`phaseOver`, by the programme's clock): the sign-up lists
 * stay as the day left them.
 */
export function chooseWorkshop(
  programme: Programme,
  counts: WorkshopCounts,
  current: string | null,
  phaseId: string,
  workshopId: string | null,
  { byOrganiser = false, dayClosed = false, phaseOver = false }: { byOrganiser?: boolean; dayClosed?: boolean; phaseOver?: boolean } = {},
): ChoiceOutcome {
  if (!byOrganiser && dayClosed) return { ok: false, reason: 'DAY_CLOSED', alternatives: [] }
  const phase = programme.items.find((i) => i.id === phaseId && i.kind === 'work-phase')
  if (!phase) return { ok: false, reason: 'UNKNOWN_PHASE', alternatives: [] }
  if (!byOrganiser && phaseOver) return { ok: false, reason: 'PHASE_OVER', alternatives: [] }
  if (workshopId === null) return { ok: true, changed: current !== null, hint: null }
  const workshop = phase.workshops.find((w) => w.id === workshopId)
  if (!workshop) return { ok: false, reason: 'UNKNOWN_WORKSHOP', alternatives: alternativesIn(phase, counts, null, phase.workshops.length) }
  if (current === workshopId) return { ok: true, changed: false, hint: hintFor(phase, workshop, counts) }
  if (!byOrganiser && workshop.closed) return { ok: false, reason: 'CLOSED', alternatives: alternativesIn(phase, counts, workshopId, phase.workshops.length) }
  if (!byOrganiser && isFull(workshop, taken(counts, workshop))) return { ok: false, reason: 'FULL', alternatives: alternativesIn(phase, counts, workshopId, phase.workshops.length) }
  const after = new Map(counts)
  after.set(workshopId, taken(counts, workshop) + 1)
  if (current) after.set(current, Math.max(0, (after.get(current) ?? 0) - 1))
  return { ok: true, changed: true, hint: hintFor(phase, workshop, after) }
}

/** The seed's hint for a workshop past its threshold: the least-filled alternatives of its phase; null below it. */
export function hintFor(phase: ProgrammeItem, workshop: Workshop, counts: WorkshopCounts): Workshop[] | null {
  if (!pastThreshold(workshop, taken(counts, workshop))) return null
  return alternativesIn(phase, counts, workshop.id)
}
