import deLanding from './extra/de.landing.json'
import enLanding from './extra/en.landing.json'
import { addWording } from './index.js'

/** The creation page's method templates and event settings (keys `landing.*`, `fields.*`), loaded with the start page only. */
export const landingWording = { de: deLanding, en: enLanding }
addWording(landingWording)
