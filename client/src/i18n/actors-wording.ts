import deActors from './extra/de.actors.json'
import enActors from './extra/en.actors.json'
import { addWording } from './index.js'

/** The actor map's wording (keys `actors.*`), loaded with its screens. */
export const actorsWording = {
  de: { actors: deActors },
  en: { actors: enActors },
}
addWording(actorsWording)
