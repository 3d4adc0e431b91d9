import deExport from './extra/de.export.json'
import deSetup from './extra/de.setup.json'
import enExport from './extra/en.export.json'
import enSetup from './extra/en.setup.json'
import { addWording } from './index.js'

/** The console's setup editor and exports (keys `setup.*`, `export.*`). */
export const consoleWording = {
  de: { setup: deSetup, export: deExport },
  en: { setup: enSetup, export: enExport },
}
addWording(consoleWording)
