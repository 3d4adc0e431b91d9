import { describe, expect, it } from 'vitest'
import { consoleWording } from './console-wording.js'
import de from './de.json'
import en from './en.json'
import { projectorWording } from './projector-wording.js'

/** Every key path of a wording tree, e.g. `join.pickTable`. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('wording', () => {
  it.each([
    ['main', de, en],
    ['console', consoleWording.de, consoleWording.en],
    ['projector', projectorWording.de, projectorWording.en],
  ])('%s: English has exactly the German keys', (_name, german, english) => {
    expect(keys(english).sort()).toEqual(keys(german).sort())
  })
})
