import deConsole from './extra/de.console.json'
import deErrors from './extra/de.errors.json'
import deExport from './extra/de.export.json'
import deSetup from './extra/de.setup.json'
import enConsole from './extra/en.console.json'
import enErrors from './extra/en.errors.json'
import enExport from './extra/en.export.json'
import enSetup from './extra/en.setup.json'
import { addWording } from './index.js'

/**
 * The console's setup editor and exports (keys `setup.*`, `export.*`), and the error wording only
 * the console shows (round rules, setup fields), added to `errors.*` and `fields.*`.
 */
export const consoleWording = {
  de: { setup: deSetup, export: deExport, ...deConsole, ...deErrors },
  en: { setup: enSetup, export: enExport, ...enConsole, ...enErrors },
}
addWording(consoleWording)
