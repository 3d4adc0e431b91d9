import { ACTORS_MAX, ACTOR_BODIES_MAX, ACTOR_RULES_MAX } from '@tischrunde/shared'
import type { Translate } from '../../i18n/index.js'

const WORDED = new Set(['READ_ONLY', 'INVALID_RECORD', 'RECORD_DELETED', 'TOO_MANY_CARDS'])

/** Why the actor map refused a change, in words (the server sends a code; a facilitator never sees it). */
export function actorRefusalText(t: Translate, reason: string): string {
  return t(`actors.refusedBecause.${WORDED.has(reason) ? reason : 'other'}`, { actors: ACTORS_MAX, bodies: ACTOR_BODIES_MAX, rules: ACTOR_RULES_MAX })
}
