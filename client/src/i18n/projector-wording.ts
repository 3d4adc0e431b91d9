import deProjector from './extra/de.projector.json'
import deProjectorSie from './extra/de.projector-sie.json'
import enProjector from './extra/en.projector.json'
import { addWording } from './index.js'

/**
 * The projector's modes, toolbar and shortcuts (keys `projectorModes.*`). What it says to the hall
 * says "du"; its "Sie" twins (`sie.projectorModes.*`) serve events that address participants with "Sie".
 */
export const projectorWording = {
  de: { projectorModes: deProjector, sie: deProjectorSie },
  en: { projectorModes: enProjector },
}
addWording(projectorWording)
