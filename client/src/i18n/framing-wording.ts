import deFraming from './extra/de.framing.json'
import enFraming from './extra/en.framing.json'
import { addWording } from './index.js'

/** The console's editor of the documentation's framing (keys `framing.*`), loaded with it. */
export const framingWording = {
  de: deFraming,
  en: enFraming,
}
addWording(framingWording)
