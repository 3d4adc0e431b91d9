import deModeration from './extra/de.moderation.json'
import enModeration from './extra/en.moderation.json'
import { addWording } from './index.js'

/** The moderation screens' wording (keys `moderation.*`), loaded with their code. */
export const moderationWording = {
  de: { moderation: deModeration },
  en: { moderation: enModeration },
}
addWording(moderationWording)
