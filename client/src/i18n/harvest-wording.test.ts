import { describe, expect, it } from 'vitest'
import { VOTE_REFUSALS } from '@tischrunde/shared'
import deErrors from './extra/de.errors.json'
import enErrors from './extra/en.errors.json'
import { harvestWording } from './harvest-wording.js'
import { translate } from './index.js'

/** Every key path of a wording tree, e.g. `harvest.phone.title`. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}
const text = (tree: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string
const duWords = /\b(du|Du|dein\w*|Dein\w*|dich|dir|Nimm)\b/

describe('voting wording', () => {
  it('English has exactly the German keys (German “Sie” twins aside)', () => {
    expect(keys(harvestWording.en).sort()).toEqual(keys(harvestWording.de).filter((k) => !k.startsWith('sie.')).sort())
  })

  it('words every refusal of the voting rules, with a Sie twin where the phone says “du”', () => {
    for (const reason of VOTE_REFUSALS) {
      expect(keys(deErrors)).toContain(`errors.NOT_NOW_${reason}`)
      expect(keys(enErrors)).toContain(`errors.NOT_NOW_${reason}`)
      const du = text(deErrors, `errors.NOT_NOW_${reason}`)
      // The twins come with the voting wording (the main Sie file twins only the main wording).
      if (duWords.test(du)) expect(keys(harvestWording.de.sie)).toContain(`errors.NOT_NOW_${reason}`)
    }
  })

  it('has a “Sie” twin for every phone or refusal wording in “du”, and the twins say no “du”', () => {
    const sie = keys(harvestWording.de.sie)
    const main = keys(harvestWording.de).filter((k) => !k.startsWith('sie.'))
    for (const key of main.filter((k) => k.startsWith('harvest.phone.'))) {
      if (duWords.test(text(harvestWording.de, key))) expect(sie, `${key} needs a Sie form`).toContain(key)
    }
    for (const key of sie) {
      expect([...main, ...keys(deErrors)]).toContain(key)
      expect(text(harvestWording.de.sie, key), key).not.toMatch(duWords)
    }
    expect(translate('de', 'harvest.phone.dotsLeft', { count: 2 }, 'sie')).toBe('Sie haben noch 2 Punkte.')
    expect(translate('de', 'harvest.phone.dotsLeft', { count: 1 }, 'du')).toBe('Du hast noch 1 Punkt.')
    expect(translate('de', 'errors.NOT_NOW_VOTE_CARD_FULL', {}, 'sie')).toBe('Auf diese Karte können Sie keine weiteren Punkte setzen.')
  })
})
