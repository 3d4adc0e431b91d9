import { z } from 'zod'

/**
 * The four areas of an alliance's core group (seed 002, "Gemeinsam klappt's"), plus "Sonstige"
 * and "offen" (not sorted yet). Ids are fixed; their names are editable per event.
 */
export const ACTOR_AREAS = ['migration', 'arbeit', 'soziales', 'bildung', 'sonstige', 'offen'] as const
export const actorAreaSchema = z.enum(ACTOR_AREAS)
export type ActorArea = z.infer<typeof actorAreaSchema>

/** The areas shown as columns on the projector (the rest are listed after them). */
export const MAIN_AREAS: readonly ActorArea[] = ['migration', 'arbeit', 'soziales', 'bildung']

/** Default names as seed 002 writes them; an event may rename them (the `areas` root of the actor map). */
export const DEFAULT_AREA_NAMES: Readonly<Record<ActorArea, string>> = {
  migration: 'Migration und Integration',
  arbeit: 'Arbeit und Wirtschaft',
  soziales: 'Soziales',
  bildung: 'Bildung',
  sonstige: 'Sonstige',
  offen: 'Nicht zugeordnet',
}
