import { asksForActorsTitle } from '@tischrunde/shared'

/**
 * Whether an event asks "Wer kann helfen?" ("Who can help?") anywhere (then phones may look at the
 * actor map). Kept apart from the actor code so the phone's main chunk carries only this check.
 */
export function asksForActors(template: { stations: readonly { columns: readonly { title: string }[] }[] }): boolean {
  return template.stations.some((s) => s.columns.some((c) => asksForActorsTitle(c.title)))
}
