import dePhone from './extra/de.moderation-phone.json'
import dePhoneSie from './extra/de.sie.moderation-phone.json'
import { addScreenWording } from './index.js'

/**
 * The moderation words every phone may show at its board (its own held cards, the host's entry),
 * keys `moderation.*`: loaded with the phone's moderation part, the rest (moderation-wording.ts)
 * with the host's list and the console. Its "Sie" twins come along (`sie.moderation.*`).
 */
export const moderationPhoneWording = { de: { moderation: dePhone, ...dePhoneSie } }
void addScreenWording(moderationPhoneWording.de, { en: async () => ({ moderation: (await import('./extra/en.moderation-phone.json')).default }) })
