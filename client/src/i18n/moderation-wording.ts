import deModeration from './extra/de.moderation.json'
import { addScreenWording } from './index.js'
import './moderation-phone-wording.js'

/** The moderation screens' wording (keys `moderation.*`), loaded with their code; English only when shown. */
void addScreenWording({ moderation: deModeration }, { en: async () => ({ moderation: (await import('./extra/en.moderation.json')).default }) })
