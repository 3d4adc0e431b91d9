import { z } from 'zod'
import { type ModerationModes, collecting } from './moderation-rules.js'

/** Most stations a template has (the push lists at most these). */
const STATIONS_MAX = 100

/**
 * To every screen of an event (on connect and on every change): where moderation is in use, so a
 * phone opens the moderation docs only then. `all`: approval for the whole event; `stations`: the
 * stations that approve or still collect.
 */
export const moderationModesPushSchema = z.object({
  all: z.boolean(),
  stations: z.array(z.string().min(1).max(200)).max(STATIONS_MAX),
  /** Of those, the stations whose cards are still collected out of sight (their columns wait for the reveal). */
  collecting: z.array(z.string().min(1).max(200)).max(STATIONS_MAX).default([]),
})
export type ModerationModesPush = z.infer<typeof moderationModesPushSchema>

/** To a participant's own screens: how many of their cards at a table are held off its board (hidden, waiting, collected, refused). */
export const moderationOwnPushSchema = z.object({
  tableId: z.string().min(1).max(200),
  held: z.number().int().min(0),
})
export type ModerationOwnPush = z.infer<typeof moderationOwnPushSchema>

export const moderationServerEvents = {
  'moderation:modes': moderationModesPushSchema,
  'moderation:own': moderationOwnPushSchema,
} as const

/** Where an event's moderation is in use, as its phones are told. */
export function modesInUse(modes: ModerationModes): ModerationModesPush {
  const stations = [...modes.stations.values()].filter((m) => m.approval || collecting(modes, m.stationId)).map((m) => m.stationId)
  const collected = stations.filter((id) => collecting(modes, id))
  return { all: modes.event.approval, stations: stations.slice(0, STATIONS_MAX), collecting: collected.slice(0, STATIONS_MAX) }
}

/** Whether a station's cards are still collected for the reveal, as the screens are told. */
export function collectingAt(push: ModerationModesPush | null, stationId: string | undefined): boolean {
  return push !== null && stationId !== undefined && push.collecting.includes(stationId)
}

/** Whether moderation matters at a station (a phone there opens the event's modes and its own held cards). */
export function modeAt(push: ModerationModesPush | null, stationId: string | undefined): boolean {
  return push !== null && (push.all || (stationId !== undefined && push.stations.includes(stationId)))
}
