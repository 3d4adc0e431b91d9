import deProgramme from './extra/de.programme.json'
import enProgramme from './extra/en.programme.json'
import { addWording } from './index.js'

/** The programme screens' wording (keys `programme.*`, with `sie.programme.*` twins), loaded with their code. */
export const programmeWording = {
  de: deProgramme,
  en: enProgramme,
}
addWording(programmeWording)
