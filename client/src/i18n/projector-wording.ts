import deProjector from './extra/de.projector.json'
import enProjector from './extra/en.projector.json'
import { addWording } from './index.js'

/** The projector's modes, toolbar and shortcuts (keys `projectorModes.*`). */
export const projectorWording = {
  de: { projectorModes: deProjector },
  en: { projectorModes: enProjector },
}
addWording(projectorWording)
