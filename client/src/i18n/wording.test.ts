import { describe, expect, it, vi } from 'vitest'
import { consoleWording } from './console-wording.js'
import de from './de.json'
import deSie from './extra/de.sie.json'
import deModeration from './extra/de.moderation.json'
import deModerationPhone from './extra/de.moderation-phone.json'
import enModeration from './extra/en.moderation.json'
import enModerationPhone from './extra/en.moderation-phone.json'
import en from './en.json'
import { landingWording } from './landing-wording.js'
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
    ['start page', landingWording.de, landingWording.en],
    ['tree', treeWording.de, treeWording.en],
    ['moderation', deModeration, enModeration],
    ['moderation on the phone', deModerationPhone, enModerationPhone],
  ])('%s: English has exactly the German keys (German “Sie” twins aside)', (_name, german, english) => {
    expect(keys(english).sort()).toEqual(keys(german).filter((k) => !k.startsWith('sie.')).sort())
  })

  const duWords = /\b(du|Du|dein\w*|Dein\w*|dich|dir|euch|eure?|ihr|Lest|wechselt|ergänzt|Wähle)\b/
  it('every “Sie” wording has a “du” twin, and the “Sie” ones say no “du”', () => {
    const sie = keys(deSie.sie)
    expect(sie.length).toBeGreaterThan(15)
    const mainKeys = new Set(keys(de).filter((k) => !k.startsWith('sie.')))
    for (const key of sie) expect(mainKeys, key).toContain(key)
    const text = (tree: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string
    for (const key of sie) expect(text(deSie.sie, key), key).not.toMatch(duWords)
  })

  it('the tree phone speaks the event’s form of address: each “du” wording of the tree has a “Sie” twin without “du”', () => {
    const at = (tree: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string
    const sie = keys(treeWording.de.sie.tree)
    const du = keys(treeWording.de.tree)
    for (const key of sie) expect(du, key).toContain(key)
    for (const key of sie) expect(at(treeWording.de.sie.tree, key), key).not.toMatch(duWords)
    // The tree phone's wording (TreePhone, AddNodeForm, TreeOutline); the rest is console and projector wording, always "Sie".
    const phone = ['pickGroup', 'pickGroupHint', 'placing', 'yourGroup', 'changeGroup', 'objectiveHint', 'startsSoon', 'locked', 'finished', 'offline', 'refused', 'empty', 'emptyLocked', 'emptyObjectives', 'kindChoice', 'addCore', 'addUnder', 'text', 'send', 'save', 'cancel', 'edit', 'editOf', 'answers', 'mine']
    for (const key of phone) expect(du, key).toContain(key)
    for (const key of phone) if (duWords.test(at(treeWording.de.tree, key))) expect(sie, `tree.${key} needs a Sie form`).toContain(key)
  })

  it('no phone wording left in “du” once the organiser chose “Sie”', () => {
    const phoneGroups = ['join', 'card', 'rotation', 'board']
    for (const key of keys(de).filter((k) => phoneGroups.includes(k.split('.')[0]!))) {
      const du = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], de) as string
      if (duWords.test(du)) expect(keys(deSie.sie), `${key} needs a Sie form`).toContain(key)
    }
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
  it('words the phone with “Sie” when the organiser chose it, and in English the same either way', async () => {
    const { translate, setAddressForm } = await import('./index.js')
    await setAddressForm('sie')
    await setAddressForm('du')
    expect(translate('de', 'join.pickTable', {}, 'du')).toBe('An welchem Tisch sitzt du?')
    expect(translate('de', 'join.pickTable', {}, 'sie')).toBe('An welchem Tisch sitzen Sie?')
    expect(translate('de', 'card.text', {}, 'sie')).toBe('Ihre Karte')
    // Wording without a Sie twin is the same in both forms.
    expect(translate('de', 'card.submit', {}, 'sie')).toBe(translate('de', 'card.submit', {}, 'du'))
    expect(translate('en', 'join.pickTable', {}, 'sie')).toBe(en.join.pickTable)
    // One phone, one person: the move to the next table speaks to them alone, not to the table.
    expect(translate('de', 'rotation.move', {}, 'du')).toBe('Bitte wechsle jetzt den Tisch. Wohin gehst du?')
    expect(translate('de', 'tree.kindChoice', {}, 'du')).toBe('Was schreibst du?')
    expect(translate('de', 'tree.kindChoice', {}, 'sie')).toBe('Was schreiben Sie?')
  })
  it('falls back to German, then to the key, and never reads markup', async () => {
    const { translate } = await import('./index.js')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
    expect(translate('de', 'console.host', { name: '<b>x</b>' })).toBe('Gastgeber*in: <b>x</b>')
  })
  it('fetches a screen’s English only once English is loaded (a German phone never downloads it)', async () => {
    vi.resetModules()
    const { translate, addScreenWording, loadLanguage } = await import('./index.js')
    const fetched: string[] = []
    const english = (name: string) => async () => {
      fetched.push(name)
      return { probe: { [name]: `${name} in English` } }
    }
    await addScreenWording({ probe: { early: 'früh', late: 'spät' } }, { en: english('early') })
    expect(fetched).toEqual([])
    expect(translate('en', 'probe.early')).toBe('früh')
    await loadLanguage('en')
    expect(fetched).toEqual(['early'])
    expect(translate('en', 'probe.early')).toBe('early in English')
    // A screen that loads while English is there brings its English at once.
    await addScreenWording({ probe: { late: 'spät' } }, { en: english('late') })
    expect(translate('en', 'probe.late')).toBe('late in English')
    expect(translate('de', 'probe.late')).toBe('spät')
  })
  it('keeps German when a screen’s English cannot be fetched (offline)', async () => {
    vi.resetModules()
    const { translate, addScreenWording, loadLanguage } = await import('./index.js')
    await loadLanguage('en')
    // The server cannot be reached either (a restart): the words are fetched again later.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    let online = false
    await addScreenWording({ probe: { offline: 'ohne Netz' } }, { en: () => (online ? Promise.resolve({ probe: { offline: 'offline' } }) : Promise.reject(new Error('offline'))) })
    expect(translate('en', 'probe.offline')).toBe('ohne Netz')
    // Back online: the screen's English follows.
    online = true
    window.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(translate('en', 'probe.offline')).toBe('offline'))
    vi.unstubAllGlobals()
  })
})
