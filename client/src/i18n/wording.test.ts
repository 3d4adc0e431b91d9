import { describe, expect, it } from 'vitest'
import { consoleWording } from './console-wording.js'
import de from './de.json'
import en from './en.json'
import { projectorWording } from './projector-wording.js'
import { treeWording } from './tree-wording.js'

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
    ['tree', treeWording.de, treeWording.en],
  ])('%s: English has exactly the German keys', (_name, german, english) => {
    expect(keys(english).sort()).toEqual(keys(german).sort())
  })
})

describe('translate', () => {
  it('fills placeholders and picks the plural form by count', async () => {
    const { translate, loadLanguage } = await import('./index.js')
    expect(translate('de', 'console.present', { count: 1 })).toBe('1 Person am Tisch')
    expect(translate('de', 'console.present', { count: 4 })).toBe('4 Personen am Tisch')
    expect(translate('de', 'console.host', { name: 'Frau Öztürk' })).toBe('Gastgeber*in: Frau Öztürk')
    await loadLanguage('en')
    expect(translate('en', 'join.pickTable')).toBe(en.join.pickTable)
    expect(translate('en', 'setup.title')).toBe(consoleWording.en.setup.title)
  })
  it('falls back to German, then to the key, and never reads markup', async () => {
    const { translate } = await import('./index.js')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
    expect(translate('de', 'console.host', { name: '<b>x</b>' })).toBe('Gastgeber*in: <b>x</b>')
  })
})
