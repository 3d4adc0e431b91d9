import deTree from './extra/de.tree.json'
import deTreeSie from './extra/de.tree-sie.json'
import enTree from './extra/en.tree.json'
import { addWording } from './index.js'

/**
 * The tree screens' wording (keys `tree.*`), loaded with their code. The phone's wording says "du";
 * its "Sie" twins (`sie.tree.*`) come along, for events that address participants with "Sie".
 */
export const treeWording = {
  de: { tree: deTree, sie: deTreeSie },
  en: { tree: enTree },
}
addWording(treeWording)
