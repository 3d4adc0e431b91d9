import deHarvest from './extra/de.harvest.json'
import enHarvest from './extra/en.harvest.json'
import { addWording } from './index.js'

/**
 * The voting screens' wording (keys `harvest.*`, the vote refusals under `errors.*`, and the
 * phone's "Sie" twins under `sie.*`), loaded with their code.
 */
export const harvestWording = {
  de: deHarvest,
  en: enHarvest,
}
addWording(harvestWording)
