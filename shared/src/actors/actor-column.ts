/**
 * Column titles that ask for actors, in German and English ("Wer kann helfen?", "Behilfliche
 * Akteur*innen", "Who can help?", "Actors"): their cards name the people and bodies of the actor map.
 */
const ACTOR_COLUMN = /wer kann helfen|wer hilft|akteur|behilflich|kooperationspartner|wer kann unterst|who (?:can |could )?help|who (?:can |could )?support|\bactors?\b|stakeholder/i

/** Whether a column's title asks for actors. */
export function asksForActorsTitle(title: string): boolean {
  return ACTOR_COLUMN.test(title)
}
