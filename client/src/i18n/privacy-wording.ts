import dePrivacy from './extra/de.privacy.json'
import enPrivacy from './extra/en.privacy.json'
import { addWording } from './index.js'

/** Retention, privacy notice and "Meine Beiträge löschen" (keys `privacy.*`), loaded with their screens. */
export const privacyWording = {
  de: dePrivacy,
  en: enPrivacy,
}
addWording(privacyWording)
