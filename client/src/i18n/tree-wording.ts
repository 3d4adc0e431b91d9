import deTree from './extra/de.tree.json'
import enTree from './extra/en.tree.json'
import { addWording } from './index.js'

/** The tree screens' wording (keys `tree.*`), loaded with their code. */
export const treeWording = {
  de: { tree: deTree },
  en: { tree: enTree },
}
addWording(treeWording)
