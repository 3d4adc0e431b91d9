import type { EventId } from '@tischrunde/shared'
import type { VoteService } from './vote-service.js'

/**
 * Takes every vote's ranking off the projectors (the day moved on: the new station's board, timer
 * and code come up, as "Groß zeigen" ends). Returns the steps taken off, for the screens to hear of.
 */
export async function takeRankingsOff(votes: VoteService, eventId: EventId): Promise<string[]> {
  const off: string[] = []
  for (const step of await votes.steps(eventId)) if (step.onProjector && (await votes.show(eventId, step.id, false)).ok) off.push(step.id)
  return off
}
